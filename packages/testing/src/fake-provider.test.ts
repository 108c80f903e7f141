import { describe, expect, it } from "vitest";
import { ErrorCodes, ResourceInitError } from "@cairn/protocol";
import { FakeCloud, FakeProvider } from "./fake-provider.js";

const urn = (n: string): string => `urn:cairn:dev::p::fake:index:Res::${n}`;
const create = (p: FakeProvider, n: string, signal?: AbortSignal) => p.create({ urn: urn(n), type: "fake:index:Res", inputs: { n }, preview: false }, signal);

describe("FakeProvider", () => {
  it("fails the nth matching call only, and by name", async () => {
    const p = new FakeProvider().failOn({ op: "create", nth: 2, message: "second" }).failOn({ op: "create", name: "bad" });
    await create(p, "a");
    await expect(create(p, "b")).rejects.toMatchObject({ code: ErrorCodes.ProviderError, message: "second" });
    await create(p, "c");
    await expect(create(p, "bad")).rejects.toThrow();
    expect(p.cloud.resources.size).toBe(2);
    expect(p.mutations()).toEqual(["create a", "create b", "create c", "create bad"]);
  });

  it("throws ResourceInitError after creating for initError rules", async () => {
    const p = new FakeProvider().failOn({ op: "create", initError: true, times: 1 });
    const err = await create(p, "a").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceInitError);
    expect(p.cloud.get((err as ResourceInitError).id)).toBeDefined();
  });

  it("holds a call at a gate until opened, and aborts it on its signal", async () => {
    const p = new FakeProvider();
    const gate = p.gate({ op: "create", name: "a", where: "after" });
    const ctl = new AbortController();
    const pending = create(p, "a", ctl.signal);
    await gate.reached;
    ctl.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
    expect(p.cloud.byName("a")).toHaveLength(1);
  });

  it("shares a cloud between instances and drifts or removes resources", async () => {
    const cloud = new FakeCloud();
    const p1 = new FakeProvider({ cloud });
    const p2 = new FakeProvider({ cloud });
    const { id } = await create(p1, "a");
    cloud.drift(id, { n: "changed" });
    expect((await p2.read({ urn: urn("a"), type: "fake:index:Res", id })).outputs?.["n"]).toBe("changed");
    cloud.remove(id);
    expect((await p2.read({ urn: urn("a"), type: "fake:index:Res", id })).id).toBeUndefined();
  });
});
