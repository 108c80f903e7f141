// preview / up / destroy / refresh / import: run the operation through the automation API with
// the right reporter (live view, plain lines or JSON), confirm on a terminal, and turn the result
// into an exit code CI can trust.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { OperationOptions, OperationResult, Stack, ImportResource } from "@cairn/automation";
import type { CliContext } from "../cli-context.js";
import { ExitCode, exitCodeFor, changeCount, type ExitCodeValue } from "../exit-codes.js";
import { openStack, type StackFlag } from "../open-workspace.js";
import { HumanReporter } from "../render/human-reporter.js";
import { JsonReporter } from "../render/json-reporter.js";
import { stepDiffText } from "../render/diff-text.js";
import { isShown } from "../render/step-rows.js";

export interface OperationFlags extends StackFlag {
  yes?: boolean;
  skipPreview?: boolean;
  json?: boolean;
  diff?: boolean;
  showSecrets?: boolean;
  expectNoChanges?: boolean;
  target?: string[];
  targetDependents?: boolean;
  replace?: string[];
  exclude?: string[];
  parallel?: string;
  refresh?: boolean;
  message?: string;
  continueOnError?: boolean;
  remove?: boolean;
}

type Verb = "preview" | "up" | "destroy" | "refresh" | "import";

function engineOptions(flags: OperationFlags): OperationOptions {
  const parallel = flags.parallel === undefined ? undefined : Number(flags.parallel);
  if (parallel !== undefined && (!Number.isInteger(parallel) || parallel < 1)) {
    throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `-p/--parallel must be a positive integer (got ${flags.parallel})` });
  }
  return {
    ...(flags.target?.length ? { targets: flags.target } : {}),
    ...(flags.targetDependents ? { targetDependents: true } : {}),
    ...(flags.replace?.length ? { replace: flags.replace } : {}),
    ...(flags.exclude?.length ? { exclude: flags.exclude } : {}),
    ...(parallel ? { parallel } : {}),
    ...(flags.refresh ? { refresh: true } : {}),
    ...(flags.message ? { message: flags.message } : {}),
    ...(flags.expectNoChanges ? { expectNoChanges: true } : {}),
    ...(flags.continueOnError ? { continueOnError: true } : {}),
  };
}

interface Reporter {
  onEvent: NonNullable<OperationOptions["onEvent"]>;
  finish(r: OperationResult): void;
}

function reporter(ctx: CliContext, flags: OperationFlags, title: string, dryRun: boolean): Reporter {
  if (flags.json) return new JsonReporter(ctx.stdout, flags.showSecrets);
  const r = new HumanReporter({ out: ctx.stdout, live: ctx.stdout.isTTY, showSecrets: flags.showSecrets ?? false, showDiff: flags.diff ?? false, clock: ctx.clock });
  r.start(title, dryRun);
  return r;
}

/** Runs one operation with Ctrl-C wired to cancel (first: graceful, second: force). */
async function runWithReporter(ctx: CliContext, flags: OperationFlags, title: string, dryRun: boolean, run: (o: OperationOptions) => Promise<OperationResult>): Promise<OperationResult> {
  const rep = reporter(ctx, flags, title, dryRun);
  const soft = new AbortController();
  const hard = new AbortController();
  const onSigint = () => (soft.signal.aborted ? hard.abort() : soft.abort());
  process.on("SIGINT", onSigint);
  try {
    const result = await run({ ...engineOptions(flags), onEvent: rep.onEvent, signal: soft.signal, forceSignal: hard.signal });
    rep.finish(result);
    return result;
  } finally {
    process.off("SIGINT", onSigint);
  }
}

function requireYes(ctx: CliContext, verb: Verb, flags: OperationFlags): void {
  if (flags.yes || ctx.stdinIsTTY) return;
  throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `\`cairn ${verb}\` needs --yes when not run on an interactive terminal`, hint: `run \`cairn ${verb} --yes\`` });
}

async function confirmPlan(ctx: CliContext, flags: OperationFlags, verb: Verb, plan: OperationResult): Promise<boolean> {
  if (flags.yes) return true;
  const { confirm } = await import("../prompts.js");
  return confirm(`Do you want to perform this ${verb === "up" ? "update" : verb}?`, () => {
    for (const s of plan.steps.filter(isShown)) for (const l of stepDiffText(s, { showSecrets: flags.showSecrets ?? false })) ctx.stdout.write(`  ${l}\n`);
  });
}

function outcome(result: OperationResult, flags: OperationFlags): ExitCodeValue {
  return exitCodeFor({ result: result.result, counts: result.counts, ...(result.error ? { errorCode: result.error.code } : {}), ...(flags.expectNoChanges ? { expectNoChanges: true } : {}) });
}

export async function preview(ctx: CliContext, flags: OperationFlags): Promise<ExitCodeValue> {
  const { stack } = await openStack(ctx, flags);
  const result = await runWithReporter(ctx, flags, `Previewing update (${stack.name}):`, true, (o) => stack.preview(o));
  if (flags.expectNoChanges && result.result === "succeeded" && changeCount(result.counts) > 0 && !flags.json) ctx.stderr.write("error: changes were found and --expect-no-changes was given\n");
  return outcome(result, flags);
}

/** Preview (unless skipped), confirm, then run: the shape of up, destroy, refresh and import. */
async function planThenApply(ctx: CliContext, flags: OperationFlags, verb: Verb, stack: Stack, ops: { plan: (o: OperationOptions) => Promise<OperationResult>; apply: (o: OperationOptions) => Promise<OperationResult> }): Promise<ExitCodeValue> {
  requireYes(ctx, verb, flags);
  if (!flags.skipPreview) {
    const plan = await runWithReporter(ctx, flags, `Previewing ${verb === "up" ? "update" : verb} (${stack.name}):`, true, ops.plan);
    if (plan.result !== "succeeded") return outcome(plan, flags);
    if (!(await confirmPlan(ctx, flags, verb, plan))) {
      ctx.stderr.write(`confirmation declined, not proceeding with the ${verb}\n`);
      return ExitCode.Failed;
    }
  }
  const verbing = verb === "up" ? "Updating" : verb === "destroy" ? "Destroying" : verb === "refresh" ? "Refreshing" : "Importing";
  const result = await runWithReporter(ctx, flags, `${verbing} (${stack.name}):`, false, ops.apply);
  return outcome(result, flags);
}

export async function up(ctx: CliContext, flags: OperationFlags): Promise<ExitCodeValue> {
  const { stack } = await openStack(ctx, flags);
  return planThenApply(ctx, flags, "up", stack, { plan: (o) => stack.preview(o), apply: (o) => stack.up(o) });
}

export async function destroy(ctx: CliContext, flags: OperationFlags): Promise<ExitCodeValue> {
  const { ws, stack } = await openStack(ctx, flags);
  const code = await planThenApply(ctx, flags, "destroy", stack, { plan: (o) => stack.destroy({ ...o, preview: true }), apply: (o) => stack.destroy(o) });
  if (code === ExitCode.Ok && flags.remove) {
    await ws.removeStack(stack.name);
    const { rmSync } = await import("node:fs");
    rmSync(stack.settingsFile, { force: true });
    ctx.stdout.write(`Stack ${stack.name} has been removed.\n`);
  }
  return code;
}

export async function refresh(ctx: CliContext, flags: OperationFlags): Promise<ExitCodeValue> {
  const { stack } = await openStack(ctx, flags);
  return planThenApply(ctx, flags, "refresh", stack, { plan: (o) => stack.refresh({ ...o, preview: true }), apply: (o) => stack.refresh(o) });
}

export async function importResource(ctx: CliContext, resource: ImportResource, flags: OperationFlags): Promise<ExitCodeValue> {
  const { stack } = await openStack(ctx, flags);
  const resources = [resource];
  const code = await planThenApply(ctx, flags, "import", stack, { plan: (o) => stack.import({ ...o, resources, preview: true }), apply: (o) => stack.import({ ...o, resources }) });
  if (code === ExitCode.Ok && !flags.json) ctx.stdout.write(`\nAdd the resource to your program so the next \`cairn up\` keeps it: new <class>("${resource.name}", {...}, { import: "${resource.id}" })\n`);
  return code;
}
