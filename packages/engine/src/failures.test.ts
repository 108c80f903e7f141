import { describe, expect, it } from "vitest";
import { ErrorCodes } from "@cairn/protocol";
import { World, urn } from "./__fixtures__/harness.js";

describe("partial failure", () => {
  it("skips the dependents of a failed step while independent steps go on", async () => {
    const w = new World({ latencyMs: 2 });
    w.provider.failOn({ op: "create", name: "a", message: "quota exceeded" });
    const res = await w.up([{ name: "a" }, { name: "b", dependsOnUrn: ["a"] }, { name: "c" }], { continueOnError: true });
    expect(res.result).toBe("failed");
    expect(res.error?.message).toContain("quota exceeded");
    expect(w.names()).toEqual(["c"]);
    expect(w.events).toContainEqual(expect.objectContaining({ code: "step-failed", step: expect.objectContaining({ urn: urn("a") }) }));
    expect(w.events).toContainEqual(expect.objectContaining({ code: "step-skipped", step: expect.objectContaining({ urn: urn("b") }) }));
  });

  it("does not delete undeclared resources when the run failed", async () => {
    const w = new World();
    await w.up([{ name: "old" }]);
    w.provider.failOn({ op: "create", name: "a" });
    const res = await w.up([{ name: "a" }]);
    expect(res.result).toBe("failed");
    expect(w.names()).toEqual(["old"]);
  });

  it("records a half-made resource from a failed create", async () => {
    const w = new World();
    w.provider.failOn({ op: "create", name: "a", initError: true, message: "unhealthy" });
    const res = await w.up([{ name: "a" }]);
    expect(res.result).toBe("failed");
    expect(w.resource("a")?.initErrors).toEqual(["unhealthy"]);
    expect(w.cloud.get(w.resource("a")?.id ?? "")).toBeDefined();
  });

  it("attributes a throwing check to the provider and the resource", async () => {
    const w = new World();
    w.provider.failOn({ op: "check", name: "a", message: "backend unreachable" });
    const res = await w.up([{ name: "a" }]);
    expect(res.error).toMatchObject({ code: ErrorCodes.ProviderError, source: "provider", urn: urn("a") });
    expect(res.error?.message).toContain("backend unreachable");
  });

  it("reports a program error as ProgramFailed", async () => {
    const w = new World();
    const res = await w.run("update", async () => {
      throw new Error("boom in index.ts");
    });
    expect(res.error?.code).toBe(ErrorCodes.ProgramFailed);
    expect(res.error?.message).toContain("boom in index.ts");
  });
});

describe("cancellation", () => {
  it("on the first signal starts no new steps and lets running ones finish", async () => {
    const w = new World();
    const gate = w.provider.gate({ op: "create", name: "a" });
    const cancel = new AbortController();
    const run = w.up([{ name: "a" }, { name: "b", deps: ["a"] }], {}, { signal: cancel.signal });
    await gate.reached;
    cancel.abort();
    gate.open();
    const res = await run;
    expect(res.result).toBe("cancelled");
    expect(w.names()).toEqual(["a"]);
    expect(w.state.pendingOperations).toEqual([]);
    expect(w.events.some((e) => e.code === "cancel-requested" && !e.force)).toBe(true);
  });

  it("on the force signal aborts provider calls and leaves pending operations", async () => {
    const w = new World();
    const gate = w.provider.gate({ op: "create", name: "a", where: "after" });
    const force = new AbortController();
    const run = w.up([{ name: "a" }, { name: "b" }], {}, { forceSignal: force.signal });
    await gate.reached;
    force.abort();
    const res = await run;
    expect(res.result).toBe("cancelled");
    expect(w.state.pendingOperations.map((p) => [p.kind, p.resource.urn])).toContainEqual(["creating", urn("a")]);
    expect(w.cloud.byName("a")).toHaveLength(1);
    expect(w.journal.filter((e) => e.kind === "begin").length).toBeGreaterThan(w.journal.filter((e) => e.kind === "end").length);
  });
});

describe("pending operations", () => {
  it("reports a create with no ID and keeps it, with the commands that resolve it", async () => {
    const w = new World();
    const gate = w.provider.gate({ op: "create", name: "a", where: "after" });
    const force = new AbortController();
    const run = w.up([{ name: "a" }], {}, { forceSignal: force.signal });
    await gate.reached;
    force.abort();
    await run;
    gate.open();
    const res = await w.run("refresh");
    const ev = w.events.find((e) => e.code === "pending-operation");
    expect(ev).toMatchObject({ urn: urn("a"), operation: "creating" });
    expect(ev && "resolution" in ev ? ev.resolution : "").toContain(`cairn state delete --pending ${urn("a")}`);
    expect(res.snapshot.pendingOperations).toHaveLength(1);
  });

  it("resolves an interrupted delete of a URN that also has a create with no ID, and keeps only that create", async () => {
    const w = new World();
    const gate = w.provider.gate({ op: "create", name: "a", where: "after" });
    const force = new AbortController();
    const run = w.up([{ name: "a" }], {}, { forceSignal: force.signal });
    await gate.reached;
    force.abort();
    await run;
    gate.open();
    await w.up([{ name: "a" }]);
    const gateD = w.provider.gate({ op: "delete", name: "a", where: "after" });
    const forceD = new AbortController();
    const runD = w.up([], {}, { forceSignal: forceD.signal });
    await gateD.reached;
    forceD.abort();
    await runD;
    gateD.open();
    expect(w.state.pendingOperations.map((p) => p.kind).sort()).toEqual(["creating", "deleting"]);
    const res = await w.run("refresh");
    expect(res.snapshot.pendingOperations.map((p) => [p.kind, p.resource.urn])).toEqual([["creating", urn("a")]]);
    expect(res.snapshot.resources.filter((r) => r.urn === urn("a"))).toEqual([]);
  });

  it("resolves an interrupted delete by reading the resource", async () => {
    const w = new World();
    await w.up([{ name: "a" }, { name: "b" }]);
    const gateA = w.provider.gate({ op: "delete", name: "a", where: "after" });
    const gateB = w.provider.gate({ op: "delete", name: "b", where: "before" });
    const force = new AbortController();
    const run = w.up([], {}, { forceSignal: force.signal });
    await Promise.all([gateA.reached, gateB.reached]);
    force.abort();
    await run;
    expect(w.state.pendingOperations.map((p) => p.kind).sort()).toEqual(["deleting", "deleting"]);
    gateA.open();
    gateB.open();
    const res = await w.up([{ name: "b" }]);
    expect(res.result).toBe("succeeded");
    expect(w.state.pendingOperations).toEqual([]);
    expect(w.names()).toEqual(["b"]);
    expect(w.events.filter((e) => e.code === "pending-operation")).toHaveLength(2);
  });

  it("restores an interrupted update from the cloud", async () => {
    const w = new World();
    await w.up([{ name: "a", inputs: { v: 1 } }]);
    const gate = w.provider.gate({ op: "update", name: "a", where: "after" });
    const force = new AbortController();
    const run = w.up([{ name: "a", inputs: { v: 2 } }], {}, { forceSignal: force.signal });
    await gate.reached;
    force.abort();
    await run;
    gate.open();
    expect(w.state.pendingOperations.map((p) => p.kind)).toEqual(["updating"]);
    const res = await w.up([{ name: "a", inputs: { v: 2 } }]);
    expect(res.result).toBe("succeeded");
    expect(w.state.pendingOperations).toEqual([]);
    expect(w.resource("a")?.outputs["v"]).toBe(2);
    expect(res.counts.update ?? 0).toBe(0);
  });
});
