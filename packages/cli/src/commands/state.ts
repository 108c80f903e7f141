// `cairn state delete / unprotect / rename` and `cairn cancel`: direct edits of a stack's state
// and breaking its lease.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { stateDelete, stateDeletePending, stateRename, stateUnprotect } from "@cairn/automation";
import type { CliContext } from "../cli-context.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { openStack, type StackFlag } from "../open-workspace.js";

function needYes(ctx: CliContext, what: string, yes: boolean | undefined): void {
  if (!yes && !ctx.stdinIsTTY) throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `\`cairn ${what}\` needs --yes when not run on an interactive terminal` });
}

async function confirmed(ctx: CliContext, question: string, yes: boolean | undefined): Promise<boolean> {
  if (yes) return true;
  const { promptLine } = await import("../prompts.js");
  return /^y(es)?$/i.test((await promptLine(`${question} [yes/no] `)).trim());
}

export async function del(ctx: CliContext, urn: string, flags: StackFlag & { force?: boolean; yes?: boolean; pending?: boolean }): Promise<ExitCodeValue> {
  needYes(ctx, "state delete", flags.yes);
  const { stack } = await openStack(ctx, flags);
  if (flags.pending) {
    if (!(await confirmed(ctx, `Forget the interrupted operations of ${urn} in stack '${stack.name}' (check the cloud first: a create may have happened)?`, flags.yes))) return ExitCode.Failed;
    const n = await stateDeletePending(stack, urn);
    ctx.stdout.write(`Cleared ${n} pending operation${n === 1 ? "" : "s"} of ${urn} in stack '${stack.name}'.\n`);
    return ExitCode.Ok;
  }
  if (!(await confirmed(ctx, `Remove ${urn} from the state of '${stack.name}' (the resource itself is not deleted)?`, flags.yes))) return ExitCode.Failed;
  await stateDelete(stack, urn, { force: flags.force ?? false });
  ctx.stdout.write(`Removed ${urn} from the state of stack '${stack.name}'.\n`);
  return ExitCode.Ok;
}

export async function unprotect(ctx: CliContext, urn: string, flags: StackFlag & { yes?: boolean }): Promise<ExitCodeValue> {
  const { stack } = await openStack(ctx, flags);
  await stateUnprotect(stack, urn);
  ctx.stdout.write(`Unprotected ${urn}.\n`);
  return ExitCode.Ok;
}

export async function rename(ctx: CliContext, urn: string, newName: string, flags: StackFlag & { yes?: boolean }): Promise<ExitCodeValue> {
  needYes(ctx, "state rename", flags.yes);
  const { stack } = await openStack(ctx, flags);
  if (!(await confirmed(ctx, `Rename ${urn} to ${newName}?`, flags.yes))) return ExitCode.Failed;
  await stateRename(stack, urn, newName);
  ctx.stdout.write(`Renamed ${urn} to ${newName}.\n`);
  return ExitCode.Ok;
}

export async function cancel(ctx: CliContext, flags: StackFlag & { yes?: boolean }): Promise<ExitCodeValue> {
  const { stack } = await openStack(ctx, flags);
  const lease = await stack.getLease();
  if (!lease) {
    ctx.stdout.write(`Stack '${stack.name}' has no update in progress.\n`);
    return ExitCode.Ok;
  }
  const holder = `${lease.operation} by ${lease.holder.user}@${lease.holder.host} (pid ${lease.holder.pid}) since ${lease.acquiredAt}`;
  ctx.stdout.write(`Stack '${stack.name}' is locked: ${holder}\n`);
  needYes(ctx, "cancel", flags.yes);
  if (!(await confirmed(ctx, "Break the lock? The running update, if alive, will fail its next write.", flags.yes))) return ExitCode.Failed;
  await stack.cancel();
  ctx.stdout.write("The lock has been broken.\n");
  return ExitCode.Ok;
}
