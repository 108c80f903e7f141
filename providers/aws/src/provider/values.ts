// Conversions between Cairn property maps and the plain JSON the resource handlers work with:
// secrets unwrapped and nulls dropped on the way in, secret-ness restored on the way out.
import { isSecretValue, isUnknown, makeSecret, unwrapSecrets, type PropertyMap, type PropertyValue } from "@cairn/protocol";

/** Inputs as handlers see them: no secret markers, no null or undefined values. */
export type Plain = { [key: string]: PropertyValue };

export function plainInputs(m: PropertyMap): Plain {
  const out: Plain = {};
  for (const [k, v] of Object.entries(m)) {
    const u = unwrapSecrets(v);
    if (u !== null && u !== undefined) out[k] = u;
  }
  return out;
}

/** Wraps each top-level output whose input of the same name was secret. */
export function resecret(outputs: PropertyMap, inputs: PropertyMap): PropertyMap {
  const out: PropertyMap = {};
  for (const [k, v] of Object.entries(outputs)) {
    if (v === undefined) continue;
    out[k] = isSecretValue(inputs[k]) && !isUnknown(v) ? makeSecret(v) : v;
  }
  return out;
}

/** Drops undefined values so maps stay JSON-clean. */
export function compact(m: Record<string, PropertyValue | undefined>): PropertyMap {
  const out: PropertyMap = {};
  for (const [k, v] of Object.entries(m)) if (v !== undefined) out[k] = v;
  return out;
}

export function str(v: PropertyValue | undefined): string | undefined {
  return typeof v === "string" ? v : undefined;
}
export function bool(v: PropertyValue | undefined): boolean | undefined {
  return typeof v === "boolean" ? v : undefined;
}
export function num(v: PropertyValue | undefined): number | undefined {
  return typeof v === "number" ? v : undefined;
}
export function strMap(v: PropertyValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (v === null || v === undefined || typeof v !== "object" || Array.isArray(v)) return out;
  for (const [k, x] of Object.entries(v as PropertyMap)) if (typeof x === "string") out[k] = x;
  return out;
}
export function strList(v: PropertyValue | undefined): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
export function objList(v: PropertyValue | undefined): Plain[] {
  return Array.isArray(v) ? v.filter((x): x is Plain => x !== null && typeof x === "object" && !Array.isArray(x)) : [];
}
export function obj(v: PropertyValue | undefined): Plain | undefined {
  return v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v) ? (v as Plain) : undefined;
}
