// Turns an error into what the user sees on stderr and the exit code: CairnErrors print their
// message and hint; commander's usage errors exit 2; anything else is reported as a bug.
import type { CliContext } from "./cli-context.js";
import { ExitCode } from "./exit-codes.js";

interface CommanderLike {
  code: string;
  exitCode: number;
}

function isCommanderError(e: unknown): e is CommanderLike {
  return typeof e === "object" && e !== null && typeof (e as CommanderLike).code === "string" && (e as CommanderLike).code.startsWith("commander.") && typeof (e as CommanderLike).exitCode === "number";
}

export function reportError(ctx: CliContext, e: unknown): number {
  if (isCommanderError(e)) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return ExitCode.Ok;
    return ExitCode.Usage;
  }
  if (e instanceof Error && e.name === "CairnError") {
    const ce = e as Error & { hint?: string; code?: string; source?: string };
    ctx.stderr.write(`error: ${ce.message}\n`);
    if (ce.hint) ctx.stderr.write(`hint: ${ce.hint}\n`);
    return ExitCode.Failed;
  }
  const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
  ctx.stderr.write(`error: ${msg}\n(this may be a bug in Cairn)\n`);
  return ExitCode.Failed;
}
