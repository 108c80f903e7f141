// The generic diff: compares recorded outputs (which hold the inputs as last applied or read) with
// new checked inputs, property by property, using each field's equality and forceNew rule; tags
// are compared per key and `tagsAll` against the merged default tags.
import {
  isUnknown, propertyValuesEqual, unwrapSecrets, type DiffRequest, type DiffResponse, type PropertyDiff, type PropertyMap, type PropertyValue,
} from "@cairn/protocol";
import type { FieldSpec, ResourceDefinition } from "./resource-definition.js";
import { mergeTags, tagsUnknown } from "./tags.js";
import { strMap } from "./values.js";

function present(v: PropertyValue | undefined): v is PropertyValue {
  return v !== undefined && v !== null;
}

/** An empty map or list means the same as an unset property (no tags is no tags). */
function emptyAsUnset(v: PropertyValue | undefined): PropertyValue | undefined {
  if (!present(v)) return undefined;
  if (Array.isArray(v)) return v.length === 0 ? undefined : v;
  if (v !== null && typeof v === "object" && Object.keys(v).length === 0) return undefined;
  return v;
}

export function fieldEqual(spec: FieldSpec, a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const ua = present(a) ? emptyAsUnset(unwrapSecrets(a)) : undefined;
  const ub = present(b) ? emptyAsUnset(unwrapSecrets(b)) : undefined;
  return spec.equal !== undefined ? spec.equal(ua, ub) : propertyValuesEqual(ua, ub);
}

function ignored(key: string, ignoreChanges: readonly string[]): boolean {
  return ignoreChanges.some((p) => p === key || p.startsWith(`${key}.`) || p.startsWith(`${key}[`));
}

/** Top-level input properties whose value changed between `olds` and `news`. */
export function changedProperties(def: ResourceDefinition, olds: PropertyMap, news: PropertyMap, ignoreChanges: readonly string[] = []): string[] {
  const changed: string[] = [];
  for (const [key, spec] of Object.entries(def.inputs)) {
    if (ignored(key, ignoreChanges)) continue;
    const o = olds[key];
    const n = news[key];
    if (!present(n) && spec.computed === true) continue;
    if (isUnknown(n) || !fieldEqual(spec, o, n)) changed.push(key);
  }
  return changed;
}

function kindOf(o: PropertyValue | undefined, n: PropertyValue | undefined, replace: boolean): PropertyDiff["kind"] {
  const base = !present(o) ? "add" : !present(n) ? "delete" : "update";
  return replace ? (`${base}-replace` as PropertyDiff["kind"]) : base;
}

export interface DiffContext {
  defaultTags: Record<string, string>;
  extra: string[];
}

export function diffResource(def: ResourceDefinition, req: DiffRequest, ctx: DiffContext): DiffResponse {
  const olds = { ...req.oldInputs, ...req.olds };
  const changed = new Set([...changedProperties(def, olds, req.news, req.ignoreChanges), ...ctx.extra]);
  const detailedDiff: Record<string, PropertyDiff> = {};
  const replaces: string[] = [];
  for (const key of changed) {
    const spec = def.inputs[key];
    const replace = spec?.forceNew === true;
    if (replace) replaces.push(key);
    if (spec?.kind === "stringMap" && !isUnknown(req.news[key])) {
      const o = strMap(unwrapSecrets(olds[key] ?? null));
      const n = strMap(unwrapSecrets(req.news[key] ?? null));
      for (const k of new Set([...Object.keys(o), ...Object.keys(n)])) {
        if (o[k] !== n[k]) detailedDiff[`${key}.${k}`] = { kind: kindOf(o[k], n[k], replace), inputDiff: true };
      }
    } else {
      detailedDiff[key] = { kind: kindOf(olds[key], req.news[key], replace), inputDiff: true };
    }
  }
  if (def.tags === true && !ignored("tags", req.ignoreChanges) && !ignored("tagsAll", req.ignoreChanges)) {
    const newAll = mergeTags(ctx.defaultTags, req.news["tags"]);
    if (tagsUnknown(req.news["tags"]) || !propertyValuesEqual(strMap(req.olds["tagsAll"]), newAll)) {
      changed.add("tagsAll");
      detailedDiff["tagsAll"] = { kind: "update", inputDiff: false };
    }
  }
  if (changed.size === 0) return { changes: "none" };
  const res: DiffResponse = { changes: "some", diffs: [...changed], detailedDiff };
  if (replaces.length > 0) {
    res.replaces = replaces;
    if (def.deleteBeforeReplace === true) res.deleteBeforeReplace = true;
  }
  return res;
}
