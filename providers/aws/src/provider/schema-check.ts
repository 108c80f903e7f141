// Validates inputs against a resource's field schema, collecting every problem at once, and
// applies defaults. Unknown values (preview) are accepted wherever a value is.
import { isArchiveValue, isAssetValue, isSecretValue, isUnknown, type CheckFailure, type PropertyMap, type PropertyValue } from "@cairn/protocol";
import type { FieldSpec } from "./resource-definition.js";

function isMap(v: unknown): v is PropertyMap {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !isUnknown(v) && !isSecretValue(v) && !isAssetValue(v) && !isArchiveValue(v);
}

function describe(kind: FieldSpec["kind"]): string {
  return {
    string: "a string", number: "a number", boolean: "true or false", stringMap: "a map of strings",
    stringList: "a list of strings", object: "an object", objectList: "a list of objects",
    json: "a JSON string or object", asset: "an asset or archive",
  }[kind];
}

function checkValue(path: string, spec: FieldSpec, raw: PropertyValue, out: CheckFailure[]): void {
  const v = isSecretValue(raw) ? raw.value : raw;
  if (isUnknown(v)) return;
  const fail = (): void => void out.push({ property: path, reason: `${path} must be ${describe(spec.kind)}, got ${JSON.stringify(v)}` });
  switch (spec.kind) {
    case "string":
      if (typeof v !== "string") return fail();
      if (spec.oneOf !== undefined && !spec.oneOf.includes(v)) {
        out.push({ property: path, reason: `${path} must be one of ${spec.oneOf.join(", ")}, got ${JSON.stringify(v)}` });
      }
      return;
    case "number":
      if (typeof v !== "number") fail();
      return;
    case "boolean":
      if (typeof v !== "boolean") fail();
      return;
    case "stringMap":
      if (!isMap(v)) return fail();
      for (const [k, x] of Object.entries(v)) {
        const xv = isSecretValue(x) ? x.value : x;
        if (typeof xv !== "string" && !isUnknown(xv)) out.push({ property: `${path}.${k}`, reason: `${path}.${k} must be a string` });
      }
      return;
    case "stringList":
      if (!Array.isArray(v)) return fail();
      v.forEach((x, i) => {
        const xv = isSecretValue(x) ? x.value : x;
        if (typeof xv !== "string" && !isUnknown(xv)) out.push({ property: `${path}[${i}]`, reason: `${path}[${i}] must be a string` });
      });
      return;
    case "object":
      if (!isMap(v)) return fail();
      checkFields(path, spec.fields ?? {}, v, out);
      return;
    case "objectList":
      if (!Array.isArray(v)) return fail();
      v.forEach((x, i) => {
        if (isUnknown(x)) return;
        if (!isMap(x)) out.push({ property: `${path}[${i}]`, reason: `${path}[${i}] must be an object` });
        else checkFields(`${path}[${i}]`, spec.fields ?? {}, x, out);
      });
      return;
    case "json":
      if (typeof v === "string") {
        try {
          JSON.parse(v);
        } catch {
          out.push({ property: path, reason: `${path} is not valid JSON` });
        }
      } else if (v === null || typeof v !== "object") fail();
      return;
    case "asset":
      if (!isAssetValue(v) && !isArchiveValue(v)) fail();
      return;
  }
}

/** Checks `values` against `fields`: unknown keys, missing required fields and wrong types. */
export function checkFields(prefix: string, fields: Record<string, FieldSpec>, values: PropertyMap, out: CheckFailure[]): void {
  const at = (k: string) => (prefix === "" ? k : `${prefix}.${k}`);
  for (const [k, v] of Object.entries(values)) {
    const spec = fields[k];
    if (spec === undefined) {
      out.push({ property: at(k), reason: `unknown property ${at(k)}; supported: ${Object.keys(fields).join(", ")}` });
    } else if (v !== null && v !== undefined) {
      checkValue(at(k), spec, v, out);
    }
  }
  for (const [k, spec] of Object.entries(fields)) {
    if (spec.required === true && (values[k] === undefined || values[k] === null)) {
      out.push({ property: at(k), reason: `missing required property ${at(k)}` });
    }
  }
}

/** Copies `news` with each unset top-level field that has a default filled in. */
export function applyDefaults(fields: Record<string, FieldSpec>, news: PropertyMap): PropertyMap {
  const out: PropertyMap = {};
  for (const [k, v] of Object.entries(news)) if (v !== null && v !== undefined) out[k] = v;
  for (const [k, spec] of Object.entries(fields)) if (out[k] === undefined && spec.default !== undefined) out[k] = spec.default;
  return out;
}
