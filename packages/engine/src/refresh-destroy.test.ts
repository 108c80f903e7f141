import { describe, expect, it } from "vitest";
import { ErrorCodes } from "@cairn/protocol";
import { World, urn } from "./__fixtures__/harness.js";

describe("refresh", () => {
  it("records drift and drops vanished resources without running the program", async () => {
    const w = new World();
    await w.up([{ name: "a", inputs: { v: 1 } }, { name: "b", inputs: { v: 1 } }, { name: "c", inputs: { v: 1 } }]);
    w.cloud.drift(w.resource("a")?.id ?? "", { v: 5 });
    w.cloud.remove(w.resource("b")?.id ?? "");
    const res = await w.run("refresh");
    expect(res.result).toBe("succeeded");
    expect(w.resource("a")?.outputs["v"]).toBe(5);
    expect(w.resource("a")?.inputs["v"]).toBe(5);
    expect(w.names()).toEqual(["a", "c"]);
    const drift = res.steps.find((s) => s.op === "refresh" && s.urn === urn("a"));
    expect(drift?.diff).toEqual([{ path: "v", kind: "update", old: 1, new: 5 }]);
    expect(res.steps.find((s) => s.op === "refresh" && s.urn === urn("b"))?.diff[0]?.kind).toBe("delete");
    expect(res.counts.refresh).toBe(2);
    expect(w.provider.mutations()).toEqual(["create a", "create b", "create c"]);
  });

  it("refreshes first with refreshFirst, so drift is corrected by the update", async () => {
    const w = new World();
    await w.up([{ name: "a", inputs: { v: 1 } }]);
    w.cloud.drift(w.resource("a")?.id ?? "", { v: 5 });
    const res = await w.up([{ name: "a", inputs: { v: 1 } }], { refreshFirst: true });
    expect(res.counts.update).toBe(1);
    expect(w.cloud.get(w.resource("a")?.id ?? "")?.inputs["v"]).toBe(1);
  });
});

describe("destroy", () => {
  it("deletes everything in reverse dependency order without the program", async () => {
    const w = new World();
    await w.up([{ name: "a" }, { name: "b", deps: ["a"] }, { name: "c", deps: ["b"] }]);
    const res = await w.run("destroy");
    expect(res.result).toBe("succeeded");
    expect(w.provider.mutations().slice(3)).toEqual(["delete c", "delete b", "delete a"]);
    expect(w.state.resources).toEqual([]);
    expect(w.cloud.resources.size).toBe(0);
  });

  it("destroys only the targets and their dependents", async () => {
    const w = new World();
    await w.up([{ name: "a" }, { name: "b", deps: ["a"] }, { name: "c" }]);
    await w.run("destroy", undefined, { targets: [urn("a")] });
    expect(w.names()).toEqual(["c"]);
  });

  it("is blocked by protected resources", async () => {
    const w = new World();
    await w.up([{ name: "a", protect: true }, { name: "b" }]);
    const res = await w.run("destroy");
    expect(res.error?.code).toBe(ErrorCodes.Protected);
    expect(w.names()).toEqual(["a", "b"]);
  });
});
