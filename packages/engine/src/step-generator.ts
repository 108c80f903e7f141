// The pure step generator: (old state, new registration, provider diff, options) -> one Step.
// It never calls a provider; the resource monitor gathers check/diff results and hands them in,
// and the step executor carries the step out.
import { CairnError, ErrorCodes, type DiffResponse } from "@cairn/protocol";
import type { ResourceState } from "@cairn/state";
import { detailedDiff, replaceOnChangesKeys, stepDiff } from "./diff.js";
import type { Step } from "./step.js";

export interface GenerateStepRequest {
  /** The resource in the base state (found by URN or alias), if any. */
  old?: ResourceState;
  /** The resource as the program now declares it: checked inputs, options; outputs = old outputs. */
  planned: ResourceState;
  /** The provider's diff of old and planned (custom resources with an old state only). */
  diff?: DiffResponse;
  /** Adopt the cloud resource with this ID (the `import` option). */
  importId?: string;
  /** Replace even if nothing changed (replaceTargets). */
  forceReplace?: boolean;
  /** The deleteBeforeReplace option. */
  deleteBeforeReplace?: boolean;
  /** False when targets/excludes leave this resource alone. */
  targeted: boolean;
}

export function protectedError(urn: string, action: string): CairnError {
  return new CairnError({
    code: ErrorCodes.Protected,
    source: "user",
    urn,
    message: `cannot ${action} ${urn}: the resource is protected`,
    hint: `remove the protect option and run again, or run \`cairn state unprotect ${urn}\``,
  });
}

const VOLATILE: ReadonlySet<string> = new Set(["created", "modified", "sourcePosition"]);

/** True when two recorded states differ in anything but timestamps and source positions. */
export function stateDiffers(a: ResourceState, b: ResourceState): boolean {
  return canonical(a) !== canonical(b);
}

function canonical(r: ResourceState): string {
  const obj: Record<string, unknown> = {};
  for (const k of Object.keys(r).sort()) {
    const v = (r as unknown as Record<string, unknown>)[k];
    if (VOLATILE.has(k) || v === undefined || v === false) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    obj[k] = v;
  }
  return stableJson(obj);
}

function stableJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(",")}}`;
}

export function generateStep(req: GenerateStepRequest): Step {
  const { old, planned } = req;
  const base = { urn: planned.urn, type: planned.type };
  if (!old) {
    if (!req.targeted) return { ...base, op: "same", new: planned, diff: [], untargeted: true };
    if (req.importId !== undefined) return { ...base, op: "import", new: planned, diff: [], importId: req.importId };
    return { ...base, op: "create", new: planned, diff: detailedDiff({}, planned.inputs) };
  }
  if (!req.targeted) return { ...base, op: "same", old, new: old, diff: [] };
  if (!planned.custom) {
    const changed = stateDiffers(old, planned);
    return { ...base, op: "same", old, new: planned, diff: detailedDiff(old.inputs, planned.inputs), writeState: changed };
  }
  const provided = req.diff ?? { changes: "none" as const };
  const inputDiff = detailedDiff(old.inputs, planned.inputs);
  const replaceKeys = [...new Set([...(provided.replaces ?? []), ...replaceOnChangesKeys(inputDiff, planned.replaceOnChanges)])].sort();
  const diff = stepDiff({ oldInputs: old.inputs, newInputs: planned.inputs, provider: provided, replaceKeys });
  if (req.forceReplace || replaceKeys.length > 0) {
    if (old.protect) throw protectedError(old.urn, "replace");
    const deleteBeforeReplace = req.deleteBeforeReplace === true || provided.deleteBeforeReplace === true;
    return { ...base, op: "replace", old, new: planned, diff, replaceKeys, deleteBeforeReplace };
  }
  const changed = provided.changes === "some" || (provided.changes === "unknown" && inputDiff.length > 0);
  if (changed) return { ...base, op: "update", old, new: planned, diff };
  return { ...base, op: "same", old, new: planned, diff: [], writeState: stateDiffers(old, planned) };
}
