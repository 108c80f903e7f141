// `cairn stack ...`: init, select, ls, rm, rename, output, history, export, import and
// change-secrets-provider.
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { CliContext } from "../cli-context.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { openStack, openWorkspace, stackName, type StackFlag } from "../open-workspace.js";
import { readSelectedStack, writeSelectedStack } from "../selected-stack.js";
import { formatValue, redact } from "../render/format-value.js";
import { stepDiffText } from "../render/diff-text.js";
import { isShown } from "../render/step-rows.js";
import { summaryLine } from "../render/summary-line.js";

function wsDir(ws: ReturnType<typeof openWorkspace>): string {
  return ws.ctx.projectDir ?? ws.ctx.workDir;
}

export async function init(ctx: CliContext, name: string | undefined, flags: StackFlag): Promise<ExitCodeValue> {
  const ws = openWorkspace(ctx);
  const stackNameToCreate = name ?? flags.stack;
  if (!stackNameToCreate) throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: "`cairn stack init` needs a stack name", hint: "cairn stack init dev" });
  await ws.createStack(stackNameToCreate);
  writeSelectedStack(ctx, ws.projectName, wsDir(ws), stackNameToCreate);
  ctx.stdout.write(`Created stack '${stackNameToCreate}'\n`);
  return ExitCode.Ok;
}

export async function select(ctx: CliContext, name: string | undefined, flags: StackFlag & { create?: boolean }): Promise<ExitCodeValue> {
  const ws = openWorkspace(ctx);
  const target = name ?? flags.stack;
  if (!target) throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: "`cairn stack select` needs a stack name" });
  if (flags.create) await ws.createOrSelectStack(target);
  else await ws.selectStack(target);
  writeSelectedStack(ctx, ws.projectName, wsDir(ws), target);
  ctx.stdout.write(`Selected stack '${target}'\n`);
  return ExitCode.Ok;
}

export async function ls(ctx: CliContext, flags: { json?: boolean }): Promise<ExitCodeValue> {
  const ws = openWorkspace(ctx);
  const stacks = await ws.listStacks();
  const current = readSelectedStack(ctx, ws.projectName, wsDir(ws));
  if (flags.json) {
    ctx.stdout.write(`${JSON.stringify(stacks.map((s) => ({ ...s, current: s.stack === current })), null, 2)}\n`);
    return ExitCode.Ok;
  }
  ctx.stdout.write(`${"NAME".padEnd(24)}${"LAST UPDATE".padEnd(28)}RESOURCE COUNT\n`);
  for (const s of stacks) {
    const nameCol = `${s.stack}${s.stack === current ? "*" : ""}${s.lease ? " (locked)" : ""}`;
    ctx.stdout.write(`${nameCol.padEnd(24)}${(s.lastUpdate ?? "n/a").padEnd(28)}${s.resourceCount}\n`);
  }
  return ExitCode.Ok;
}

export async function rm(ctx: CliContext, name: string | undefined, flags: StackFlag & { force?: boolean; yes?: boolean; preserveConfig?: boolean }): Promise<ExitCodeValue> {
  const ws = openWorkspace(ctx);
  const target = name ?? stackName(ctx, ws, flags);
  if (!flags.yes && !ctx.stdinIsTTY) throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: "`cairn stack rm` needs --yes when not run on an interactive terminal" });
  if (!flags.yes) {
    const { promptLine } = await import("../prompts.js");
    const typed = await promptLine(`This removes stack '${target}' and its history. Type the stack name to confirm: `);
    if (typed.trim() !== target) {
      ctx.stderr.write("confirmation declined\n");
      return ExitCode.Failed;
    }
  }
  const stack = await ws.selectStack(target);
  await ws.removeStack(target, { force: flags.force ?? false });
  if (!flags.preserveConfig) rmSync(stack.settingsFile, { force: true });
  if (readSelectedStack(ctx, ws.projectName, wsDir(ws)) === target) writeSelectedStack(ctx, ws.projectName, wsDir(ws), undefined);
  ctx.stdout.write(`Stack '${target}' has been removed!\n`);
  return ExitCode.Ok;
}

export async function rename(ctx: CliContext, newName: string, flags: StackFlag): Promise<ExitCodeValue> {
  const { ws, stack } = await openStack(ctx, flags);
  await ws.renameStack(stack.name, newName);
  if (readSelectedStack(ctx, ws.projectName, wsDir(ws)) === stack.name || flags.stack === undefined) writeSelectedStack(ctx, ws.projectName, wsDir(ws), newName);
  ctx.stdout.write(`Renamed stack '${stack.name}' to '${newName}'\n`);
  return ExitCode.Ok;
}

export async function output(ctx: CliContext, name: string | undefined, flags: StackFlag & { json?: boolean; showSecrets?: boolean }): Promise<ExitCodeValue> {
  const { stack } = await openStack(ctx, flags);
  const outputs = await stack.outputs();
  const show = (o: { value: unknown; secret: boolean }) => (o.secret && !flags.showSecrets ? "[secret]" : o.value);
  if (name !== undefined) {
    const o = outputs[name];
    if (!o) throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `stack ${stack.name} has no output named ${name}`, hint: `outputs: ${Object.keys(outputs).join(", ") || "(none)"}` });
    const v = show(o);
    ctx.stdout.write(flags.json ? `${JSON.stringify(v, null, 2)}\n` : `${typeof v === "string" ? v : JSON.stringify(v)}\n`);
    return ExitCode.Ok;
  }
  if (flags.json) {
    ctx.stdout.write(`${JSON.stringify(Object.fromEntries(Object.entries(outputs).map(([k, o]) => [k, show(o)])), null, 2)}\n`);
    return ExitCode.Ok;
  }
  ctx.stdout.write(`Current stack outputs (${Object.keys(outputs).length}):\n`);
  const w = Math.max(6, ...Object.keys(outputs).map((k) => k.length));
  ctx.stdout.write(`    ${"OUTPUT".padEnd(w)}  VALUE\n`);
  for (const [k, o] of Object.entries(outputs)) ctx.stdout.write(`    ${k.padEnd(w)}  ${o.secret && !flags.showSecrets ? "[secret]" : formatValue(o.value).replace(/^"(.*)"$/, "$1")}\n`);
  return ExitCode.Ok;
}

export async function history(ctx: CliContext, flags: StackFlag & { json?: boolean; showSecrets?: boolean; limit?: string }): Promise<ExitCodeValue> {
  const { stack } = await openStack(ctx, flags);
  const records = await stack.history(flags.limit ? { limit: Number(flags.limit) } : {});
  if (flags.json) {
    ctx.stdout.write(`${JSON.stringify(redact(records, { showSecrets: flags.showSecrets ?? false }), null, 2)}\n`);
    return ExitCode.Ok;
  }
  if (records.length === 0) ctx.stdout.write(`Stack ${stack.name} has no updates yet.\n`);
  for (const r of records) {
    const ms = Date.parse(r.endTime) - Date.parse(r.startTime);
    ctx.stdout.write(`UpdateKind: ${r.kind}\nStatus: ${r.result}\n`);
    if (r.message) ctx.stdout.write(`Message: ${r.message}\n`);
    ctx.stdout.write(`Start: ${r.startTime}  End: ${r.endTime}\nBy: ${r.user}${r.host ? `@${r.host}` : ""}  Cairn ${r.cairnVersion}\n`);
    if (r.git?.commit) ctx.stdout.write(`Git: ${r.git.commit.slice(0, 12)}${r.git.branch ? ` (${r.git.branch})` : ""}${r.git.dirty ? " dirty" : ""}\n`);
    ctx.stdout.write(`Resources: ${summaryLine({ counts: r.counts, durationMs: Number.isFinite(ms) ? ms : 0, dryRun: false })}\n`);
    for (const s of r.steps.filter(isShown)) for (const l of stepDiffText(s, { showSecrets: flags.showSecrets ?? false })) ctx.stdout.write(`  ${l}\n`);
    if (r.error) ctx.stdout.write(`Error: ${r.error.message}\n`);
    ctx.stdout.write("\n");
  }
  return ExitCode.Ok;
}

export async function exportState(ctx: CliContext, flags: StackFlag & { file?: string }): Promise<ExitCodeValue> {
  const { stack } = await openStack(ctx, flags);
  const text = `${JSON.stringify(await stack.exportStack(), null, 2)}\n`;
  if (flags.file) writeFileSync(flags.file, text);
  else ctx.stdout.write(text);
  return ExitCode.Ok;
}

export async function importState(ctx: CliContext, flags: StackFlag & { file?: string }): Promise<ExitCodeValue> {
  const { stack } = await openStack(ctx, flags);
  const text = flags.file ? readFileSync(flags.file, "utf8") : readFileSync(0, "utf8");
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CairnError({ code: ErrorCodes.StateCorrupt, source: "user", message: `${flags.file ?? "stdin"} is not JSON: ${(e as Error).message}` });
  }
  await stack.importStack(doc);
  ctx.stdout.write("Import complete.\n");
  return ExitCode.Ok;
}

export async function changeSecretsProvider(ctx: CliContext, flags: StackFlag & { newPassphraseFile?: string }): Promise<ExitCodeValue> {
  const { stack } = await openStack(ctx, flags);
  let next = ctx.env.CAIRN_NEW_CONFIG_PASSPHRASE;
  if (flags.newPassphraseFile) next = readFileSync(flags.newPassphraseFile, "utf8").replace(/\r?\n$/, "");
  if (next === undefined) {
    if (!ctx.stdinIsTTY) throw new CairnError({ code: ErrorCodes.PassphraseMissing, source: "user", message: "the new passphrase is missing", hint: "set CAIRN_NEW_CONFIG_PASSPHRASE or pass --new-passphrase-file" });
    const { promptHidden } = await import("../prompts.js");
    next = await promptHidden("Enter the new passphrase: ");
  }
  await stack.changeSecretsProvider({ newPassphrase: next });
  ctx.stdout.write(`Re-sealed the config and state of stack '${stack.name}' with the new passphrase.\n`);
  return ExitCode.Ok;
}

