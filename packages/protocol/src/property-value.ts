// Property values cross every seam as plain JSON. Four kinds of marker objects, tagged with the
// SIG key, carry what JSON cannot: an unknown value (preview), a secret, a reference to another
// resource, and file content (assets and archives).

export const SIG = "cairn:sig" as const;

export type PropertyMap = { [key: string]: PropertyValue };
export type PropertyValue =
  | null
  | boolean
  | number
  | string
  | PropertyValue[]
  | PropertyMap
  | UnknownValue
  | SecretValue
  | ResourceRefValue
  | AssetValue
  | ArchiveValue;

/** A value not known until the resource is created or updated (only seen during preview). */
export interface UnknownValue {
  [SIG]: "unknown";
}
/** A value that must be encrypted at rest and hidden in displays. */
export interface SecretValue {
  [SIG]: "secret";
  value: PropertyValue;
}
/** A reference to another resource by URN (and ID for custom resources). */
export interface ResourceRefValue {
  [SIG]: "resource";
  urn: string;
  id?: PropertyValue;
  packageVersion?: string;
}
/** File content: exactly one of text, path or uri is set. `hash` is the SHA-256 of the content. */
export interface AssetValue {
  [SIG]: "asset";
  text?: string;
  path?: string;
  uri?: string;
  hash?: string;
}
/** A set of files: exactly one of assets, path or uri is set. */
export interface ArchiveValue {
  [SIG]: "archive";
  assets?: { [name: string]: AssetValue | ArchiveValue };
  path?: string;
  uri?: string;
  hash?: string;
}

export type MarkerValue = UnknownValue | SecretValue | ResourceRefValue | AssetValue | ArchiveValue;

export const UNKNOWN: UnknownValue = Object.freeze({ [SIG]: "unknown" }) as UnknownValue;

function sigOf(v: unknown): unknown {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>)[SIG] : undefined;
}

export function isMarker(v: unknown): v is MarkerValue {
  return sigOf(v) !== undefined;
}
export function isUnknown(v: unknown): v is UnknownValue {
  return sigOf(v) === "unknown";
}
export function isSecretValue(v: unknown): v is SecretValue {
  return sigOf(v) === "secret";
}
export function isResourceRef(v: unknown): v is ResourceRefValue {
  return sigOf(v) === "resource";
}
export function isAssetValue(v: unknown): v is AssetValue {
  return sigOf(v) === "asset";
}
export function isArchiveValue(v: unknown): v is ArchiveValue {
  return sigOf(v) === "archive";
}
export function isPropertyMap(v: unknown): v is PropertyMap {
  return v !== null && typeof v === "object" && !Array.isArray(v) && sigOf(v) === undefined;
}

export function makeSecret(value: PropertyValue): SecretValue {
  return isSecretValue(value) ? value : { [SIG]: "secret", value };
}

/** True when the value or anything inside it is unknown. */
export function containsUnknowns(v: PropertyValue): boolean {
  if (v === null || typeof v !== "object") return false;
  if (Array.isArray(v)) return v.some(containsUnknowns);
  const sig = sigOf(v);
  if (sig === "unknown") return true;
  if (sig === "secret") return containsUnknowns((v as SecretValue).value);
  if (sig !== undefined) return false;
  return Object.values(v as PropertyMap).some(containsUnknowns);
}

/** True when the value or anything inside it is secret. */
export function containsSecrets(v: PropertyValue): boolean {
  if (v === null || typeof v !== "object") return false;
  if (Array.isArray(v)) return v.some(containsSecrets);
  const sig = sigOf(v);
  if (sig === "secret") return true;
  if (sig !== undefined) return false;
  return Object.values(v as PropertyMap).some(containsSecrets);
}

/** Removes every secret marker, keeping the values inside them. */
export function unwrapSecrets(v: PropertyValue): PropertyValue {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(unwrapSecrets);
  const sig = sigOf(v);
  if (sig === "secret") return unwrapSecrets((v as SecretValue).value);
  if (sig !== undefined) return v;
  const out: PropertyMap = {};
  for (const [k, x] of Object.entries(v as PropertyMap)) out[k] = unwrapSecrets(x);
  return out;
}

export function unwrapSecretsMap(m: PropertyMap): PropertyMap {
  return unwrapSecrets(m) as PropertyMap;
}

/**
 * Replaces each secret marker's value with `f(value)`; used to seal secrets at rest (the codec
 * turns `{value}` into `{ciphertext}`) and to redact them in displays.
 */
export function mapSecrets(v: PropertyValue, f: (s: SecretValue) => PropertyValue): PropertyValue {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => mapSecrets(x, f));
  const sig = sigOf(v);
  if (sig === "secret") return f(v as SecretValue);
  if (sig !== undefined) return v;
  const out: PropertyMap = {};
  for (const [k, x] of Object.entries(v as PropertyMap)) out[k] = mapSecrets(x, f);
  return out;
}

/** Deep structural equality of property values (key order does not matter). */
export function propertyValuesEqual(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as PropertyValue[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!propertyValuesEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, PropertyValue>;
  const bo = b as Record<string, PropertyValue>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!propertyValuesEqual(ao[k], bo[k])) return false;
  return true;
}
