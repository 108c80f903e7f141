// Runs one command as a child process and measures it: wall time, peak RSS (from GNU time), and
// bytes written. Node children report their own /proc/self/io at exit through a preloaded probe;
// other programs (Terraform) are sampled from /proc/<pid>/io while they run.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Measurement {
  wallMs: number;
  /** User + system CPU time of the command (less sensitive than wall time to other load). */
  cpuMs: number;
  peakRssMiB: number;
  /** Bytes the process wrote through write(2) and friends, including its output. */
  writeChars: number;
  /** Bytes the process caused to be sent to storage. */
  writeBytes: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunRequest {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /** Preload the Node I/O probe (the command must be `node`). */
  nodeProbe?: boolean;
}

const PROBE = `import { readFileSync, writeFileSync } from "node:fs";
process.on("exit", () => { try { writeFileSync(process.env.CAIRN_BENCH_IO_FILE, readFileSync("/proc/self/io", "utf8")); } catch {} });
`;

function parseIo(text: string): { wchar: number; writeBytes: number } {
  const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)`, "m").exec(text)?.[1] ?? 0);
  return { wchar: field("wchar"), writeBytes: field("write_bytes") };
}

export async function measure(req: RunRequest): Promise<Measurement> {
  const scratch = mkdtempSync(join(tmpdir(), "cairn-bench-m-"));
  const timeFile = join(scratch, "time");
  const ioFile = join(scratch, "io");
  const env: Record<string, string | undefined> = { ...req.env };
  let args = req.args;
  if (req.nodeProbe) {
    const probe = join(scratch, "probe.mjs");
    writeFileSync(probe, PROBE);
    env.CAIRN_BENCH_IO_FILE = ioFile;
    args = ["--import", probe, ...args];
  }
  const started = process.hrtime.bigint();
  const child = spawn("/usr/bin/time", ["-f", "%U %S %M", "-o", timeFile, req.command, ...args], { cwd: req.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let sampled = { wchar: 0, writeBytes: 0 };
  const sampler = req.nodeProbe
    ? undefined
    : setInterval(() => {
        // /usr/bin/time's child is the measured command.
        try {
          const kids = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
          for (const k of kids) {
            const io = parseIo(readFileSync(`/proc/${k}/io`, "utf8"));
            if (io.wchar >= sampled.wchar) sampled = io;
          }
        } catch {
          // The process is gone between the listing and the read.
        }
      }, 5);
  const exitCode: number = await new Promise((resolve) => child.on("close", (code) => resolve(code ?? -1)));
  if (sampler) clearInterval(sampler);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const [user, sys, rssKiB] = (readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "").split(" ").map(Number) as [number, number, number];
  const io = req.nodeProbe && existsSync(ioFile) ? parseIo(readFileSync(ioFile, "utf8")) : sampled;
  rmSync(scratch, { recursive: true, force: true });
  return { wallMs, cpuMs: (user + sys) * 1000, peakRssMiB: rssKiB / 1024, writeChars: io.wchar, writeBytes: io.writeBytes, exitCode, stdout, stderr };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
