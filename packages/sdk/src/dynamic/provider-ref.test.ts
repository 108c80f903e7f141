import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ErrorCodes, isCairnError } from "@cairn/protocol";
import { describeProvider, loadProvider } from "./provider-ref.js";
import { CounterProvider } from "../__fixtures__/counter-provider.js";
import DefaultProvider from "../__fixtures__/default-provider.js";
import { labelProvider } from "../__fixtures__/label-provider.js";
import { makeHiddenInstance, makeHiddenObject } from "../__fixtures__/hidden-provider.js";

const SDK_ROOT = resolve(fileURLToPath(import.meta.url), "../../..");

describe("describeProvider / loadProvider", () => {
  it("round-trips a provider class instance with constructor fields", async () => {
    const original = new CounterProvider(7, { step: 3, tags: ["a", "b"] });
    const ref = await describeProvider(original, SDK_ROOT);
    expect(ref).toEqual({
      module: "src/__fixtures__/counter-provider.ts",
      exportName: "CounterProvider",
      kind: "class",
      fields: { start: 7, settings: { step: 3, tags: ["a", "b"] } },
    });
    const loaded = await loadProvider(JSON.parse(JSON.stringify(ref)), SDK_ROOT);
    expect(loaded).toBeInstanceOf(CounterProvider);
    expect(await loaded.create({ label: "x" })).toEqual({ id: "counter-x", outs: { label: "x", value: 7 } });
    expect(await loaded.update!("counter-x", { label: "x", value: 7 }, { label: "x" })).toEqual({ outs: { label: "x", value: 10 } });
  });

  it("round-trips an exported object literal and records absolute paths outside the root", async () => {
    const ref = await describeProvider(labelProvider, "/nonexistent-root");
    expect(ref).toMatchObject({ exportName: "labelProvider", kind: "object", fields: {} });
    expect(ref.module).toBe(resolve(SDK_ROOT, "src/__fixtures__/label-provider.ts"));
    const loaded = await loadProvider(ref, "/anywhere");
    expect(loaded).toBe(labelProvider);
    expect(await loaded.create({ text: "hi" })).toEqual({ id: "label-hi", outs: { text: "HI" } });
  });

  it("round-trips a provider class that is its module's default export", async () => {
    const ref = await describeProvider(new DefaultProvider("env"), SDK_ROOT);
    expect(ref).toMatchObject({ module: "src/__fixtures__/default-provider.ts", exportName: "default", kind: "class", fields: { prefix: "env" } });
    const loaded = await loadProvider(JSON.parse(JSON.stringify(ref)), SDK_ROOT);
    expect(loaded).toBeInstanceOf(DefaultProvider);
    expect(await loaded.create({ name: "blue" })).toEqual({ id: "env-blue", outs: { name: "blue" } });
  });

  it("refuses providers that are not exported, telling the user to export them", async () => {
    for (const provider of [makeHiddenInstance(), makeHiddenObject()]) {
      const err = await describeProvider(provider, SDK_ROOT).catch((e: unknown) => e);
      expect(isCairnError(err, ErrorCodes.InvalidInput)).toBe(true);
      expect((err as Error).message).toMatch(/hidden-provider\.ts is not exported from that module; export it/);
    }
  });

  it("refuses fields that are not plain JSON data", async () => {
    const p = new CounterProvider(1);
    (p as unknown as { client: unknown }).client = new Map();
    const err = await describeProvider(p, SDK_ROOT).catch((e: unknown) => e);
    expect((err as Error).message).toContain("not plain JSON data: client");
  });

  it("explains a missing export when loading", async () => {
    const err = await loadProvider({ module: "src/__fixtures__/label-provider.ts", exportName: "gone", kind: "object", fields: {} }, SDK_ROOT).catch((e: unknown) => e);
    expect((err as Error).message).toContain('no longer exports the dynamic provider object "gone"');
  });
});
