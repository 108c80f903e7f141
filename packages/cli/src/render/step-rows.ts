// The per-resource rows both progress views keep: operation, status and timing, fed by engine
// events. Steps that change nothing are tracked but not shown.
import { STEP_SYMBOLS, isProviderType, type EngineEvent, type StepOp } from "@cairn/protocol";
import { nameOf } from "./diff-text.js";

export type RowStatus = "running" | "done" | "failed" | "skipped";

export interface StepRow {
  urn: string;
  type: string;
  name: string;
  op: StepOp;
  status: RowStatus;
  startedAt: number;
  endedAt?: number;
  error?: string;
}

const PRESENT: Partial<Record<StepOp, string>> = {
  create: "creating", update: "updating", delete: "deleting", replace: "replacing", "create-replacement": "creating replacement",
  "delete-replaced": "deleting original", read: "reading", import: "importing", refresh: "refreshing", discard: "discarding",
};
const PAST: Partial<Record<StepOp, string>> = {
  create: "created", update: "updated", delete: "deleted", replace: "replaced", "create-replacement": "created replacement",
  "delete-replaced": "deleted original", read: "read", import: "imported", refresh: "refreshed", discard: "discarded",
};

export function statusText(row: StepRow, dryRun: boolean): string {
  if (row.status === "failed") return `${PRESENT[row.op] ?? row.op} failed`;
  if (row.status === "skipped") return "skipped";
  if (dryRun) return row.status === "done" ? `${row.op}` : "planning";
  return row.status === "running" ? (PRESENT[row.op] ?? row.op) : (PAST[row.op] ?? row.op);
}

export function symbolOf(op: StepOp): string {
  return STEP_SYMBOLS[op].trim() === "" ? " " : STEP_SYMBOLS[op];
}

export class StepRows {
  readonly rows = new Map<string, StepRow>();

  /** Applies an event; returns the row it touched, if any. */
  apply(e: EngineEvent): StepRow | undefined {
    if (e.code !== "step-started" && e.code !== "step-finished" && e.code !== "step-failed" && e.code !== "step-skipped") return undefined;
    const key = `${e.step.urn}|${e.step.op}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { urn: e.step.urn, type: e.step.type, name: nameOf(e.step.urn), op: e.step.op, status: "running", startedAt: e.time };
      this.rows.set(key, row);
    }
    if (e.code === "step-started") return row;
    row.status = e.code === "step-finished" ? "done" : e.code === "step-failed" ? "failed" : "skipped";
    row.endedAt = e.time;
    if (e.code === "step-failed") row.error = e.error.message;
    return row;
  }

  visible(): StepRow[] {
    return [...this.rows.values()].filter((r) => isShown(r));
  }
}

/** Unchanged resources and default providers (an implementation detail) are not shown. */
export function isShown(step: { op: StepOp; type: string; urn: string }): boolean {
  if (step.op === "same") return false;
  return !(isProviderType(step.type) && /::default(_[\w]+)?$/.test(step.urn));
}
