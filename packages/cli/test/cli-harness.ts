// Drives the real built `cairn` binary (packages/cli/dist/bin.js) in temporary directories, with
// CAIRN_HOME and CAIRN_BACKEND_URL pointing into the temp dir. Collects every byte printed so tests
// can check that no secret ever appears.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/bin.js");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class CliSandbox {
  readonly root = mkdtempSync(join(tmpdir(), "cairn-e2e-"));
  readonly home = join(this.root, "home");
  readonly state = join(this.root, "state");
  readonly printed: string[] = [];
  passphrase = "e2e passphrase";

  constructor(readonly extraEnv: Record<string, string> = {}) {}

  env(over: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: this.home,
      CAIRN_HOME: this.home,
      CAIRN_BACKEND_URL: `file://${this.state}`,
      CAIRN_CONFIG_PASSPHRASE: this.passphrase,
      ...this.extraEnv,
      ...over,
    };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    return env;
  }

  /** Runs `cairn <args>` in `cwd` (relative to the sandbox root). */
  run(cwd: string, args: string[], opts: { env?: Record<string, string | undefined>; stdin?: string } = {}): Promise<RunResult> {
    return new Promise((res) => {
      const child = execFile(process.execPath, [BIN, ...args], { cwd: resolve(this.root, cwd), env: this.env(opts.env), timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === "number" ? ((err as { code: number }).code) : 1) : 0;
        this.printed.push(stdout, stderr);
        res({ code, stdout, stderr });
      });
      if (opts.stdin !== undefined) child.stdin?.end(opts.stdin);
      else child.stdin?.end();
    });
  }

  /** Every file under the sandbox, with its text. */
  files(dir = this.root): Array<{ path: string; text: string }> {
    return readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      if (f === "node_modules") return [];
      return statSync(p).isDirectory() ? this.files(p) : [{ path: p, text: readFileSync(p, "utf8") }];
    });
  }

  /** Paths of files (and printed output) that contain `needle`. */
  whereIs(needle: string): string[] {
    const hits = this.files().filter((f) => f.text.includes(needle)).map((f) => f.path);
    if (this.printed.some((p) => p.includes(needle))) hits.push("(printed output)");
    return hits;
  }
}

/** Throws with the command's output when it did not exit as expected. */
export function expectCode(r: RunResult, code: number): RunResult {
  if (r.code !== code) throw new Error(`expected exit ${code}, got ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  return r;
}
