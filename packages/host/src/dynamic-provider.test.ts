import { describe, expect, it } from "vitest";
import { CairnError, ErrorCodes, SIG, UNKNOWN, makeSecret, type PropertyMap } from "@cairn/protocol";
import { createDynamicProvider, PROVIDER_KEY } from "./dynamic-provider.js";
import type { Inputs, UserResourceProvider } from "./dynamic-shapes.js";

const URN = "urn:cairn:dev::proj::cairn:dynamic:Resource::thing";
const TYPE = "cairn:dynamic:Resource";

/** An adapter whose `__provider` texts name providers in `providers`; counts loads per text. */
function adapterFor(providers: Record<string, UserResourceProvider>) {
  const loads: string[] = [];
  const provider = createDynamicProvider({
    rootDirectory: "/nowhere",
    load: async (text) => {
      loads.push(text);
      const p = providers[text];
      if (p === undefined) throw new Error(`no provider ${text}`);
      return p;
    },
  });
  return { provider, loads };
}

const minimal: UserResourceProvider = {
  async create(inputs: Inputs) {
    return { id: `id-${String(inputs.name)}`, outs: { ...inputs, created: true } };
  },
};

describe("createDynamicProvider with a provider that has only create", () => {
  const { provider, loads } = adapterFor({ minimal });
  const inputs: PropertyMap = { [PROVIDER_KEY]: "minimal", name: "a", token: makeSecret("s3cret") };

  it("passes check through unchanged and loads each provider text once", async () => {
    expect(await provider.check({ urn: URN, type: TYPE, olds: {}, news: inputs, randomSeed: "x" })).toEqual({ inputs });
    await provider.check({ urn: URN, type: TYPE, olds: {}, news: inputs, randomSeed: "x" });
    expect(loads).toEqual(["minimal"]);
  });

  it("creates with plain values, keeps __provider in the outputs and re-marks secret keys", async () => {
    const res = await provider.create({ urn: URN, type: TYPE, inputs, preview: false });
    expect(res.id).toBe("id-a");
    expect(res.outputs).toEqual({ [PROVIDER_KEY]: "minimal", name: "a", created: true, token: { [SIG]: "secret", value: "s3cret" } });
  });

  it("diffs inputs key by key and replaces, since there is no update", async () => {
    const news = { ...inputs, name: "b" };
    const d = await provider.diff({ urn: URN, type: TYPE, id: "id-a", olds: inputs, oldInputs: inputs, news, ignoreChanges: [] });
    expect(d).toMatchObject({ changes: "some", diffs: ["name"], replaces: ["name"], detailedDiff: { name: { kind: "update-replace" } } });
    const same = await provider.diff({ urn: URN, type: TYPE, id: "id-a", olds: inputs, oldInputs: inputs, news: inputs, ignoreChanges: [] });
    expect(same.changes).toBe("none");
    const ignored = await provider.diff({ urn: URN, type: TYPE, id: "id-a", olds: inputs, oldInputs: inputs, news, ignoreChanges: ["name"] });
    expect(ignored.changes).toBe("none");
  });

  it("reads back the recorded state and deletes without a delete method", async () => {
    const state = { [PROVIDER_KEY]: "minimal", name: "a", created: true };
    expect(await provider.read({ urn: URN, type: TYPE, id: "id-a", inputs, state })).toEqual({ id: "id-a", inputs, outputs: state });
    await expect(provider.delete({ urn: URN, type: TYPE, id: "id-a", inputs, outputs: state })).resolves.toBeUndefined();
  });

  it("does not call create during preview", async () => {
    expect(await provider.create({ urn: URN, type: TYPE, inputs: { ...inputs, name: UNKNOWN }, preview: true })).toEqual({ id: "", outputs: { ...inputs, name: UNKNOWN } });
  });
});

describe("createDynamicProvider with a full provider", () => {
  const calls: string[] = [];
  const full: UserResourceProvider = {
    async check(olds, news) {
      calls.push(`check ${JSON.stringify(olds)}`);
      const failures = typeof news.size === "number" && news.size < 0 ? [{ property: "size", reason: "must be >= 0" }] : [];
      return { inputs: { ...news, size: news.size ?? 1 }, failures };
    },
    async diff(_id, olds, news) {
      return { changes: olds.size !== news.size || olds.zone !== news.zone, replaces: olds.zone !== news.zone ? ["zone"] : [], deleteBeforeReplace: true };
    },
    async create(inputs) {
      if (inputs.zone === "bad") throw new Error("zone bad is full");
      return { id: "disk-1", outs: { ...inputs, path: "/dev/disk1" } };
    },
    async read(id, props) {
      return id === "gone" ? {} : { id, props: { ...props, size: 99 } };
    },
    async update(_id, _olds, news) {
      return { outs: { ...news, path: "/dev/disk1" } };
    },
    async delete(id) {
      calls.push(`delete ${id}`);
    },
  };
  const { provider } = adapterFor({ full });
  const base: PropertyMap = { [PROVIDER_KEY]: "full", zone: "a" };

  it("applies the user's check, defaults and failures, keeping __provider", async () => {
    const ok = await provider.check({ urn: URN, type: TYPE, olds: {}, news: base, randomSeed: "x" });
    expect(ok).toEqual({ inputs: { ...base, size: 1 }, failures: [] });
    const bad = await provider.check({ urn: URN, type: TYPE, olds: {}, news: { ...base, size: -1 }, randomSeed: "x" });
    expect(bad.failures).toEqual([{ property: "size", reason: "must be >= 0" }]);
    expect(calls).toContain("check {}");
  });

  it("skips the user's check and diff while inputs hold unknown values (preview)", async () => {
    const before = calls.length;
    const news = { ...base, size: UNKNOWN };
    expect(await provider.check({ urn: URN, type: TYPE, olds: {}, news, randomSeed: "x" })).toEqual({ inputs: news });
    const d = await provider.diff({ urn: URN, type: TYPE, id: "disk-1", olds: { ...base, size: 1 }, oldInputs: { ...base, size: 1 }, news, ignoreChanges: [] });
    expect(d).toMatchObject({ changes: "some", diffs: ["size"] });
    expect(calls.length).toBe(before);
  });

  it("maps the user's diff: update, replacement, delete-before-replace, no change", async () => {
    const olds = { ...base, size: 1 };
    const diff = (news: PropertyMap) => provider.diff({ urn: URN, type: TYPE, id: "disk-1", olds, oldInputs: olds, news, ignoreChanges: [] });
    expect(await diff({ ...olds, size: 2 })).toMatchObject({ changes: "some", diffs: ["size"], deleteBeforeReplace: true });
    expect((await diff({ ...olds, size: 2 })).replaces).toBeUndefined();
    expect(await diff({ ...olds, zone: "b" })).toMatchObject({ changes: "some", replaces: ["zone"] });
    expect(await diff(olds)).toEqual({ changes: "none" });
  });

  it("reports a change the user's diff found in the outputs even when the inputs are equal", async () => {
    const olds = { ...base, size: 1 };
    const drifted = await provider.diff({ urn: URN, type: TYPE, id: "disk-1", olds: { ...olds, size: 4 }, oldInputs: olds, news: olds, ignoreChanges: [] });
    expect(drifted).toMatchObject({ changes: "some", diffs: [] });
    expect(drifted.replaces).toBeUndefined();
  });

  it("updates, reads (a vanished resource has no id) and deletes through the user's methods", async () => {
    const olds = { ...base, size: 1, path: "/dev/disk1" };
    const up = await provider.update({ urn: URN, type: TYPE, id: "disk-1", olds, oldInputs: base, news: { ...base, size: 5 }, ignoreChanges: [], preview: false });
    expect(up.outputs).toEqual({ ...base, size: 5, path: "/dev/disk1" });
    expect((await provider.read({ urn: URN, type: TYPE, id: "disk-1", state: olds })).outputs).toEqual({ ...olds, size: 99 });
    expect(await provider.read({ urn: URN, type: TYPE, id: "gone", state: olds })).toEqual({});
    await provider.delete({ urn: URN, type: TYPE, id: "disk-1", inputs: base, outputs: olds });
    expect(calls).toContain("delete disk-1");
  });

  it("turns a provider's error into ProviderError naming the URN", async () => {
    const e = await provider.create({ urn: URN, type: TYPE, inputs: { ...base, zone: "bad" }, preview: false }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CairnError);
    expect(e).toMatchObject({ code: ErrorCodes.ProviderError, source: "provider", urn: URN });
    expect((e as Error).message).toContain(`${URN}: dynamic provider create failed: zone bad is full`);
  });
});

describe("createDynamicProvider errors", () => {
  it("says when a resource has no __provider and when the provider cannot be loaded", async () => {
    const { provider } = adapterFor({});
    await expect(provider.create({ urn: URN, type: TYPE, inputs: { a: 1 }, preview: false })).rejects.toMatchObject({ code: ErrorCodes.ProviderError, property: PROVIDER_KEY });
    const e = await provider.delete({ urn: URN, type: TYPE, id: "x", inputs: {}, outputs: { [PROVIDER_KEY]: "missing" } }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: ErrorCodes.ProviderError, urn: URN });
    expect((e as Error).message).toContain("no provider missing");
  });

  it("rejects a create that returns no id", async () => {
    const { provider } = adapterFor({ noid: { create: async () => ({ id: "" }) } });
    await expect(provider.create({ urn: URN, type: TYPE, inputs: { [PROVIDER_KEY]: "noid" }, preview: false })).rejects.toMatchObject({ code: ErrorCodes.ProviderInvalidResponse });
  });
});
