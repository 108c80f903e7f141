// The diff every random resource uses: any change to any input (keepers included) replaces the
// resource, because a new input means a new random value. Secret-ness alone is not a change.
import { isUnknown, propertyValuesEqual, unwrapSecrets, containsUnknowns, type DiffRequest, type DiffResponse, type PropertyDiff } from "@cairn/protocol";

export function replaceOnAnyChange(req: DiffRequest): DiffResponse {
  const keys = new Set([...Object.keys(req.oldInputs), ...Object.keys(req.news)]);
  const ignored = new Set(req.ignoreChanges);
  const diffs: string[] = [];
  const detailedDiff: Record<string, PropertyDiff> = {};
  for (const key of [...keys].sort()) {
    if (ignored.has(key)) continue;
    const before = req.oldInputs[key];
    const after = req.news[key];
    const hasBefore = before !== undefined && before !== null;
    const hasAfter = after !== undefined && after !== null;
    if (!hasBefore && !hasAfter) continue;
    const unknown = hasAfter && (isUnknown(after) || containsUnknowns(after));
    if (!unknown && hasBefore && hasAfter && propertyValuesEqual(unwrapSecrets(before), unwrapSecrets(after))) continue;
    diffs.push(key);
    detailedDiff[key] = { kind: !hasBefore ? "add-replace" : !hasAfter ? "delete-replace" : "update-replace", inputDiff: true };
  }
  if (diffs.length === 0) return { changes: "none" };
  return { changes: "some", replaces: diffs, diffs, detailedDiff, deleteBeforeReplace: false };
}
