// Runs one child process in its own process group and collects its output. A timeout or an
// abort kills the whole group (SIGTERM, then SIGKILL after a grace period), so commands that
// start children of their own do not outlive the operation.
import { spawn } from "node:child_process";

export interface RunProcessRequest {
  /** Program and arguments, e.g. ["/bin/sh", "-c", "echo hi"]. */
  argv: string[];
  cwd?: string;
  env: Record<string, string>;
  stdin?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Time between SIGTERM and SIGKILL when stopping the group. */
  killGraceMs?: number;
}

export interface RunProcessResult {
  /** The exit code, or null when the process ended by a signal. */
  exitCode: number | null;
  exitSignal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Why Cairn stopped the process, if it did. */
  stopped?: "timeout" | "abort";
}

/** Thrown when the process could not be started at all (no such interpreter or directory). */
export class SpawnError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = "SpawnError";
  }
}

function killGroup(pid: number | undefined, sig: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, sig);
  } catch {
    // The group is already gone.
  }
}

export function runProcess(req: RunProcessRequest): Promise<RunProcessResult> {
  return new Promise((resolve, reject) => {
    if (req.signal?.aborted) {
      resolve({ exitCode: null, exitSignal: null, stdout: "", stderr: "", stopped: "abort" });
      return;
    }
    const child = spawn(req.argv[0]!, req.argv.slice(1), { cwd: req.cwd, env: req.env, detached: true, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let stopped: "timeout" | "abort" | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (why: "timeout" | "abort") => {
      if (stopped !== undefined) return;
      stopped = why;
      killGroup(child.pid, "SIGTERM");
      killTimer = setTimeout(() => killGroup(child.pid, "SIGKILL"), req.killGraceMs ?? 2000);
    };
    const timer = req.timeoutMs !== undefined ? setTimeout(() => stop("timeout"), req.timeoutMs) : undefined;
    const onAbort = () => stop("abort");
    req.signal?.addEventListener("abort", onAbort, { once: true });
    const cleanup = () => {
      if (timer !== undefined) clearTimeout(timer);
      if (killTimer !== undefined) clearTimeout(killTimer);
      req.signal?.removeEventListener("abort", onAbort);
    };
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.stdin.on("error", () => {
      // The command exited without reading all of stdin; its exit status tells the story.
    });
    child.stdin.end(req.stdin ?? "");
    child.on("error", (e) => {
      cleanup();
      reject(new SpawnError(`could not start ${JSON.stringify(req.argv[0])}${req.cwd ? ` in ${req.cwd}` : ""}: ${e.message}`, { cause: e }));
    });
    child.on("close", (code, sig) => {
      cleanup();
      // Make sure nothing the command started in its group outlives a stop.
      if (stopped !== undefined) killGroup(child.pid, "SIGKILL");
      resolve({
        exitCode: code,
        exitSignal: sig,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        ...(stopped !== undefined ? { stopped } : {}),
      });
    });
  });
}
