// The diff every random resource uses: any change to any input (keepers included) replaces the
// resource, because a new input means a new random value. Secret-ness alone is not a change.
import { propertyValuesEqual, unwrapSecrets, containsUnknowns, type DiffRequest, type DiffResponse, type PropertyDiff, type PropertyValue } from "@cairn/protocol";

export function replaceOnAnyChange(req: DiffRequest): DiffResponse {
  const changed: string[] = [];
  for (const key of Object.keys(req.oldInputs)) if (inputChanged(req, key)) changed.push(key);
  for (const key of Object.keys(req.news)) if (!Object.prototype.hasOwnProperty.call(req.oldInputs, key) && inputChanged(req, key)) changed.push(key);
  if (changed.length === 0) return { changes: "none" };
  const diffs = changed.sort();
  const detailedDiff: Record<string, PropertyDiff> = {};
  for (const key of diffs) {
    const hasBefore = present(req.oldInputs[key]);
    const hasAfter = present(req.news[key]);
    detailedDiff[key] = { kind: !hasBefore ? "add-replace" : !hasAfter ? "delete-replace" : "update-replace", inputDiff: true };
  }
  return { changes: "some", replaces: diffs, diffs, detailedDiff, deleteBeforeReplace: false };
}

function present(v: PropertyValue | undefined): boolean {
  return v !== undefined && v !== null;
}

/** True when the input differs (unknown counts as a change; secret-ness alone does not). */
function inputChanged(req: DiffRequest, key: string): boolean {
  if (req.ignoreChanges.includes(key)) return false;
  const before = req.oldInputs[key];
  const after = req.news[key];
  const hasBefore = present(before);
  const hasAfter = present(after);
  if (!hasBefore && !hasAfter) return false;
  if (!hasBefore || !hasAfter) return true;
  if (containsUnknowns(after!)) return true;
  // Equal as stored is the common case; only values that differ are compared without secret markers.
  return !propertyValuesEqual(before, after) && !propertyValuesEqual(unwrapSecrets(before!), unwrapSecrets(after!));
}
