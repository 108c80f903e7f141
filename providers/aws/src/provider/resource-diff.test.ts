// The generic diff and check on a small definition, as tables of (olds, news) -> decision.
import { describe, expect, it } from "vitest";
import { SIG, UNKNOWN, makeSecret, type DiffRequest, type PropertyMap } from "@cairn/protocol";
import { AwsProvider } from "./aws-provider.js";
import { jsonEqual } from "./json-policy.js";
import { defineResource } from "./resource-definition.js";
import { diffResource } from "./resource-diff.js";

const widget = defineResource({
  type: "aws:test/widget:Widget",
  inputs: {
    name: { kind: "string", forceNew: true },
    size: { kind: "number" },
    zone: { kind: "string", forceNew: true, computed: true },
    policy: { kind: "json", equal: jsonEqual },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn"],
  naming: { property: "name", maxLength: 20 },
  tags: true,
  notFound: [],
  async create() {
    return "id";
  },
  async read() {
    return undefined;
  },
  async delete() {},
});

const req = (olds: PropertyMap, news: PropertyMap, ignoreChanges: string[] = []): DiffRequest => ({
  urn: "urn:cairn:s::p::aws:test/widget:Widget::w", type: widget.type, id: "id", olds, oldInputs: olds, news, ignoreChanges,
});
const diff = (olds: PropertyMap, news: PropertyMap, opts: { defaults?: Record<string, string>; ignore?: string[] } = {}) =>
  diffResource(widget, req(olds, news, opts.ignore), { defaultTags: opts.defaults ?? {}, extra: [] });

describe("diffResource", () => {
  const base = { name: "w-1", size: 1, zone: "a", tagsAll: {} };
  it.each([
    ["nothing changed", base, { name: "w-1", size: 1, zone: "a" }, { changes: "none" }],
    ["an in-place property", base, { name: "w-1", size: 2, zone: "a" }, { changes: "some", diffs: ["size"], detailedDiff: { size: { kind: "update", inputDiff: true } } }],
    ["a forceNew property", base, { name: "w-2", size: 1, zone: "a" }, { changes: "some", replaces: ["name"], detailedDiff: { name: { kind: "update-replace", inputDiff: true } } }],
    ["an unset computed property", base, { name: "w-1", size: 1 }, { changes: "none" }],
    ["a removed in-place property", base, { name: "w-1", zone: "a" }, { changes: "some", detailedDiff: { size: { kind: "delete", inputDiff: true } } }],
    ["an unknown forceNew value", base, { name: UNKNOWN, size: 1, zone: "a" }, { changes: "some", replaces: ["name"] }],
    ["a secret with the same value", base, { name: "w-1", size: makeSecret(1), zone: "a" }, { changes: "none" }],
  ] as const)("%s", (_what, olds, news, expected) => {
    expect(diff(olds as PropertyMap, news as PropertyMap)).toMatchObject(expected);
  });

  it("compares JSON semantically and tags per key, and sees empty tags as no tags", () => {
    const olds = { ...base, policy: '{"a": 1, "b": [1]}', tags: { x: "1", y: "2" }, tagsAll: { x: "1", y: "2" } };
    expect(diff(olds, { name: "w-1", size: 1, policy: { b: [1], a: 1 }, tags: { x: "1", y: "2" } }).changes).toBe("none");
    expect(diff(olds, { name: "w-1", size: 1, policy: { b: [1], a: 1 }, tags: { x: "1", z: "3" } }).detailedDiff).toEqual({
      "tags.y": { kind: "delete", inputDiff: true },
      "tags.z": { kind: "add", inputDiff: true },
      tagsAll: { kind: "update", inputDiff: false },
    });
    expect(diff({ ...base, tags: {} }, { name: "w-1", size: 1 }).changes).toBe("none");
  });

  it("updates tagsAll when aws:defaultTags change, unless tags are ignored", () => {
    const olds = { ...base, tags: { x: "1" }, tagsAll: { x: "1" } };
    expect(diff(olds, { name: "w-1", size: 1, tags: { x: "1" } }, { defaults: { team: "a" } })).toMatchObject({ changes: "some", diffs: ["tagsAll"] });
    expect(diff(olds, { name: "w-1", size: 2, tags: { x: "9" } }, { defaults: { team: "a" }, ignore: ["tags", "size"] }).changes).toBe("none");
  });
});

describe("AwsProvider.check", () => {
  const provider = new AwsProvider({ factory: { package: "aws", env: {} }, resources: [widget] });
  const urn = "urn:cairn:s::p::aws:test/widget:Widget::my-widget";

  it("auto-names within maxLength and keeps a recorded name", async () => {
    const a = await provider.check({ urn, type: widget.type, olds: {}, news: {}, randomSeed: "seed" });
    expect(a.inputs["name"]).toMatch(/^my-widget-[0-9a-f]{7}$/);
    expect(String(a.inputs["name"]).length).toBeLessThanOrEqual(20);
    const b = await provider.check({ urn, type: widget.type, olds: { name: "kept" }, news: {}, randomSeed: "other" });
    expect(b.inputs["name"]).toBe("kept");
  });

  it("keeps secret and unknown inputs as they are", async () => {
    const res = await provider.check({ urn, type: widget.type, olds: {}, news: { size: makeSecret(3), zone: UNKNOWN }, randomSeed: "s" });
    expect(res.failures).toBeUndefined();
    expect(res.inputs["size"]).toEqual({ [SIG]: "secret", value: 3 });
    expect(res.inputs["zone"]).toEqual(UNKNOWN);
  });

  it("previews a create with unknown outputs and an update with the new inputs", async () => {
    const created = await provider.create({ urn, type: widget.type, inputs: { name: "n", tags: { a: "1" } }, preview: true });
    expect(created).toEqual({ id: "", outputs: { name: "n", tags: { a: "1" }, arn: UNKNOWN, tagsAll: { a: "1" } } });
    const updated = await provider.update({
      urn, type: widget.type, id: "id", olds: { name: "n", arn: "arn:1" }, oldInputs: { name: "n" }, news: { name: "n", size: 2 }, ignoreChanges: [], preview: true,
    });
    expect(updated.outputs).toEqual({ name: "n", size: 2, arn: "arn:1", tagsAll: {} });
  });
});
