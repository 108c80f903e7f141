// What the CLI takes from its process: environment, working and home directories, terminal
// streams and identity. Built once in bin.ts from the real process; commands receive it.
import { homedir, hostname, userInfo } from "node:os";
import { join } from "node:path";
import type { PrefetchedSecrets } from "@cairn/automation";

export interface Output {
  write(text: string): void;
  /** True on an interactive terminal. */
  isTTY: boolean;
  columns?: number;
  rows?: number;
}

export interface CliContext {
  env: Record<string, string | undefined>;
  cwd: string;
  /** Cairn's home (credentials, workspace settings, default backend): CAIRN_HOME or ~/.cairn. */
  cairnHome: string;
  /** The user's home directory (for `~` in backend URLs). */
  homeDir: string;
  stdout: Output;
  stderr: Output;
  stdinIsTTY: boolean;
  identity: { user: string; host: string; pid: number };
  clock: () => number;
  /** The stack's secrets, already being opened when the command line named an operation (bin.ts). */
  prefetchedSecrets?: PrefetchedSecrets;
}

export function processContext(): CliContext {
  const env = process.env;
  const home = homedir();
  let user = env.USER ?? env.USERNAME ?? "unknown";
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry: keep the environment's name
  }
  return {
    env,
    cwd: process.cwd(),
    cairnHome: env.CAIRN_HOME ?? join(home, ".cairn"),
    homeDir: home,
    stdout: { write: (t) => void process.stdout.write(t), isTTY: process.stdout.isTTY === true, columns: process.stdout.columns, rows: process.stdout.rows },
    stderr: { write: (t) => void process.stderr.write(t), isTTY: process.stderr.isTTY === true },
    stdinIsTTY: process.stdin.isTTY === true,
    identity: { user, host: hostname(), pid: process.pid },
    clock: () => Date.now(),
  };
}
