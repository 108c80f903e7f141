// `cairn new <template> [dir]`: scaffolds a project (Cairn.yaml, index.ts, package.json,
// tsconfig.json, .gitignore) and, with -s, creates and selects its first stack.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { CliContext } from "../cli-context.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { TEMPLATE_NAMES, typescriptTemplate } from "../templates.js";

export async function newProject(ctx: CliContext, template: string, dir: string | undefined, flags: { name?: string; description?: string; stack?: string; force?: boolean }): Promise<ExitCodeValue> {
  if (template !== "typescript") {
    const later = template === "aws-typescript" ? " (aws-typescript arrives with the AWS provider)" : "";
    throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `unknown template ${JSON.stringify(template)}${later}`, hint: `available templates: ${TEMPLATE_NAMES.join(", ")}` });
  }
  const target = resolve(ctx.cwd, dir ?? ".");
  if (existsSync(target) && readdirSync(target).length > 0 && !flags.force) {
    throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `${target} is not empty`, hint: "choose an empty directory or pass --force" });
  }
  const name = flags.name ?? basename(target).replace(/[^A-Za-z0-9_.-]/g, "-");
  mkdirSync(target, { recursive: true });
  for (const f of typescriptTemplate({ name, description: flags.description ?? "A Cairn program in TypeScript" })) writeFileSync(join(target, f.path), f.text);
  ctx.stdout.write(`Created project '${name}' in ${target}\n`);
  if (flags.stack) {
    const stackCmd = await import("./stack.js");
    await stackCmd.init({ ...ctx, cwd: target }, flags.stack, {});
  }
  ctx.stdout.write(`\nNext:\n  cd ${dir ?? "."}\n${flags.stack ? "" : "  cairn stack init dev\n"}  cairn up\n`);
  return ExitCode.Ok;
}
