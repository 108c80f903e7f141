// Input schemas for providers' `check`: every input's presence and type checked at once, defaults
// applied, and the plain (secret-unwrapped) known values handed back for the semantic checks.
// Unknown values (preview) are skipped, never reported. Shared by the random and command providers.
import type { CheckFailure } from "./monitor.js";
import { containsUnknowns, isUnknown, unwrapSecrets, type PropertyMap, type PropertyValue } from "./property-value.js";

export type FieldKind = "integer" | "boolean" | "string" | "string[]" | "map" | "string-map" | "list";

export interface FieldSpec {
  kind: FieldKind;
  required?: boolean;
  /** Smallest allowed value of an integer field. */
  min?: number;
  default?: PropertyValue;
}
export type InputSchema = Record<string, FieldSpec>;

/** Known, well-typed input values (secrets unwrapped); absent when missing, unknown or invalid. */
export class SchemaValues {
  constructor(private readonly plain: Record<string, PropertyValue | undefined>) {}
  has(key: string): boolean {
    return this.plain[key] !== undefined;
  }
  int(key: string): number | undefined {
    const v = this.plain[key];
    return typeof v === "number" ? v : undefined;
  }
  bool(key: string): boolean | undefined {
    const v = this.plain[key];
    return typeof v === "boolean" ? v : undefined;
  }
  str(key: string): string | undefined {
    const v = this.plain[key];
    return typeof v === "string" ? v : undefined;
  }
  strings(key: string): string[] | undefined {
    const v = this.plain[key];
    return Array.isArray(v) ? (v as string[]) : undefined;
  }
  stringMap(key: string): Record<string, string> | undefined {
    const v = this.plain[key];
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, string>) : undefined;
  }
}

export interface SchemaResult {
  /** The inputs with defaults applied; secret and unknown markers kept as given. */
  inputs: PropertyMap;
  values: SchemaValues;
  failures: CheckFailure[];
  /** True when any input is unknown (preview). */
  hasUnknowns: boolean;
}

function kindOk(kind: FieldKind, v: PropertyValue): boolean {
  switch (kind) {
    case "integer":
      return typeof v === "number" && Number.isSafeInteger(v);
    case "boolean":
      return typeof v === "boolean";
    case "string":
      return typeof v === "string";
    case "string[]":
      return Array.isArray(v) && v.every((x) => typeof x === "string" || isUnknown(x));
    case "map":
      return v !== null && typeof v === "object" && !Array.isArray(v);
    case "string-map":
      return v !== null && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string" || isUnknown(x));
    case "list":
      return Array.isArray(v);
  }
}

const KIND_TEXT: Record<FieldKind, string> = {
  integer: "a whole number",
  boolean: "true or false",
  string: "a string",
  "string[]": "a list of strings",
  map: "a map (object)",
  "string-map": "a map of strings",
  list: "a list",
};

/** Checks `news` against `schema`; `type` names the resource in failure messages. */
export function checkSchema(type: string, news: PropertyMap, schema: InputSchema): SchemaResult {
  const failures: CheckFailure[] = [];
  const inputs: PropertyMap = {};
  const plain: Record<string, PropertyValue | undefined> = {};
  let hasUnknowns = false;
  for (const [key, raw] of Object.entries(news)) {
    if (raw === null || raw === undefined) continue;
    const spec = schema[key];
    if (spec === undefined) {
      failures.push({ property: key, reason: `${type} has no input "${key}" (known inputs: ${Object.keys(schema).join(", ")})` });
      continue;
    }
    inputs[key] = raw;
    const v = unwrapSecrets(raw);
    if (containsUnknowns(v)) {
      hasUnknowns = true;
      continue;
    }
    if (!kindOk(spec.kind, v)) {
      failures.push({ property: key, reason: `${key} must be ${KIND_TEXT[spec.kind]}, got ${JSON.stringify(v)}` });
      continue;
    }
    if (spec.kind === "integer" && spec.min !== undefined && (v as number) < spec.min) {
      failures.push({ property: key, reason: `${key} must be at least ${spec.min}, got ${String(v)}` });
      continue;
    }
    plain[key] = v;
  }
  for (const [key, spec] of Object.entries(schema)) {
    if (key in inputs) continue;
    if (spec.required) failures.push({ property: key, reason: `${key} is required for ${type}` });
    else if (spec.default !== undefined) {
      inputs[key] = spec.default;
      plain[key] = spec.default;
    }
  }
  return { inputs, values: new SchemaValues(plain), failures, hasUnknowns };
}
