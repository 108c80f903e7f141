// `cairn config set/get/rm/list`: plain and secret values, nested keys with --path, JSON output.
// Secrets are sealed in Cairn.<stack>.yaml and shown as [secret] unless --show-secrets.
import { readFileSync } from "node:fs";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { CliContext } from "../cli-context.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { openStack, type StackFlag } from "../open-workspace.js";

interface ConfigFlags extends StackFlag {
  secret?: boolean;
  plaintext?: boolean;
  path?: boolean;
  json?: boolean;
  showSecrets?: boolean;
}

export async function set(ctx: CliContext, key: string, value: string | undefined, flags: ConfigFlags): Promise<ExitCodeValue> {
  const { stack } = await openStack(ctx, flags);
  let v = value;
  if (v === undefined) {
    if (ctx.stdinIsTTY) {
      const { promptHidden, promptLine } = await import("../prompts.js");
      v = flags.secret ? await promptHidden("value: ") : await promptLine("value: ");
    } else v = readFileSync(0, "utf8").replace(/\r?\n$/, "");
  }
  await stack.setConfig(key, { value: v, secret: flags.secret ?? false }, { path: flags.path ?? false });
  return ExitCode.Ok;
}

export async function get(ctx: CliContext, key: string, flags: ConfigFlags): Promise<ExitCodeValue> {
  const { stack } = await openStack(ctx, flags);
  const v = await stack.getConfig(key, { path: flags.path ?? false });
  if (v === undefined) {
    throw new CairnError({ code: ErrorCodes.ConfigMissing, source: "user", message: `configuration key '${key}' not found for stack '${stack.name}'`, hint: `set it with \`cairn config set ${key} <value>\`` });
  }
  if (flags.json) ctx.stdout.write(`${JSON.stringify({ value: v.value, ...objectValue(v.value), secret: v.secret }, null, 2)}\n`);
  else ctx.stdout.write(`${v.value}\n`);
  return ExitCode.Ok;
}

export async function rm(ctx: CliContext, key: string, flags: ConfigFlags): Promise<ExitCodeValue> {
  const { stack } = await openStack(ctx, flags);
  await stack.removeConfig(key, { path: flags.path ?? false });
  return ExitCode.Ok;
}

export async function list(ctx: CliContext, flags: ConfigFlags): Promise<ExitCodeValue> {
  const { stack } = await openStack(ctx, flags);
  const all = await stack.listConfig({ showSecrets: flags.showSecrets ?? false });
  const shown = (k: string) => (all[k]!.secret && !flags.showSecrets ? "[secret]" : all[k]!.value);
  const keys = Object.keys(all).sort();
  if (flags.json) {
    ctx.stdout.write(`${JSON.stringify(Object.fromEntries(keys.map((k) => [k, { value: shown(k), secret: all[k]!.secret }])), null, 2)}\n`);
    return ExitCode.Ok;
  }
  const w = Math.max(3, ...keys.map((k) => k.length));
  ctx.stdout.write(`${"KEY".padEnd(w)}  VALUE\n`);
  for (const k of keys) ctx.stdout.write(`${k.padEnd(w)}  ${shown(k)}\n`);
  return ExitCode.Ok;
}

/** Structured values (set with --path or written as YAML objects) also as JSON data. */
function objectValue(text: string): { objectValue?: unknown } {
  if (!/^[[{]/.test(text)) return {};
  try {
    return { objectValue: JSON.parse(text) as unknown };
  } catch {
    return {};
  }
}
