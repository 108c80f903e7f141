// The automation API's option and result types: what preview/up/destroy/refresh/import take and
// return, outputs, and the identity and environment a host passes in.
import type { ChangeCounts, EngineEvent, ErrorInfo, OperationKind, StepInfo } from "@cairn/protocol";
import type { UpdateRecord } from "@cairn/state";

/** Who runs the operation (recorded in leases and history). */
export interface Identity {
  user: string;
  host: string;
  pid: number;
}

export interface OperationOptions {
  /** Every engine event, as it happens (plus lease warnings as diagnostics). */
  onEvent?: (event: EngineEvent) => void;
  /** URNs (or resource names) to change; others are left alone. */
  targets?: string[];
  targetDependents?: boolean;
  /** URNs (or names) to replace even if unchanged. */
  replace?: string[];
  /** URNs (or names) to leave alone. */
  exclude?: string[];
  /** Bound on provider calls in flight (default 16). */
  parallel?: number;
  /** Refresh every resource first. */
  refresh?: boolean;
  /** Recorded in history (`-m`). */
  message?: string;
  /** Fail when anything other than `same` would happen. */
  expectNoChanges?: boolean;
  continueOnError?: boolean;
  /** First abort: finish in-flight steps and stop; forceSignal aborts those too. */
  signal?: AbortSignal;
  forceSignal?: AbortSignal;
}

export interface ImportResource {
  type: string;
  name: string;
  id: string;
}

/** One stack output; `value` has its secret markers removed, `secret` says whether it had any. */
export interface OutputValue {
  value: unknown;
  secret: boolean;
}
export type OutputMap = Record<string, OutputValue>;

export interface OperationResult {
  kind: OperationKind;
  dryRun: boolean;
  result: "succeeded" | "failed" | "cancelled";
  counts: ChangeCounts;
  steps: StepInfo[];
  outputs: OutputMap;
  error?: ErrorInfo;
  durationMs: number;
  /** The history record written (not for previews). */
  history?: UpdateRecord;
}
