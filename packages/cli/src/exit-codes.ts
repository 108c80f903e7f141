// Exit codes CI can trust: 0 only when everything asked for happened; distinct codes for a
// failure, a usage error, changes under --expect-no-changes, and cancellation.
import { ErrorCodes, type ChangeCounts } from "@cairn/protocol";

export const ExitCode = {
  Ok: 0,
  Failed: 1,
  Usage: 2,
  ChangesDetected: 3,
  Cancelled: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The number of steps other than `same` (and reads). */
export function changeCount(counts: ChangeCounts): number {
  let n = 0;
  for (const [op, c] of Object.entries(counts)) if (op !== "same" && op !== "read") n += c ?? 0;
  return n;
}

export interface OutcomeRequest {
  result: "succeeded" | "failed" | "cancelled";
  counts: ChangeCounts;
  errorCode?: string;
  expectNoChanges?: boolean;
}

export function exitCodeFor(o: OutcomeRequest): ExitCodeValue {
  if (o.result === "cancelled") return ExitCode.Cancelled;
  if (o.errorCode === ErrorCodes.ExpectedNoChanges) return ExitCode.ChangesDetected;
  if (o.result === "failed") return ExitCode.Failed;
  if (o.expectNoChanges && changeCount(o.counts) > 0) return ExitCode.ChangesDetected;
  return ExitCode.Ok;
}
