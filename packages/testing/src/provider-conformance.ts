// The Provider conformance suite: behaviour every Provider must show. check returns inputs,
// create -> read -> update -> diff -> delete round-trips, deleting a missing resource succeeds,
// reading a missing one returns no id, and replace-inducing changes are reported by diff.
import { makeUrn, type PropertyMap, type Provider } from "@cairn/protocol";
import { describe, expect, it } from "vitest";

export interface ConformanceResource {
  type: string;
  inputs: PropertyMap;
  /** Inputs for an in-place update (the diff must say "some" without replaces). */
  update?: PropertyMap;
  /** Inputs whose change forces replacement (the diff must list replaces). */
  replace?: PropertyMap;
}

export interface ProviderConformanceOptions {
  name: string;
  /** A fresh, unconfigured provider. */
  makeProvider: () => Provider | Promise<Provider>;
  /** Configuration passed to checkConfig/configure (default: {}). */
  config?: PropertyMap;
  resources: ConformanceResource[];
}

async function configured(opts: ProviderConformanceOptions): Promise<Provider> {
  const p = await opts.makeProvider();
  const urn = makeUrn({ project: "conformance", stack: "test", type: `cairn:providers:${opts.name}`, name: "default" });
  const checked = await p.checkConfig({ urn, olds: {}, news: opts.config ?? {} });
  expect(checked.failures ?? []).toEqual([]);
  await p.configure({ inputs: checked.inputs, preview: false });
  return p;
}

export function describeProviderConformance(opts: ProviderConformanceOptions): void {
  describe(`Provider conformance: ${opts.name}`, () => {
    opts.resources.forEach((res, i) => {
      const urn = makeUrn({ project: "conformance", stack: "test", type: res.type, name: `r${i}` });
      const check = async (p: Provider, olds: PropertyMap, news: PropertyMap): Promise<PropertyMap> => {
        const c = await p.check({ urn, type: res.type, olds, news, randomSeed: `seed-${i}` });
        expect(c.failures ?? [], `check failures for ${res.type}`).toEqual([]);
        return c.inputs;
      };

      it(`${res.type}: check returns the inputs, with defaults at most added`, async () => {
        const p = await configured(opts);
        const inputs = await check(p, {}, res.inputs);
        expect(inputs).toMatchObject(res.inputs);
      });

      it(`${res.type}: create -> read -> update -> diff -> delete`, async () => {
        const p = await configured(opts);
        const inputs = await check(p, {}, res.inputs);
        const preview = await p.create({ urn, type: res.type, inputs, preview: true });
        expect(preview.id).toBe("");
        const created = await p.create({ urn, type: res.type, inputs, preview: false });
        expect(created.id).not.toBe("");
        const read = await p.read({ urn, type: res.type, id: created.id, inputs, state: created.outputs });
        expect(read.id).toBe(created.id);
        const same = await p.diff({ urn, type: res.type, id: created.id, olds: created.outputs, oldInputs: inputs, news: inputs, ignoreChanges: [] });
        expect(same.changes).toBe("none");
        let outputs = created.outputs;
        let oldInputs = inputs;
        if (res.update) {
          const news = await check(p, inputs, res.update);
          const d = await p.diff({ urn, type: res.type, id: created.id, olds: outputs, oldInputs, news, ignoreChanges: [] });
          expect(d.changes).toBe("some");
          expect(d.replaces ?? []).toEqual([]);
          const updated = await p.update({ urn, type: res.type, id: created.id, olds: outputs, oldInputs, news, ignoreChanges: [], preview: false });
          outputs = updated.outputs;
          oldInputs = news;
          const after = await p.diff({ urn, type: res.type, id: created.id, olds: outputs, oldInputs, news, ignoreChanges: [] });
          expect(after.changes).toBe("none");
        }
        if (res.replace) {
          const news = await check(p, oldInputs, res.replace);
          const d = await p.diff({ urn, type: res.type, id: created.id, olds: outputs, oldInputs, news, ignoreChanges: [] });
          expect(d.changes).toBe("some");
          expect((d.replaces ?? []).length).toBeGreaterThan(0);
        }
        await p.delete({ urn, type: res.type, id: created.id, inputs: oldInputs, outputs });
        const gone = await p.read({ urn, type: res.type, id: created.id, inputs: oldInputs, state: outputs });
        expect(gone.id).toBeUndefined();
      });

      it(`${res.type}: deleting a missing resource succeeds and reading it returns no id`, async () => {
        const p = await configured(opts);
        const inputs = await check(p, {}, res.inputs);
        const created = await p.create({ urn, type: res.type, inputs, preview: false });
        await p.delete({ urn, type: res.type, id: created.id, inputs, outputs: created.outputs });
        await expect(p.delete({ urn, type: res.type, id: created.id, inputs, outputs: created.outputs })).resolves.toBeUndefined();
        expect((await p.read({ urn, type: res.type, id: created.id })).id).toBeUndefined();
      });
    });
  });
}
