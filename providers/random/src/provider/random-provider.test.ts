import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isSecretValue, isUnknown, makeSecret, UNKNOWN, type PropertyMap, type PropertyValue } from "@cairn/protocol";
import { createProvider } from "./index.js";
import { DEFAULT_SPECIAL } from "./password-string.js";

const T = {
  password: "random:index/randomPassword:RandomPassword",
  string: "random:index/randomString:RandomString",
  id: "random:index/randomId:RandomId",
  integer: "random:index/randomInteger:RandomInteger",
  uuid: "random:index/randomUuid:RandomUuid",
  pet: "random:index/randomPet:RandomPet",
  shuffle: "random:index/randomShuffle:RandomShuffle",
};
const provider = createProvider({ package: "random" });
const urn = (type: string, name = "r") => `urn:cairn:dev::proj::${type}::${name}`;

async function check(type: string, news: PropertyMap) {
  return provider.check({ urn: urn(type), type, olds: {}, news, randomSeed: "seed" });
}
async function create(type: string, news: PropertyMap) {
  const checked = await check(type, news);
  expect(checked.failures ?? []).toEqual([]);
  return provider.create({ urn: urn(type), type, inputs: checked.inputs, preview: false });
}
function plain(v: PropertyValue | undefined): PropertyValue | undefined {
  return isSecretValue(v) ? v.value : v;
}

describe("RandomPassword and RandomString", () => {
  it("reports every problem in check at once", async () => {
    const r = await check(T.password, { length: 3, minUpper: 2, minNumeric: 2, lower: false, minLower: 1, special: "yes", lenght: 4 });
    const props = (r.failures ?? []).map((f) => f.property).sort();
    expect(props).toEqual(["lenght", "length", "minLower", "special"]);
    expect(r.failures!.find((f) => f.property === "length")!.reason).toMatch(/less than the sum.*\(5\)/);
  });

  it("requires length and rejects a disabled-everything charset", async () => {
    const r = await check(T.string, { upper: false, lower: false, numeric: false, special: false });
    expect((r.failures ?? []).map((f) => f.property).sort()).toEqual(["", "length"]);
  });

  it("rejects number and numeric that disagree, and keeps them in step otherwise", async () => {
    const bad = await check(T.string, { length: 4, number: false, numeric: true });
    expect(bad.failures?.map((f) => f.property)).toEqual(["number"]);
    const ok = await check(T.string, { length: 4, number: false });
    expect(ok.inputs).toMatchObject({ number: false, numeric: false, special: true, upper: true, lower: true, minUpper: 0 });
  });

  it("creates a secret password of the asked length honouring the minimums", async () => {
    const r = await create(T.password, { length: 24, minUpper: 3, minLower: 3, minNumeric: 3, minSpecial: 3 });
    expect(r.id).toBe("none");
    expect(isSecretValue(r.outputs.result)).toBe(true);
    const pw = plain(r.outputs.result) as string;
    expect(pw).toHaveLength(24);
    expect(pw.match(/[A-Z]/g)!.length).toBeGreaterThanOrEqual(3);
    expect(pw.match(/[a-z]/g)!.length).toBeGreaterThanOrEqual(3);
    expect(pw.match(/[0-9]/g)!.length).toBeGreaterThanOrEqual(3);
    expect([...pw].filter((c) => DEFAULT_SPECIAL.includes(c)).length).toBeGreaterThanOrEqual(3);
    expect(r.outputs.length).toBe(24);
  });

  it("creates a plain string whose ID is the result, from the enabled classes only", async () => {
    const r = await create(T.string, { length: 40, upper: false, numeric: false, overrideSpecial: "_" });
    expect(typeof r.outputs.result).toBe("string");
    expect(r.id).toBe(r.outputs.result);
    expect(r.outputs.result).toMatch(/^[a-z_]{40}$/);
  });

  it("always satisfies the minimums for any valid configuration (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ minUpper: fc.nat(5), minLower: fc.nat(5), minNumeric: fc.nat(5), minSpecial: fc.nat(5), extra: fc.nat(10) }),
        async (m) => {
          const length = m.minUpper + m.minLower + m.minNumeric + m.minSpecial + m.extra + 1;
          const r = await create(T.string, { length, minUpper: m.minUpper, minLower: m.minLower, minNumeric: m.minNumeric, minSpecial: m.minSpecial });
          const s = r.outputs.result as string;
          expect(s).toHaveLength(length);
          expect((s.match(/[A-Z]/g) ?? []).length).toBeGreaterThanOrEqual(m.minUpper);
          expect((s.match(/[a-z]/g) ?? []).length).toBeGreaterThanOrEqual(m.minLower);
          expect((s.match(/[0-9]/g) ?? []).length).toBeGreaterThanOrEqual(m.minNumeric);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("imports a password by value as a secret with matching inputs", async () => {
    const r = await provider.read({ urn: urn(T.password), type: T.password, id: "s3cr3t!" });
    expect(r.id).toBe("none");
    expect(r.outputs!.result).toEqual(makeSecret("s3cr3t!"));
    expect(r.inputs).toMatchObject({ length: 7, special: true, numeric: true });
    const s = await provider.read({ urn: urn(T.string), type: T.string, id: "abc" });
    expect(s).toMatchObject({ id: "abc", outputs: { result: "abc", length: 3 } });
  });
});

describe("diff", () => {
  const base = { length: 8, keepers: { build: "1" } };
  const diff = (oldInputs: PropertyMap, news: PropertyMap, ignoreChanges: string[] = []) =>
    provider.diff({ urn: urn(T.password), type: T.password, id: "none", olds: oldInputs, oldInputs, news, ignoreChanges });

  it("replaces on a keepers change", async () => {
    const r = await diff(base, { ...base, keepers: { build: "2" } });
    expect(r).toMatchObject({ changes: "some", replaces: ["keepers"], detailedDiff: { keepers: { kind: "update-replace" } } });
  });
  it("replaces on any input change, added or removed", async () => {
    const r = await diff(base, { length: 9, minUpper: 1 });
    expect(r.replaces).toEqual(["keepers", "length", "minUpper"]);
    expect(r.detailedDiff).toMatchObject({ keepers: { kind: "delete-replace" }, minUpper: { kind: "add-replace" } });
  });
  it("sees no change when only secret-ness differs, and honours ignoreChanges", async () => {
    expect((await diff(base, { ...base, keepers: makeSecret({ build: "1" }) })).changes).toBe("none");
    expect((await diff(base, { ...base, keepers: { build: "2" } }, ["keepers"])).changes).toBe("none");
  });
  it("treats an unknown input as a replacement", async () => {
    expect((await diff(base, { ...base, length: UNKNOWN })).replaces).toEqual(["length"]);
  });
});

describe("RandomId", () => {
  it("encodes the same bytes in every output, with the prefix", async () => {
    const r = await create(T.id, { byteLength: 8, prefix: "p-" });
    const hex = (r.outputs.hex as string).slice(2);
    const bytes = Buffer.from(hex, "hex");
    expect(bytes).toHaveLength(8);
    expect(r.id).toBe(bytes.toString("base64url"));
    expect(r.outputs).toMatchObject({ b64Url: `p-${r.id}`, b64Std: `p-${bytes.toString("base64")}`, dec: `p-${BigInt(`0x${hex}`).toString()}` });
  });
  it("imports a base64url ID, with an optional prefix", async () => {
    const r = await provider.read({ urn: urn(T.id), type: T.id, id: "pre,AAEC" });
    expect(r).toMatchObject({ id: "AAEC", inputs: { byteLength: 3, prefix: "pre" }, outputs: { hex: "pre000102", dec: "pre258" } });
    await expect(provider.read({ urn: urn(T.id), type: T.id, id: "not base64!" })).rejects.toMatchObject({ code: "CAIRN_INVALID_INPUT" });
  });
  it("rejects a byteLength below 1", async () => {
    expect((await check(T.id, { byteLength: 0 })).failures?.[0]?.property).toBe("byteLength");
  });
});

describe("RandomInteger", () => {
  it("stays within [min, max] and is deterministic with a seed", async () => {
    for (let i = 0; i < 20; i++) {
      const r = await create(T.integer, { min: -3, max: 3 });
      expect(r.outputs.result).toBeGreaterThanOrEqual(-3);
      expect(r.outputs.result).toBeLessThanOrEqual(3);
      expect(r.id).toBe(String(r.outputs.result));
    }
    const a = await create(T.integer, { min: 0, max: 1_000_000_000, seed: "abc" });
    const b = await create(T.integer, { min: 0, max: 1_000_000_000, seed: "abc" });
    const c = await create(T.integer, { min: 0, max: 1_000_000_000, seed: "abd" });
    expect(a.outputs.result).toBe(b.outputs.result);
    expect(c.outputs.result).not.toBe(a.outputs.result);
  });
  it("rejects min greater than max and missing bounds together", async () => {
    expect((await check(T.integer, { min: 5, max: 1 })).failures?.map((f) => f.property)).toEqual(["min"]);
    expect((await check(T.integer, { seed: 3 })).failures?.map((f) => f.property).sort()).toEqual(["max", "min", "seed"]);
  });
  it("imports result,min,max[,seed] or a bare number", async () => {
    expect(await provider.read({ urn: urn(T.integer), type: T.integer, id: "5,1,10,s" })).toMatchObject({ id: "5", inputs: { min: 1, max: 10, seed: "s" }, outputs: { result: 5 } });
    expect(await provider.read({ urn: urn(T.integer), type: T.integer, id: "42" })).toMatchObject({ id: "42", inputs: { min: 42, max: 42 }, outputs: { result: 42 } });
    await expect(provider.read({ urn: urn(T.integer), type: T.integer, id: "11,1,10" })).rejects.toMatchObject({ code: "CAIRN_INVALID_INPUT" });
  });
});

describe("RandomUuid, RandomPet and RandomShuffle", () => {
  it("creates and imports a UUID", async () => {
    const r = await create(T.uuid, {});
    expect(r.outputs.result).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.id).toBe(r.outputs.result);
    const u = "123E4567-E89B-42D3-A456-426614174000";
    expect(await provider.read({ urn: urn(T.uuid), type: T.uuid, id: u })).toMatchObject({ outputs: { result: u.toLowerCase() } });
  });
  it("names a pet with length words, a prefix and a separator", async () => {
    const r = await create(T.pet, { length: 3, prefix: "dev", separator: "_" });
    expect(r.id.split("_")).toHaveLength(4);
    expect(r.id.startsWith("dev_")).toBe(true);
    const d = await create(T.pet, {});
    expect(d.id).toMatch(/^[a-z]+-[a-z]+$/);
  });
  it("shuffles a permutation, repeats past the input count, and is deterministic with a seed", async () => {
    const items = ["a", "b", "c", "d", "e", "f"];
    const r = await create(T.shuffle, { inputs: items });
    expect([...(r.outputs.results as string[])].sort()).toEqual(items);
    const long = await create(T.shuffle, { inputs: ["x", "y"], resultCount: 5 });
    expect((long.outputs.results as string[]).slice(0, 2).sort()).toEqual(["x", "y"]);
    expect(long.outputs.results).toHaveLength(5);
    const s1 = await create(T.shuffle, { inputs: items, seed: "k", resultCount: 3 });
    const s2 = await create(T.shuffle, { inputs: items, seed: "k", resultCount: 3 });
    expect(s1.outputs.results).toEqual(s2.outputs.results);
    await expect(provider.read({ urn: urn(T.shuffle), type: T.shuffle, id: "-" })).rejects.toMatchObject({ code: "CAIRN_INVALID_INPUT" });
  });
});

describe("lifecycle", () => {
  it("returns unknown results in preview and recorded state on read", async () => {
    const checked = await check(T.password, { length: 10 });
    const p = await provider.create({ urn: urn(T.password), type: T.password, inputs: checked.inputs, preview: true });
    expect(p.id).toBe("");
    expect(isUnknown(p.outputs.result)).toBe(true);
    const real = await provider.create({ urn: urn(T.password), type: T.password, inputs: checked.inputs, preview: false });
    const read = await provider.read({ urn: urn(T.password), type: T.password, id: real.id, inputs: checked.inputs, state: real.outputs });
    expect(read).toEqual({ id: "none", inputs: checked.inputs, outputs: real.outputs });
  });
  it("keeps the generated value on an in-place update", async () => {
    const made = await create(T.string, { length: 12 });
    const news = { ...(await check(T.string, { length: 12 })).inputs, keepers: makeSecret({ k: "v" }) };
    const r = await provider.update({ urn: urn(T.string), type: T.string, id: made.id, olds: made.outputs, oldInputs: made.outputs, news, ignoreChanges: [], preview: false });
    expect(r.outputs.result).toBe(made.outputs.result);
    expect(isSecretValue(r.outputs.keepers)).toBe(true);
  });
  it("rejects a type it does not know", async () => {
    await expect(check("random:index/nope:Nope", {})).rejects.toMatchObject({ code: "CAIRN_INVALID_INPUT", source: "user" });
  });
});
