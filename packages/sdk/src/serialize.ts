// Turns program Inputs into PropertyValues for the monitor (Outputs awaited; unknowns, secrets,
// resource references and assets as markers; undefined omitted) while collecting which
// resources each top-level property depends on; and turns response values back into Output data.
import {
  CairnError,
  ErrorCodes,
  SIG,
  UNKNOWN,
  containsSecrets,
  containsUnknowns,
  makeSecret,
  unwrapSecrets,
  type PropertyMap,
  type PropertyValue,
} from "@cairn/protocol";
import { isAssetOrArchive } from "./asset.js";
import { isOutput, isPlainObject, isPromiseLike, outputData, type OutputData } from "./output.js";
import type { Resource } from "./resource.js";
import { RESOURCE_STATE, resourceIdentity } from "./resource-internals.js";


export function isResource(v: unknown): v is Resource {
  return typeof v === "object" && v !== null && RESOURCE_STATE in v;
}

/** Serializes one Input; `deps` collects the resources it came from. Undefined stays undefined. */
export async function serializeValue(v: unknown, deps: Set<Resource>, path: string): Promise<PropertyValue | undefined> {
  if (v === undefined) return undefined;
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return v;
  if (isOutput(v)) {
    const d = await outputData(v);
    for (const r of d.resources) deps.add(r);
    let inner: PropertyValue | undefined = UNKNOWN;
    if (d.known) {
      const plain = plainData(d.value);
      inner = plain !== NOT_PLAIN ? plain : await serializeValue(d.value, deps, path);
    }
    if (inner === undefined) return undefined;
    return d.secret ? makeSecret(inner) : inner;
  }
  if (isPromiseLike(v)) return serializeValue(await v, deps, path);
  if (isResource(v)) {
    deps.add(v);
    const { urn, id } = await resourceIdentity(v);
    return id === undefined ? { [SIG]: "resource", urn } : { [SIG]: "resource", urn, id };
  }
  if (isAssetOrArchive(v)) return v.toPropertyValue();
  if (Array.isArray(v)) {
    const items = await Promise.all(v.map((x, i) => serializeValue(x, deps, `${path}[${i}]`)));
    return items.map((x) => (x === undefined ? null : x));
  }
  if (typeof v === "object" && (isPlainObject(v) || Object.getPrototypeOf(v) !== Function.prototype)) {
    return serializeObject(v as Record<string, unknown>, deps, path);
  }
  throw new CairnError({
    code: ErrorCodes.InvalidInput,
    source: "user",
    property: path,
    message: `input property "${path}" holds a ${typeof v}, which cannot be sent to a provider; pass strings, numbers, booleans, arrays, objects, Outputs, resources or assets`,
  });
}

async function serializeObject(obj: Record<string, unknown>, deps: Set<Resource>, path: string): Promise<PropertyMap> {
  const keys = Object.keys(obj);
  const values = await Promise.all(keys.map((k) => serializeValue(obj[k], deps, path === "" ? k : `${path}.${k}`)));
  const out: PropertyMap = {};
  keys.forEach((k, i) => {
    const x = values[i];
    if (x !== undefined) out[k] = x;
  });
  return out;
}

export interface SerializedProperties {
  object: PropertyMap;
  /** Resources each top-level property depends on. */
  propertyDependencies: Map<string, ReadonlySet<Resource>>;
  /** Every resource any property depends on. */
  all: Set<Resource>;
}

const NO_RESOURCES: ReadonlySet<Resource> = new Set<Resource>();

/**
 * Serializes a resource's inputs. Plain data (most inputs: scalars, tag maps, lists of strings)
 * is done at once with no promise; only inputs holding Outputs, promises or resources wait.
 */
export function serializeProperties(props: Record<string, unknown>): SerializedProperties | Promise<SerializedProperties> {
  const keys = Object.keys(props);
  const object: PropertyMap = {};
  const propertyDependencies = new Map<string, ReadonlySet<Resource>>();
  for (const k of keys) {
    const plain = plainData(props[k]);
    if (plain === NOT_PLAIN) return serializeMixed(props, keys);
    if (plain !== undefined) object[k] = plain;
    propertyDependencies.set(k, NO_RESOURCES);
  }
  return { object, propertyDependencies, all: new Set() };
}

async function serializeMixed(props: Record<string, unknown>, keys: string[]): Promise<SerializedProperties> {
  const depSets = keys.map(() => new Set<Resource>());
  const values = await Promise.all(
    keys.map((k, i) => {
      const plain = plainData(props[k]);
      return plain !== NOT_PLAIN ? plain : serializeValue(props[k], depSets[i]!, k);
    }),
  );
  const object: PropertyMap = {};
  const propertyDependencies = new Map<string, ReadonlySet<Resource>>();
  const all = new Set<Resource>();
  keys.forEach((k, i) => {
    const x = values[i];
    if (x !== undefined) object[k] = x;
    propertyDependencies.set(k, depSets[i]!);
    for (const r of depSets[i]!) all.add(r);
  });
  return { object, propertyDependencies, all };
}

const NOT_PLAIN: unique symbol = Symbol("not plain");

/** The value as a PropertyValue when it is plain JSON-like data with no Outputs, promises or resources. */
function plainData(v: unknown, depth = 0): PropertyValue | undefined | typeof NOT_PLAIN {
  if (v === undefined || v === null || typeof v === "string" || typeof v === "boolean" || typeof v === "number") return v;
  if (depth > 8 || typeof v !== "object") return NOT_PLAIN;
  if (Array.isArray(v)) {
    const out: PropertyValue[] = [];
    for (const x of v) {
      const p = plainData(x, depth + 1);
      if (p === NOT_PLAIN) return NOT_PLAIN;
      out.push(p === undefined ? null : p);
    }
    return out;
  }
  if (!isPlainObject(v) || SIG in v) return NOT_PLAIN;
  const out: PropertyMap = {};
  for (const k of Object.keys(v)) {
    const p = plainData(v[k], depth + 1);
    if (p === NOT_PLAIN) return NOT_PLAIN;
    if (p !== undefined) out[k] = p;
  }
  return out;
}

/** Output data for one property of a registration response. */
export function propertyData(v: PropertyValue | undefined, resources: readonly Resource[], dryRun: boolean): OutputData<unknown> {
  if (v === undefined) return { value: undefined, known: !dryRun, secret: false, resources };
  const secret = containsSecrets(v);
  if (containsUnknowns(v)) return { value: undefined, known: false, secret, resources };
  return { value: secret ? unwrapSecrets(v) : v, known: true, secret, resources };
}

/** Plain JS values of a PropertyMap (secret markers removed), as mocks and dynamic providers see them. */
export function plainProperties(m: PropertyMap): Record<string, unknown> {
  return unwrapSecrets(m) as Record<string, unknown>;
}
