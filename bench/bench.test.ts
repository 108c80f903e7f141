// A CI-sized run of the benchmark harness: N=50, flat, Cairn and Terraform (local state), once.
// It checks that the harness yields a complete row for every operation of both peers and that the
// SDK micro-benchmark reports its figures. No timing assertions: the numbers are for bench/README.md.
import { describe, expect, it } from "vitest";
import { OPS, markdown, runBench } from "./run.js";
import { runSdkBenchmark } from "./sdk-registration.js";

describe("benchmark harness", () => {
  it("measures every operation for Cairn and Terraform at N=50", { timeout: 240_000 }, async () => {
    const rows = await runBench({ sizes: [50], shapes: ["flat"], peers: ["cairn", "terraform"], repeat: 1, tfLocalMax: 1000, log: () => undefined });
    expect(rows.map((r) => `${r.peer} ${r.op}`).sort()).toEqual([...OPS.map((op) => `cairn ${op}`), ...OPS.map((op) => `terraform ${op}`)].sort());
    for (const r of rows) {
      expect(r).toMatchObject({ n: 50, shape: "flat" });
      for (const series of [r.wallMs, r.cpuMs, r.peakRssMiB, r.fileBytes]) {
        expect(series).toHaveLength(1);
        expect(Number.isFinite(series[0])).toBe(true);
      }
      expect(r.wallMs[0]).toBeGreaterThan(0);
      expect(r.peakRssMiB[0]).toBeGreaterThan(0);
    }
    // Creating 50 resources writes state for both peers.
    for (const peer of ["cairn", "terraform"]) expect(rows.find((r) => r.peer === peer && r.op === "create")!.fileBytes[0]).toBeGreaterThan(0);
    const table = markdown(rows).split("\n");
    expect(table).toHaveLength(2 + OPS.length);
    for (const line of table.slice(2)) expect(line).not.toContain("—");
  });

  it("reports the SDK's cost per registration", { timeout: 60_000 }, async () => {
    const r = await runSdkBenchmark(300);
    expect(r.n).toBe(300);
    expect(r.msPerRegistration).toBeGreaterThan(0);
    expect(r.totalMs).toBeCloseTo(r.msPerRegistration * 300, 6);
    expect(r.heapBytesPerRegistration).toBeGreaterThan(0);
  });
});
