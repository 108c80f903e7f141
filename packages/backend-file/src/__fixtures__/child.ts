// Test helper: runs a fixture script in its own Node process (TypeScript through tsx) and lets a
// test wait for lines it prints.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export interface Child {
  proc: ChildProcess;
  lines: string[];
  /** Resolves with the first printed line matching `test`. */
  waitFor(test: (line: string) => boolean): Promise<string>;
  exited: Promise<number | null>;
  stderr(): string;
}

export function runFixture(script: string, args: string[]): Child {
  const path = fileURLToPath(new URL(`./${script}`, import.meta.url));
  const proc = spawn(process.execPath, ["--import", "tsx", path, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  const lines: string[] = [];
  const waiters: Array<{ test: (l: string) => boolean; resolve: (l: string) => void }> = [];
  let err = "";
  proc.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  createInterface({ input: proc.stdout! }).on("line", (line) => {
    lines.push(line);
    for (const w of waiters.splice(0)) {
      if (w.test(line)) w.resolve(line);
      else waiters.push(w);
    }
  });
  // "close" (not "exit"): every line the child printed has been read by then.
  const exited = new Promise<number | null>((resolve) => proc.on("close", (code) => resolve(code)));
  return {
    proc,
    lines,
    exited,
    stderr: () => err,
    waitFor: (test) => {
      const found = lines.find(test);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise<string>((resolve, reject) => {
        waiters.push({ test, resolve });
        void exited.then((code) => reject(new Error(`${script} exited (${code}) before printing the line: ${err}`)));
      });
    },
  };
}
