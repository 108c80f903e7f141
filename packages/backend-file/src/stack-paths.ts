// Where each stack's files live under the backend root, and the name rules that keep a project or
// stack name from escaping its directory. Layout: stacks/<project>/<stack>/{checkpoint.json,
// journal.jsonl, history/, backups/, lease.json, ...}.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { StackRef } from "@cairn/state";
import { join } from "node:path";

const NAME_RE = /^[A-Za-z0-9_.-]+$/;
const MAX_NAME = 100;

export interface StackPaths {
  ref: StackRef;
  /** "project/stack", for messages. */
  label: string;
  dir: string;
  checkpoint: string;
  journal: string;
  /** Present only while a commit is between writing the checkpoint and truncating the journal. */
  commitPending: string;
  history: string;
  backups: string;
  lease: string;
  leaseHeartbeat: string;
  leaseCounter: string;
}

/** Problems with a project or stack name, or [] when it is valid. */
export function nameProblems(kind: "project" | "stack", name: string): string[] {
  if (name.length === 0) return [`the ${kind} name is empty`];
  const problems: string[] = [];
  if (!NAME_RE.test(name)) problems.push(`the ${kind} name ${JSON.stringify(name)} may contain only letters, digits, "-", "_" and "."`);
  if (name.startsWith(".")) problems.push(`the ${kind} name ${JSON.stringify(name)} may not start with "."`);
  if (name.length > MAX_NAME) problems.push(`the ${kind} name ${JSON.stringify(name)} is longer than ${MAX_NAME} characters`);
  return problems;
}

export function validateRef(ref: StackRef): void {
  throwIfProblems(`stack reference ${JSON.stringify(`${ref.project}/${ref.stack}`)}`, [...nameProblems("project", ref.project), ...nameProblems("stack", ref.stack)]);
}

export function validateProject(project: string): void {
  throwIfProblems(`project name ${JSON.stringify(project)}`, nameProblems("project", project));
}

function throwIfProblems(what: string, problems: string[]): void {
  if (problems.length === 0) return;
  throw new CairnError({
    code: ErrorCodes.InvalidInput,
    source: "user",
    message: `invalid ${what}: ${problems.join("; ")}`,
    hint: "use a name made of letters, digits, '-', '_' and '.'",
  });
}

export function stacksDir(root: string): string {
  return join(root, "stacks");
}

export function stackPaths(root: string, ref: StackRef): StackPaths {
  validateRef(ref);
  const dir = join(stacksDir(root), ref.project, ref.stack);
  return {
    ref: { project: ref.project, stack: ref.stack },
    label: `${ref.project}/${ref.stack}`,
    dir,
    checkpoint: join(dir, "checkpoint.json"),
    journal: join(dir, "journal.jsonl"),
    commitPending: join(dir, "commit-pending.json"),
    history: join(dir, "history"),
    backups: join(dir, "backups"),
    lease: join(dir, "lease.json"),
    leaseHeartbeat: join(dir, "lease-heartbeat.json"),
    leaseCounter: join(dir, "lease-counter.json"),
  };
}
