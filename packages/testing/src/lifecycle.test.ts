import { describe, expect, it } from "vitest";
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { FakeProvider } from "./fake-provider.js";
import { Lifecycle, runLifecycle } from "./lifecycle.js";

class Res extends CustomResource {
  declare readonly arn: Output<string>;
  declare readonly size: Output<number>;
  constructor(name: string, args: { size?: Input<number>; zone?: Input<string>; ref?: Input<string> }, opts?: CustomResourceOptions) {
    super("fake:index:Res", name, { ...args, arn: undefined }, opts);
  }
}

describe("lifecycle harness with SDK programs", () => {
  it("runs v1 up, v2 preview, v2 up and destroy with the expected provider calls", async () => {
    const provider = new FakeProvider();
    const results = await runLifecycle({
      provider,
      v1: () => {
        const a = new Res("a", { size: 1 });
        const b = new Res("b", { ref: a.arn });
        return { bArn: b.arn };
      },
      v2: () => {
        const a = new Res("a", { size: 2 });
        new Res("b", { ref: a.arn });
        new Res("c", { size: 3 });
        return {};
      },
    });
    const [up1, preview, up2, destroy] = results;
    expect(results.map((r) => r.result.result)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
    expect(up1?.result.outputs["bArn"]).toMatch(/^arn:fake:/);
    expect(up1?.calls.filter((c) => c.op === "create").map((c) => c.urn?.split("::").pop())).toEqual(["a", "b"]);
    expect(preview?.calls.filter((c) => ["create", "update", "delete"].includes(c.op)).every((c) => c.preview)).toBe(true);
    expect(preview?.journal).toEqual([]);
    expect(preview?.result.counts).toMatchObject({ create: 1, update: 1 });
    expect(up2?.result.counts).toMatchObject({ create: 1, update: 1 });
    expect(up2?.snapshot.resources.filter((r) => r.type === "fake:index:Res").map((r) => r.urn.split("::").pop())).toEqual(["a", "b", "c"]);
    expect(destroy?.calls.filter((c) => c.op === "delete").map((c) => c.urn?.split("::").pop()).indexOf("a")).toBe(2);
    expect(destroy?.snapshot.resources).toEqual([]);
    expect(provider.cloud.resources.size).toBe(0);
  });

  it("replaces a resource before deleting it, updating its dependent in between", async () => {
    const provider = new FakeProvider({ replaceOnChanges: ["zone"] });
    const life = new Lifecycle({ provider });
    const prog = (zone: string) => () => {
      const a = new Res("a", { zone });
      new Res("b", { ref: a.arn });
    };
    await life.step({ name: "v1", kind: "update", program: prog("z1") });
    const r = await life.step({ name: "v2", kind: "update", program: prog("z2") });
    expect(r.result.result).toBe("succeeded");
    expect(provider.mutations().slice(2)).toEqual(["create a", "update b", "delete a"]);
    expect(r.journal.length).toBeGreaterThan(0);
    expect(r.snapshot.resources.some((x) => x.delete)).toBe(false);
  });

  it("renames through an alias without replacing and keeps history", async () => {
    const provider = new FakeProvider();
    const life = new Lifecycle({ provider });
    await life.step({ name: "v1", kind: "update", program: () => void new Res("old", { size: 1 }) });
    const r = await life.step({ name: "v2", kind: "update", program: () => void new Res("new", { size: 1 }, { aliases: [{ name: "old" }] }) });
    expect(r.result.result).toBe("succeeded");
    expect(provider.mutations()).toEqual(["create old"]);
    expect(r.snapshot.resources.some((x) => x.urn.endsWith("::new"))).toBe(true);
    expect((await life.backend.listHistory(life.ref, { decrypt: (t) => t })).map((h) => h.result)).toEqual(["succeeded", "succeeded"]);
  });
});
