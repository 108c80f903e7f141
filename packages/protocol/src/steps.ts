// Step kinds and diffs: the plan the engine produces, as data renderers can show.
import type { DiffKind } from "./provider.js";
import type { PropertyMap } from "./property-value.js";
import type { Urn } from "./urn.js";

export type StepOp =
  | "same"
  | "create"
  | "update"
  | "delete"
  /** A replacement as one logical step (shown as +- or -+). */
  | "replace"
  | "create-replacement"
  | "delete-replaced"
  | "read"
  | "import"
  | "refresh"
  /** Drop from state without deleting (retainOnDelete, `state delete`). */
  | "discard";

/** The symbol renderers show for each step. */
export const STEP_SYMBOLS: Record<StepOp, string> = {
  same: " ",
  create: "+",
  update: "~",
  delete: "-",
  replace: "+-",
  "create-replacement": "++",
  "delete-replaced": "--",
  read: ">",
  import: "=",
  refresh: "~",
  discard: "-",
};

export interface DiffEntry {
  /** Property path: "tags.env", "ingress[0].fromPort". */
  path: string;
  kind: DiffKind;
  old?: unknown;
  new?: unknown;
}

/** What events and history say of a step. Secret values inside old/new are secret markers. */
export interface StepInfo {
  op: StepOp;
  urn: Urn;
  type: string;
  provider?: string;
  /** Inputs before and after (absent where not applicable). */
  oldInputs?: PropertyMap;
  newInputs?: PropertyMap;
  oldOutputs?: PropertyMap;
  newOutputs?: PropertyMap;
  /** Property-level changes. */
  diff: DiffEntry[];
  /** Top-level keys whose change forces replacement. */
  replaceKeys?: string[];
  /** For replace: delete the old resource before creating the new one. */
  deleteBeforeReplace?: boolean;
  /** Where the resource was declared. */
  sourcePosition?: { file: string; line: number; column?: number };
}

export type ChangeCounts = Partial<Record<StepOp, number>>;
