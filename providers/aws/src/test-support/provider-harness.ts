// Test helpers (not exported): a configured provider pointed at moto through the environment, and
// the engine's call sequences (check + create, check + diff + update, read, delete) in one line each.
import { makeUrn, type PropertyMap, type Provider, type ReadResponse, type DiffResponse } from "@cairn/protocol";
import { createProvider } from "../provider/index.js";
import type { Moto } from "./moto.js";

export function motoEnv(moto: Moto): Record<string, string> {
  return { AWS_ENDPOINT_URL: moto.url, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" };
}

export async function motoProvider(moto: Moto, config: PropertyMap = {}, env?: Record<string, string>): Promise<Provider> {
  const provider = createProvider({ package: "aws", env: env ?? motoEnv(moto) });
  await provider.configure({ inputs: config, preview: false });
  return provider;
}

export interface Created {
  urn: string;
  type: string;
  id: string;
  inputs: PropertyMap;
  outputs: PropertyMap;
}

export function urnOf(type: string, name: string): string {
  return makeUrn({ stack: "test", project: "aws", type, name });
}

/** check + create, failing the test on check failures. */
export async function createResource(p: Provider, type: string, name: string, news: PropertyMap): Promise<Created> {
  const urn = urnOf(type, name);
  const checked = await p.check({ urn, type, olds: {}, news, randomSeed: `${name}-seed` });
  if (checked.failures !== undefined && checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
  const res = await p.create({ urn, type, inputs: checked.inputs, preview: false });
  return { urn, type, id: res.id, inputs: checked.inputs, outputs: res.outputs };
}

/** check + diff against the resource's state. */
export async function planChange(p: Provider, r: Created, news: PropertyMap): Promise<{ inputs: PropertyMap; diff: DiffResponse }> {
  const checked = await p.check({ urn: r.urn, type: r.type, olds: r.inputs, news, randomSeed: "other-seed" });
  if (checked.failures !== undefined && checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
  const diff = await p.diff({ urn: r.urn, type: r.type, id: r.id, olds: r.outputs, oldInputs: r.inputs, news: checked.inputs, ignoreChanges: [] });
  return { inputs: checked.inputs, diff };
}

/** check + diff + update in place (the diff must not ask for replacement). */
export async function updateResource(p: Provider, r: Created, news: PropertyMap): Promise<Created & { diff: DiffResponse }> {
  const { inputs, diff } = await planChange(p, r, news);
  if (diff.replaces !== undefined && diff.replaces.length > 0) throw new Error(`expected an in-place update, diff replaces ${diff.replaces.join(", ")}`);
  const res = await p.update({ urn: r.urn, type: r.type, id: r.id, olds: r.outputs, oldInputs: r.inputs, news: inputs, ignoreChanges: [], preview: false });
  return { ...r, inputs, outputs: res.outputs, diff };
}

/** The engine's replace: create the new one, then delete the old one (or the reverse when asked). */
export async function replaceResource(p: Provider, r: Created, news: PropertyMap): Promise<Created & { diff: DiffResponse }> {
  const { inputs, diff } = await planChange(p, r, news);
  if (diff.replaces === undefined || diff.replaces.length === 0) throw new Error(`expected a replacement, diff is ${JSON.stringify(diff)}`);
  const del = () => p.delete({ urn: r.urn, type: r.type, id: r.id, inputs: r.inputs, outputs: r.outputs });
  if (diff.deleteBeforeReplace === true) await del();
  const res = await p.create({ urn: r.urn, type: r.type, inputs, preview: false });
  if (diff.deleteBeforeReplace !== true) await del();
  return { ...r, id: res.id, inputs, outputs: res.outputs, diff };
}

export function readResource(p: Provider, r: Created): Promise<ReadResponse> {
  return p.read({ urn: r.urn, type: r.type, id: r.id, inputs: r.inputs, state: r.outputs });
}

/** Import: read by ID with nothing recorded. */
export function importResource(p: Provider, type: string, name: string, id: string): Promise<ReadResponse> {
  return p.read({ urn: urnOf(type, name), type, id });
}

export function deleteResource(p: Provider, r: Created): Promise<void> {
  return p.delete({ urn: r.urn, type: r.type, id: r.id, inputs: r.inputs, outputs: r.outputs });
}
