// SDK registration micro-benchmark: N resource registrations under runtime.setMocks (no engine, no
// provider), reporting milliseconds and retained heap bytes per registration. Run one N per process
// (`node --expose-gc --import tsx bench/sdk-registration.ts --n 10000`) so heaps do not mix; the
// harness (`npm run bench`) does that for each --sdk-sizes entry and prints one JSON line each.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export interface SdkResult {
  n: number;
  /** Wall time from the first constructor call until every registration has settled. */
  totalMs: number;
  msPerRegistration: number;
  /** Heap still in use after the registrations settled (after a full GC), per registration. */
  heapBytesPerRegistration: number;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Measures N registrations in this process (needs --expose-gc for the heap figure). */
export async function measureRegistrations(n: number): Promise<SdkResult> {
  const sdk = await import("@cairn/sdk");
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with node --expose-gc");
  await sdk.runtime.setMocks({
    newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
    call: (args) => args.inputs,
  });
  // Warm the code paths (JIT, lazy module parts) so the figure is the steady cost.
  for (let i = 0; i < 200; i++) new sdk.CustomResource("bench:index:Warm", `w${i}`, { index: i });
  await sdk.runtime.waitForRegistrations();
  gc();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const keep: unknown[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) keep.push(new sdk.CustomResource("bench:index:Thing", `r${i}`, { index: i, label: `thing-${i}` }));
  await sdk.runtime.waitForRegistrations();
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  gc();
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  keep.length = 0; // Held until now so the resources count as retained.
  sdk.runtime.clearMocks();
  return { n, totalMs, msPerRegistration: totalMs / n, heapBytesPerRegistration: Math.max(0, heapAfter - heapBefore) / n };
}

/** Runs the benchmark for one N in a fresh Node process and returns its result. */
export function runSdkBenchmark(n: number): Promise<SdkResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", join(here, "sdk-registration.ts"), "--n", String(n)], {
      cwd: join(here, ".."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`sdk-registration --n ${n} exited ${code}: ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? "") as SdkResult);
      } catch (e) {
        reject(new Error(`sdk-registration --n ${n} printed no result: ${out.slice(-500)} ${String(e)}`));
      }
    });
  });
}

export function sdkMarkdown(results: SdkResult[]): string {
  const lines = ["| registrations | total | per registration | heap per registration |", "|---|---|---|---|"];
  for (const r of results) {
    lines.push(`| ${r.n.toLocaleString("en-US")} | ${r.totalMs.toFixed(0)} ms | ${r.msPerRegistration.toFixed(3)} ms | ${(r.heapBytesPerRegistration / 1024).toFixed(1)} KiB |`);
  }
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { n: { type: "string", default: "1000" } } });
  measureRegistrations(Number(values.n)).then(
    (r) => console.log(JSON.stringify(r)),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exit(1);
    },
  );
}
