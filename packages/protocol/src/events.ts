// The engine's event stream: a coded union that the CLI, the automation API and the console render.
// Core code never prints; it emits these to an EventSink.
import type { ErrorCode, ErrorSource } from "./errors.js";
import type { LogLevel } from "./monitor.js";
import type { PropertyMap } from "./property-value.js";
import type { ChangeCounts, StepInfo } from "./steps.js";
import type { Urn } from "./urn.js";

export type OperationKind = "preview" | "update" | "refresh" | "destroy" | "import";

export interface EventBase {
  /** Milliseconds since the epoch, from the injected clock. */
  time: number;
}

export type EngineEvent =
  | (EventBase & { code: "prelude"; kind: OperationKind; stack: string; project: string; dryRun: boolean; config: Record<string, string> })
  | (EventBase & { code: "step-started"; step: StepInfo })
  | (EventBase & { code: "step-finished"; step: StepInfo; durationMs: number })
  | (EventBase & { code: "step-failed"; step: StepInfo; error: ErrorInfo; durationMs: number })
  | (EventBase & { code: "step-skipped"; step: StepInfo; reason: string })
  | (EventBase & { code: "resource-outputs"; urn: Urn; type: string; outputs: PropertyMap })
  | (EventBase & { code: "diagnostic"; level: LogLevel; message: string; urn?: Urn; errorCode?: ErrorCode })
  | (EventBase & { code: "pending-operation"; urn: Urn; type: string; operation: string; id?: string; resolution: string })
  | (EventBase & { code: "cancel-requested"; force: boolean })
  | (EventBase & { code: "summary"; kind: OperationKind; dryRun: boolean; counts: ChangeCounts; durationMs: number; result: "succeeded" | "failed" | "cancelled"; error?: ErrorInfo });

export type EngineEventCode = EngineEvent["code"];

/** An error as it travels in events and history. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  source: ErrorSource;
  urn?: Urn;
  property?: string;
  hint?: string;
}

export interface EventSink {
  emit(event: EngineEvent): void;
}
