// Secrets across the dynamic-provider boundary: user providers see plain values, so inputs are
// unwrapped before the call and each top-level output whose input of the same name held a secret is
// marked secret again (a deliberately simple rule; providers can mark more via additionalSecretOutputs).
import { containsSecrets, makeSecret, unwrapSecretsMap, type PropertyMap, type PropertyValue } from "@cairn/protocol";
import type { Inputs } from "./dynamic-shapes.js";

/** Top-level keys whose value holds a secret anywhere inside it. */
export function secretKeys(...maps: (PropertyMap | undefined)[]): Set<string> {
  const keys = new Set<string>();
  for (const m of maps) for (const [k, v] of Object.entries(m ?? {})) if (containsSecrets(v)) keys.add(k);
  return keys;
}

/** The plain values a user provider receives. */
export function plain(m: PropertyMap | undefined): Inputs {
  return unwrapSecretsMap(m ?? {}) as Inputs;
}

/** Turns a user provider's result back into a property map, re-marking secret keys. */
export function remark(values: Inputs, secret: Set<string>): PropertyMap {
  const out: PropertyMap = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    const value = toPropertyValue(v);
    out[k] = secret.has(k) ? makeSecret(value) : value;
  }
  return out;
}

/** JSON round trip: drops functions and undefined, turns Dates into strings. */
function toPropertyValue(v: unknown): PropertyValue {
  return JSON.parse(JSON.stringify(v) ?? "null") as PropertyValue;
}
