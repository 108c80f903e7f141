// Drives the real built `cairn` binary (packages/cli/dist/bin.js) for the reliability tests: each
// sandbox is a temp dir with its own CAIRN_HOME and file backend. Every command runs in its own
// process group so a test can SIGKILL the CLI together with the commands it started; every byte
// printed is kept so the secrets scan can search it.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../../packages/cli/dist/bin.js");

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A started `cairn` process: its result, and ways to signal its process group. */
export interface Running {
  child: ChildProcess;
  done: Promise<RunResult>;
  /** Sends `signal` to the whole process group (the CLI and every command it started). */
  signalGroup(signal: NodeJS.Signals): void;
  /** Resolves once `text` has appeared in stdout or stderr (or the process ended). */
  printed(text: string | RegExp): Promise<boolean>;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  stdin?: string;
}

export class Sandbox {
  readonly root: string;
  readonly home: string;
  readonly state: string;
  readonly printed: string[] = [];
  passphrase = "reliability passphrase";

  constructor(prefix = "cairn-rel-") {
    this.root = mkdtempSync(join(tmpdir(), prefix));
    this.home = join(this.root, "home");
    this.state = join(this.root, "state");
  }

  env(over: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: this.home,
      CAIRN_HOME: this.home,
      CAIRN_BACKEND_URL: `file://${this.state}`,
      CAIRN_CONFIG_PASSPHRASE: this.passphrase,
      ...over,
    };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    return env;
  }

  /** Starts `cairn <args>` in `cwd` (relative to the sandbox root) as a process group leader. */
  start(cwd: string, args: string[], opts: RunOptions = {}): Running {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: resolve(this.root, cwd), env: this.env(opts.env), detached: true, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const waiters: Array<() => void> = [];
    const wake = (): void => { for (const w of waiters.splice(0)) w(); };
    child.stdout?.on("data", (d: Buffer) => { stdout += d.toString("utf8"); wake(); });
    child.stderr?.on("data", (d: Buffer) => { stderr += d.toString("utf8"); wake(); });
    child.stdin?.end(opts.stdin ?? "");
    let ended = false;
    const done = new Promise<RunResult>((res) => {
      child.on("close", (code, signal) => {
        ended = true;
        this.printed.push(stdout, stderr);
        wake();
        res({ code, signal, stdout, stderr });
      });
    });
    const signalGroup = (signal: NodeJS.Signals): void => {
      try { if (child.pid !== undefined) process.kill(-child.pid, signal); } catch { /* already gone */ }
    };
    const printed = (text: string | RegExp): Promise<boolean> => new Promise((res) => {
      const check = (): void => {
        const all = stdout + stderr;
        const hit = typeof text === "string" ? all.includes(text) : text.test(all);
        if (hit || ended) res(hit);
        else waiters.push(check);
      };
      check();
    });
    return { child, done, signalGroup, printed };
  }

  /** Runs `cairn <args>` to the end (killing its group after `timeoutMs`). */
  async run(cwd: string, args: string[], opts: RunOptions & { timeoutMs?: number } = {}): Promise<RunResult> {
    const r = this.start(cwd, args, opts);
    const timer = setTimeout(() => r.signalGroup("SIGKILL"), opts.timeoutMs ?? 120_000);
    try { return await r.done; } finally { clearTimeout(timer); }
  }

  /** Writes a project (Cairn.yaml, package.json, index.ts; no node_modules: Cairn resolves its own packages). */
  project(name: string, program: string, extraYaml = ""): string {
    const dir = join(this.root, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name, private: true, type: "module" })}\n`);
    writeFileSync(join(dir, "Cairn.yaml"), `name: ${name}\nruntime: nodejs\nmain: index.ts\n${extraYaml}`);
    writeFileSync(join(dir, "index.ts"), program);
    return dir;
  }

  /** Every file under `dir` (default: the sandbox), skipping node_modules. */
  files(dir = this.root): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      if (f === "node_modules") return [];
      return statSync(p).isDirectory() ? this.files(p) : [p];
    });
  }

  /** The state directory's files and their SHA-256, relative paths as keys. */
  hashTree(dir: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.files(dir).sort()) out[relative(dir, p)] = sha256(readFileSync(p));
    return out;
  }
}

export function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Throws with the command's output when it did not exit as expected. */
export function expectCode(r: RunResult, code: number, what = ""): RunResult {
  if (r.code !== code) throw new Error(`${what} expected exit ${code}, got ${r.code ?? r.signal}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  return r;
}

/** A checkpoint resource as exported (only the fields the tests read). */
export interface ExportedResource {
  urn: string;
  type: string;
  id?: string;
  delete?: boolean;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export interface ExportedState {
  resources: ExportedResource[];
  pendingOperations: Array<{ kind: string; resource: ExportedResource }>;
}

/** `cairn stack export`, parsed; throws with the output when it fails. */
export async function exportState(sb: Sandbox, cwd: string): Promise<ExportedState> {
  const r = expectCode(await sb.run(cwd, ["stack", "export"]), 0, "stack export");
  const doc = JSON.parse(r.stdout) as { checkpoint?: { latest?: ExportedState } & Partial<ExportedState> };
  const cp = doc.checkpoint ?? {};
  const latest = cp.latest ?? (cp as ExportedState);
  return { resources: latest.resources ?? [], pendingOperations: latest.pendingOperations ?? [] };
}
