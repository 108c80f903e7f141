// The one-line summary after an operation: "+ 3 created, ~ 1 updated, 12 unchanged; duration 4s"
// (future tense for previews: "+ 3 to create").
import type { ChangeCounts, StepOp } from "@cairn/protocol";

const ORDER: Array<[StepOp, string, string, string]> = [
  ["create", "+", "created", "to create"],
  ["update", "~", "updated", "to update"],
  ["replace", "+-", "replaced", "to replace"],
  ["delete", "-", "deleted", "to delete"],
  ["import", "=", "imported", "to import"],
  ["refresh", "~", "refreshed", "to refresh"],
  ["read", ">", "read", "to read"],
  ["discard", "-", "discarded", "to discard"],
];

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return `${m}m${s % 60 === 0 ? "" : `${s % 60}s`}`;
}

export function summaryLine(req: { counts: ChangeCounts; durationMs: number; dryRun: boolean }): string {
  const parts: string[] = [];
  for (const [op, sym, done, planned] of ORDER) {
    const n = req.counts[op] ?? 0;
    if (n > 0) parts.push(`${sym} ${n} ${req.dryRun ? planned : done}`);
  }
  const same = req.counts.same ?? 0;
  if (same > 0 || parts.length === 0) parts.push(`${same} unchanged`);
  return `${parts.join(", ")}; duration ${formatDuration(req.durationMs)}`;
}
