// What a dynamic provider does for a method the user left out (Pulumi's defaults): inputs pass
// check as given, and diff compares old and new inputs key by key; a change is an update when the
// provider has `update`, else a replacement.
import { propertyValuesEqual, type DiffResponse, type PropertyDiff, type PropertyMap } from "@cairn/protocol";

/** Top-level keys that differ between the two maps. */
export function changedKeys(olds: PropertyMap, news: PropertyMap): string[] {
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  return [...keys].filter((k) => !propertyValuesEqual(olds[k], news[k])).sort();
}

export function defaultDiff(req: { olds: PropertyMap; news: PropertyMap; canUpdate: boolean; ignoreChanges?: string[] }): DiffResponse {
  const ignored = new Set(req.ignoreChanges ?? []);
  const diffs = changedKeys(req.olds, req.news).filter((k) => !ignored.has(k));
  return diffResponse({ olds: req.olds, news: req.news, diffs, replaces: req.canUpdate ? [] : diffs });
}

/** A DiffResponse with detailed per-key kinds. */
export function diffResponse(req: {
  olds: PropertyMap;
  news: PropertyMap;
  diffs: string[];
  replaces: string[];
  /** The provider says something changed even where the inputs look the same. */
  changed?: boolean;
  stables?: string[];
  deleteBeforeReplace?: boolean;
}): DiffResponse {
  const replaces = new Set(req.replaces);
  const detailedDiff: Record<string, PropertyDiff> = {};
  for (const k of req.diffs) {
    const base = !(k in req.olds) ? "add" : !(k in req.news) ? "delete" : "update";
    detailedDiff[k] = { kind: replaces.has(k) ? `${base}-replace` : base, inputDiff: true };
  }
  return {
    changes: req.changed || req.diffs.length > 0 || replaces.size > 0 ? "some" : "none",
    diffs: req.diffs,
    detailedDiff,
    ...(replaces.size > 0 ? { replaces: [...replaces] } : {}),
    ...(req.stables !== undefined ? { stables: req.stables } : {}),
    ...(req.deleteBeforeReplace ? { deleteBeforeReplace: true } : {}),
  };
}
