// Builds the automation Workspace and Stack a command works on from the CLI context: the project
// directory (nearest Cairn.yaml), the backend in effect, the passphrase source, and the stack
// from -s/--stack or the selected one.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { Workspace, findProjectDir, type Stack } from "@cairn/automation";
import type { CliContext } from "./cli-context.js";
import { currentBackend } from "./credentials.js";
import { passphraseSource } from "./passphrase.js";
import { readSelectedStack } from "./selected-stack.js";

export interface StackFlag {
  stack?: string;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function openWorkspace(ctx: CliContext): Workspace {
  const projectDir = findProjectDir(ctx.cwd);
  if (projectDir === undefined) {
    throw new CairnError({ code: ErrorCodes.ProjectInvalid, source: "user", message: `no Cairn.yaml in ${ctx.cwd} or any directory above it`, hint: "run `cairn new typescript` to create a project" });
  }
  return Workspace.create({
    projectDir,
    backendUrl: currentBackend(ctx).url,
    homeDir: ctx.homeDir,
    cwd: ctx.cwd,
    env: ctx.env,
    passphrase: passphraseSource(ctx),
    clock: ctx.clock,
    identity: ctx.identity,
    isProcessAlive,
    ...(ctx.prefetchedSecrets ? { prefetchedSecrets: ctx.prefetchedSecrets } : {}),
  });
}

/** The stack named by -s, else the selected one; fails clearly when there is none. */
export function stackName(ctx: CliContext, ws: Workspace, flag: StackFlag): string {
  const name = flag.stack ?? readSelectedStack(ctx, ws.projectName, ws.ctx.projectDir ?? ws.ctx.workDir);
  if (name === undefined) {
    throw new CairnError({ code: ErrorCodes.StackNotFound, source: "user", message: `no stack selected for project ${ws.projectName}`, hint: "pass -s <stack>, or run `cairn stack select <stack>` (or `cairn stack init <stack>`)" });
  }
  return name;
}

export async function openStack(ctx: CliContext, flag: StackFlag): Promise<{ ws: Workspace; stack: Stack }> {
  const ws = openWorkspace(ctx);
  const stack = await ws.selectStack(stackName(ctx, ws, flag));
  return { ws, stack };
}
