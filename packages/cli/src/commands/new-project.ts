// `cairn new <template> [dir]`: scaffolds a project (Cairn.yaml, index.ts, package.json,
// tsconfig.json, .gitignore) and, with -s, creates and selects its first stack and writes the
// template's stack config into it (aws-typescript: `aws:region`, as Pulumi's template does).
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { CliContext } from "../cli-context.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { DEFAULT_DESCRIPTIONS, TEMPLATE_NAMES, isTemplateName, renderTemplate } from "../templates.js";

export async function newProject(ctx: CliContext, template: string, dir: string | undefined, flags: { name?: string; description?: string; stack?: string; force?: boolean }): Promise<ExitCodeValue> {
  if (!isTemplateName(template)) {
    throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `unknown template ${JSON.stringify(template)}`, hint: `available templates: ${TEMPLATE_NAMES.join(", ")}` });
  }
  const target = resolve(ctx.cwd, dir ?? ".");
  if (existsSync(target) && readdirSync(target).length > 0 && !flags.force) {
    throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `${target} is not empty`, hint: "choose an empty directory or pass --force" });
  }
  const name = flags.name ?? basename(target).replace(/[^A-Za-z0-9_.-]/g, "-");
  const rendered = renderTemplate(template, { name, description: flags.description ?? DEFAULT_DESCRIPTIONS[template], env: ctx.env });
  mkdirSync(target, { recursive: true });
  for (const f of rendered.files) writeFileSync(join(target, f.path), f.text);
  ctx.stdout.write(`Created project '${name}' in ${target}\n`);
  if (flags.stack) {
    const stackCmd = await import("./stack.js");
    const stackCtx = { ...ctx, cwd: target };
    await stackCmd.init(stackCtx, flags.stack, {});
    await writeStackConfig(stackCtx, flags.stack, rendered.stackConfig);
  }
  const setup = flags.stack ? [] : ["cairn stack init dev", ...rendered.configHint];
  ctx.stdout.write(`\nNext:\n${[`cd ${dir ?? "."}`, ...setup, "cairn up"].map((l) => `  ${l}\n`).join("")}`);
  return ExitCode.Ok;
}

/** Writes the template's config into the new stack's Cairn.<stack>.yaml and says what it set. */
async function writeStackConfig(ctx: CliContext, stackName: string, config: Record<string, string>): Promise<void> {
  const entries = Object.entries(config);
  if (entries.length === 0) return;
  const { openWorkspace } = await import("../open-workspace.js");
  const stack = await openWorkspace(ctx).selectStack(stackName);
  for (const [key, value] of entries) {
    await stack.setConfig(key, { value, secret: false });
    ctx.stdout.write(`Set ${key} = ${value} in stack '${stackName}' (change it with \`cairn config set ${key} <value>\`)\n`);
  }
}
