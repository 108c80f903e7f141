import { describe, expect, it } from "vitest";
import { ErrorCodes } from "@cairn/protocol";
import { World, program, urn, ROOT } from "./__fixtures__/harness.js";
import { replaySnapshot } from "./snapshot-replay.js";

describe("runDeployment: create, update, same", () => {
  it("creates resources in dependency order and records them", async () => {
    const w = new World();
    const res = await w.up([{ name: "a", inputs: { size: 1 } }, { name: "b", inputs: { x: "y" }, deps: ["a"] }]);
    expect(res.error).toBeUndefined();
    expect(res.result).toBe("succeeded");
    expect(w.provider.mutations()).toEqual(["create a", "create b"]);
    expect(res.counts.create).toBe(4); // root, default provider, a, b
    expect(w.names()).toEqual(["a", "b"]);
    expect(w.resource("b")?.dependencies).toEqual([urn("a")]);
    expect(w.resource("a")?.provider).toMatch(/cairn:providers:fake::default::/);
    expect(w.cloud.resources.size).toBe(2);
    expect(res.snapshot).toEqual(replaySnapshot({ ...res.snapshot, resources: [], pendingOperations: [] }, w.journal));
  });

  it("configures the default provider from the package's stack config", async () => {
    const w = new World();
    await w.up([{ name: "a" }]);
    expect(w.provider.config).toEqual({ region: "mars-1" });
    expect(w.resource("default", "cairn:providers:fake")?.inputs).toEqual({ region: "mars-1" });
  });

  it("updates changed resources, leaves unchanged ones alone and writes no journal for them", async () => {
    const w = new World();
    await w.up([{ name: "a", inputs: { v: 1 } }, { name: "b", inputs: { v: 1 } }]);
    const before = w.journal.length;
    const res = await w.up([{ name: "a", inputs: { v: 2 } }, { name: "b", inputs: { v: 1 } }]);
    expect(res.counts.update).toBe(1);
    expect(w.provider.mutations().slice(-1)).toEqual(["update a"]);
    const written = w.journal.slice(before);
    expect(written.map((e) => e.kind)).toEqual(["begin", "end"]);
    expect(w.resource("a")?.outputs["v"]).toBe(2);
    const again = w.journal.length;
    await w.up([{ name: "a", inputs: { v: 2 } }, { name: "b", inputs: { v: 1 } }]);
    expect(w.journal.length).toBe(again);
  });

  it("saves changed options of an unchanged resource with a single write entry", async () => {
    const w = new World();
    await w.up([{ name: "a", inputs: { v: 1 } }]);
    const before = w.journal.length;
    const res = await w.up([{ name: "a", inputs: { v: 1 }, protect: true, retainOnDelete: true }]);
    expect(res.counts.update ?? 0).toBe(0);
    expect(w.journal.slice(before).map((e) => e.kind)).toEqual(["write"]);
    expect(w.resource("a")).toMatchObject({ protect: true, retainOnDelete: true });
  });

  it("returns outputs to the program and records root stack outputs", async () => {
    const w = new World();
    const res = await w.run("update", program([{ name: "a", inputs: { v: 1 } }], { url: "http://x" }));
    expect(res.outputs).toEqual({ url: "http://x" });
    expect(w.state.resources.find((r) => r.urn === ROOT)?.outputs).toEqual({ url: "http://x" });
  });

  it("rejects duplicate URNs naming both source positions", async () => {
    const w = new World();
    const res = await w.up([
      { name: "a", sourcePosition: { file: "index.ts", line: 3 } },
      { name: "a", sourcePosition: { file: "index.ts", line: 9 } },
    ]);
    expect(res.result).toBe("failed");
    expect(res.error?.code).toBe(ErrorCodes.DuplicateUrn);
    expect(res.error?.message).toContain("index.ts:3");
    expect(res.error?.message).toContain("index.ts:9");
  });

  it("reports every check failure with the resource and property", async () => {
    const w = new World({ checkFailures: (news) => (news["bad"] ? [{ property: "bad", reason: "must be false" }] : []) });
    const res = await w.up([{ name: "a", inputs: { bad: true } }, { name: "b", inputs: { bad: true } }, { name: "c" }], { continueOnError: true });
    expect(res.result).toBe("failed");
    expect(res.error?.code).toBe(ErrorCodes.ProviderCheckFailed);
    expect(res.error?.message).toContain(urn("a"));
    expect(res.error?.message).toContain(urn("b"));
    expect(res.error?.message).toContain("bad: must be false");
    expect(w.names()).toEqual(["c"]);
    const diags = w.events.filter((e) => e.code === "diagnostic" && e.errorCode === ErrorCodes.ProviderCheckFailed);
    expect(diags.map((e) => ("urn" in e ? e.urn : undefined)).sort()).toEqual([urn("a"), urn("b")]);
  });
});

describe("runDeployment: scale", () => {
  const many = (n: number, changed = -1) => Array.from({ length: n }, (_, i) => ({ name: `r${i}`, inputs: { v: i === changed ? 2 : 1 } }));

  it("never has more provider calls in flight than the parallel limit", async () => {
    const w = new World({ latencyMs: 4 });
    const res = await w.up(many(12), { parallel: 3 });
    expect(res.result).toBe("succeeded");
    expect(w.provider.maxInFlight).toBeGreaterThan(1);
    expect(w.provider.maxInFlight).toBeLessThanOrEqual(3);
  });

  it("writes journal entries for the changed resource only, whatever the stack size", async () => {
    const w = new World();
    await w.up(many(40));
    const before = w.journal.length;
    await w.up(many(40, 7));
    const written = w.journal.slice(before);
    expect(written.map((e) => e.kind)).toEqual(["begin", "end"]);
    expect(JSON.stringify(written)).toContain("::r7");
  });
});

describe("runDeployment: expectNoChanges", () => {
  it("fails when a change would happen and passes when none would", async () => {
    const w = new World();
    await w.up([{ name: "a", inputs: { v: 1 } }]);
    expect((await w.up([{ name: "a", inputs: { v: 1 } }], { expectNoChanges: true })).result).toBe("succeeded");
    const res = await w.run("preview", program([{ name: "a", inputs: { v: 2 } }]), { expectNoChanges: true });
    expect(res.error?.code).toBe(ErrorCodes.ExpectedNoChanges);
    expect(res.error?.message).toContain(`update ${urn("a")}`);
  });
});

describe("runDeployment: preview", () => {
  it("makes no mutating provider call, writes no journal and shows unknown outputs", async () => {
    const w = new World();
    await w.up([{ name: "a", inputs: { v: 1 } }]);
    const journalBefore = w.journal.length;
    const mutationsBefore = w.provider.mutations().length;
    const res = await w.run("preview", program([{ name: "a", inputs: { v: 2 } }, { name: "b", inputs: { v: 1 } }]));
    expect(w.journal.length).toBe(journalBefore);
    expect(w.provider.mutations().length).toBe(mutationsBefore);
    expect(w.cloud.resources.size).toBe(1);
    expect(res.counts).toMatchObject({ create: 1, update: 1 });
    const created = res.steps.find((s) => s.op === "create" && s.urn === urn("b"));
    expect(created?.newOutputs?.["arn"]).toEqual({ "cairn:sig": "unknown" });
    const updated = res.steps.find((s) => s.op === "update");
    expect(updated?.diff).toEqual([{ path: "v", kind: "update", old: 1, new: 2 }]);
    expect(res.snapshot.resources.some((r) => r.urn === urn("b"))).toBe(true);
    expect(w.events.some((e) => e.code === "summary" && e.dryRun)).toBe(true);
  });
});
