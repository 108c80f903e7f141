// The step value: one planned change to one resource. The step generator and the delete planner
// produce these; only the step executor acts on them.
import type { DiffEntry, StepInfo, StepOp, Urn } from "@cairn/protocol";
import type { ResourceState } from "@cairn/state";

export interface Step {
  op: StepOp;
  urn: Urn;
  type: string;
  /** The resource as recorded before the step (update, replace, delete, same). */
  old?: ResourceState;
  /** The resource as it will be recorded (outputs filled in by the executor). */
  new?: ResourceState;
  diff: DiffEntry[];
  replaceKeys?: string[];
  /** For replace: delete the old resource before creating the new one. */
  deleteBeforeReplace?: boolean;
  /** For same: the stored state differs (options, dependencies), so a journal `write` is due. */
  writeState?: boolean;
  /** A new resource outside the targets: nothing is created and nothing recorded. */
  untargeted?: boolean;
  /** For import: the ID of the cloud resource to adopt. */
  importId?: string;
  /** For import with no declared inputs (`cairn import`): adopt the cloud resource's inputs as they are. */
  adopt?: boolean;
}

export function stepInfo(step: Step): StepInfo {
  const info: StepInfo = { op: step.op, urn: step.urn, type: step.type, diff: step.diff };
  const provider = step.new?.provider ?? step.old?.provider;
  if (provider !== undefined) info.provider = provider;
  if (step.old) {
    info.oldInputs = step.old.inputs;
    info.oldOutputs = step.old.outputs;
  }
  if (step.new && step.op !== "delete" && step.op !== "discard") {
    info.newInputs = step.new.inputs;
    info.newOutputs = step.new.outputs;
  }
  if (step.replaceKeys && step.replaceKeys.length > 0) info.replaceKeys = step.replaceKeys;
  if (step.deleteBeforeReplace !== undefined) info.deleteBeforeReplace = step.deleteBeforeReplace;
  const pos = step.new?.sourcePosition ?? step.old?.sourcePosition;
  if (pos) info.sourcePosition = pos;
  return info;
}
