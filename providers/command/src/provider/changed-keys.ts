// Which top-level inputs differ between the recorded inputs and the new ones. Secret-ness alone
// is not a change; an unknown new value (preview) always is. Shared by every command resource.
import { containsUnknowns, propertyValuesEqual, unwrapSecrets, type DiffRequest, type DiffResponse, type PropertyDiff } from "@cairn/protocol";

export function changedKeys(req: DiffRequest): string[] {
  const ignored = new Set(req.ignoreChanges);
  const keys = new Set([...Object.keys(req.oldInputs), ...Object.keys(req.news)]);
  const out: string[] = [];
  for (const key of [...keys].sort()) {
    if (ignored.has(key)) continue;
    const before = req.oldInputs[key] ?? undefined;
    const after = req.news[key] ?? undefined;
    if (before === undefined && after === undefined) continue;
    if (after !== undefined && containsUnknowns(after)) out.push(key);
    else if (!propertyValuesEqual(before === undefined ? undefined : unwrapSecrets(before), after === undefined ? undefined : unwrapSecrets(after))) out.push(key);
  }
  return out;
}

/** Builds the diff response from the changed keys and the subset of them that force replacement. */
export function diffResponse(req: DiffRequest, changed: string[], replacing: ReadonlySet<string>): DiffResponse {
  if (changed.length === 0) return { changes: "none" };
  const detailedDiff: Record<string, PropertyDiff> = {};
  const replaces = changed.filter((k) => replacing.has(k));
  for (const k of changed) {
    const had = req.oldInputs[k] !== undefined && req.oldInputs[k] !== null;
    const has = req.news[k] !== undefined && req.news[k] !== null;
    const base = !had ? "add" : !has ? "delete" : "update";
    detailedDiff[k] = { kind: replacing.has(k) ? (`${base}-replace` as const) : base, inputDiff: true };
  }
  return { changes: "some", diffs: changed, detailedDiff, ...(replaces.length > 0 ? { replaces } : {}) };
}
