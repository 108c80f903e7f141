import { describe, expect, it } from "vitest";
import { ErrorCodes } from "@cairn/protocol";
import { World, urn } from "./__fixtures__/harness.js";

describe("replacement", () => {
  it("creates the replacement before deleting the old resource by default", async () => {
    const w = new World({ replaceOnChanges: ["zone"] });
    await w.up([{ name: "a", inputs: { zone: "z1" } }, { name: "b", inputs: { ref: "a" }, deps: ["a"] }]);
    const oldId = w.resource("a")?.id;
    const res = await w.up([{ name: "a", inputs: { zone: "z2" } }, { name: "b", inputs: { ref: "a" }, deps: ["a"] }]);
    expect(res.result).toBe("succeeded");
    expect(w.provider.mutations().slice(2)).toEqual(["create a", "delete a"]);
    const step = res.steps.find((s) => s.op === "replace");
    expect(step).toMatchObject({ urn: urn("a"), replaceKeys: ["zone"], deleteBeforeReplace: false });
    expect(step?.diff).toEqual([{ path: "zone", kind: "update-replace", old: "z1", new: "z2" }]);
    expect(res.counts["delete-replaced"]).toBe(1);
    expect(w.resource("a")?.id).not.toBe(oldId);
    expect(w.cloud.get(oldId ?? "")).toBeUndefined();
    expect(w.state.resources.filter((r) => r.delete)).toEqual([]);
  });

  it("gives a create-before-delete replacement a fresh auto-name, and keeps it on updates", async () => {
    const w = new World({ replaceOnChanges: ["zone"], autoName: "name" });
    await w.up([{ name: "a", inputs: { zone: "z1" } }]);
    const first = w.resource("a")?.inputs.name;
    expect(first).toMatch(/^a-[0-9a-f]{7}$/);
    await w.up([{ name: "a", inputs: { zone: "z1", size: 2 } }]);
    expect(w.resource("a")?.inputs.name).toBe(first);
    await w.up([{ name: "a", inputs: { zone: "z2", size: 2 } }]);
    const second = w.resource("a")?.inputs.name;
    expect(second).toMatch(/^a-[0-9a-f]{7}$/);
    expect(second).not.toBe(first);
    await w.up([{ name: "a", inputs: { zone: "z3", size: 2 }, deleteBeforeReplace: true }]);
    expect(w.resource("a")?.inputs.name).toBe(second);
    await w.up([{ name: "a", inputs: { zone: "z4", size: 2, name: "fixed" } }]);
    expect(w.resource("a")?.inputs.name).toBe("fixed");
  });

  it("deletes first with deleteBeforeReplace and keeps the journal consistent", async () => {
    const w = new World({ replaceOnChanges: ["zone"] });
    await w.up([{ name: "a", inputs: { zone: "z1" } }]);
    const res = await w.up([{ name: "a", inputs: { zone: "z2" }, deleteBeforeReplace: true }]);
    expect(res.result).toBe("succeeded");
    expect(w.provider.mutations().slice(1)).toEqual(["delete a", "create a"]);
    expect(w.names()).toEqual(["a"]);
    expect(w.resource("a")?.pendingReplacement).toBeUndefined();
    expect(w.cloud.resources.size).toBe(1);
  });

  it("deletes first when the provider requires it", async () => {
    const w = new World({ replaceOnChanges: ["zone"], deleteBeforeReplace: true });
    await w.up([{ name: "a", inputs: { zone: "z1" } }]);
    const res = await w.up([{ name: "a", inputs: { zone: "z2" } }]);
    expect(res.steps.find((s) => s.op === "replace")?.deleteBeforeReplace).toBe(true);
    expect(w.provider.mutations().slice(1)).toEqual(["delete a", "create a"]);
  });

  it("forces a replacement with replaceOnChanges and with replaceTargets", async () => {
    const w = new World();
    await w.up([{ name: "a", inputs: { tags: { env: "dev" } } }, { name: "b", inputs: { v: 1 } }]);
    const r1 = await w.up([{ name: "a", inputs: { tags: { env: "prod" } }, replaceOnChanges: ["tags.env"] }, { name: "b", inputs: { v: 1 } }]);
    expect(r1.counts.replace).toBe(1);
    expect(r1.steps.find((s) => s.op === "replace")?.replaceKeys).toEqual(["tags"]);
    const r2 = await w.up([{ name: "a", inputs: { tags: { env: "prod" } } }, { name: "b", inputs: { v: 1 } }], { replaceTargets: [urn("b")] });
    expect(r2.counts.replace).toBe(1);
    expect(r2.steps.find((s) => s.op === "replace")?.urn).toBe(urn("b"));
  });

  it("refuses to replace a protected resource", async () => {
    const w = new World({ replaceOnChanges: ["zone"] });
    await w.up([{ name: "a", inputs: { zone: "z1" }, protect: true }]);
    const res = await w.up([{ name: "a", inputs: { zone: "z2" }, protect: true }]);
    expect(res.result).toBe("failed");
    expect(res.error?.code).toBe(ErrorCodes.Protected);
    expect(res.error?.hint).toContain(`cairn state unprotect ${urn("a")}`);
    expect(w.provider.mutations()).toEqual(["create a"]);
  });
});

describe("deletes", () => {
  it("deletes undeclared resources in reverse dependency order", async () => {
    const w = new World();
    await w.up([{ name: "a" }, { name: "b", deps: ["a"] }, { name: "c", deps: ["b"] }, { name: "keep" }]);
    const res = await w.up([{ name: "keep" }]);
    expect(res.result).toBe("succeeded");
    expect(w.provider.mutations().slice(4)).toEqual(["delete c", "delete b", "delete a"]);
    expect(w.names()).toEqual(["keep"]);
    expect(res.counts.delete).toBe(3);
  });

  it("skips the delete of a resource whose deletedWith target is deleted too", async () => {
    const w = new World();
    await w.up([{ name: "ns" }, { name: "pod", deps: ["ns"], deletedWith: urn("ns") }]);
    const res = await w.up([]);
    expect(w.provider.mutations().slice(2)).toEqual(["delete ns"]);
    expect(res.counts.discard).toBe(1);
    expect(w.names()).toEqual([]);
  });

  it("drops retainOnDelete resources from state without deleting them", async () => {
    const w = new World();
    await w.up([{ name: "a", retainOnDelete: true }]);
    const id = w.resource("a")?.id ?? "";
    const before = w.journal.length;
    await w.up([]);
    expect(w.cloud.get(id)).toBeDefined();
    expect(w.names()).toEqual([]);
    expect(w.journal.slice(before).some((e) => e.kind === "write" && e.state === null && e.old?.urn === urn("a"))).toBe(true);
  });

  it("refuses to delete protected resources, naming all of them", async () => {
    const w = new World();
    await w.up([{ name: "a", protect: true }, { name: "b", protect: true }]);
    const res = await w.up([]);
    expect(res.error?.code).toBe(ErrorCodes.Protected);
    expect(res.error?.message).toContain(urn("a"));
    expect(res.error?.message).toContain(urn("b"));
    expect(w.names()).toEqual(["a", "b"]);
  });
});

describe("delete-before-replace dependents", () => {
  it("deletes a dependent that must be replaced before the resource it depends on, then recreates both", async () => {
    const w = new World({ replaceOnChanges: ["zone", "ref"] });
    const decls = (zone: string) => [
      { name: "a", inputs: { zone }, deleteBeforeReplace: true },
      { name: "b", inputs: { ref: `${zone}-ref` }, deps: ["a"], propDeps: { ref: ["a"] } },
      { name: "c", inputs: { other: 1 }, deps: ["a"] },
    ];
    await w.up(decls("z1"));
    const res = await w.up(decls("z2"));
    expect(res.result).toBe("succeeded");
    expect(w.provider.mutations().slice(3)).toEqual(["delete b", "delete a", "create a", "create b"]);
    expect(w.names()).toEqual(["a", "b", "c"]);
    expect(w.state.resources.some((r) => r.pendingReplacement)).toBe(false);
    expect(w.cloud.resources.size).toBe(3);
  });
});

describe("retained replacements", () => {
  it("keeps the replaced copy of a retainOnDelete resource in the cloud and drops it from state", async () => {
    const w = new World({ replaceOnChanges: ["zone"] });
    await w.up([{ name: "a", inputs: { zone: "z1" }, retainOnDelete: true }]);
    const oldId = w.resource("a")?.id ?? "";
    const res = await w.up([{ name: "a", inputs: { zone: "z2" }, retainOnDelete: true }]);
    expect(res.result).toBe("succeeded");
    expect(w.provider.mutations()).toEqual(["create a", "create a"]);
    expect(w.cloud.get(oldId)).toBeDefined();
    expect(w.names()).toEqual(["a"]);
    expect(w.resource("a")?.id).not.toBe(oldId);
  });
});
