// The engine's public contract: one request describes one operation (preview, update, refresh,
// destroy, import) with everything it needs injected; one result describes what happened.
import type {
  ChangeCounts,
  ErrorInfo,
  EventSink,
  OperationKind,
  PropertyMap,
  Provider,
  ResourceMonitor,
  StepInfo,
  Urn,
} from "@cairn/protocol";
import type { JournalWriter, Snapshot } from "@cairn/state";

/** Runs the user's program against the monitor and resolves when the program has finished. */
export type ProgramSource = (monitor: ResourceMonitor, signal: AbortSignal) => Promise<void>;

/** Returns the Provider implementation for a package ("aws", "random", "cairn-nodejs" for dynamic). */
export type ProviderLoader = (req: { package: string; version?: string }) => Promise<Provider>;

/** Reads another stack's outputs (for StackReference); `name` is "project/stack" or "stack". */
export type StackReferenceResolver = (name: string) => Promise<{ outputs: PropertyMap; secretOutputNames: string[] }>;

export interface DeploymentRequest {
  kind: OperationKind;
  /** True for preview: no mutating provider call, no journal. */
  dryRun: boolean;
  project: string;
  stack: string;
  /** The starting state: checkpoint replayed with any uncompacted journal. */
  base: Snapshot;
  /** Required for preview, update and import; never run for refresh and destroy. */
  program?: ProgramSource;
  providers: ProviderLoader;
  /** Absent for preview. */
  journal?: JournalWriter;
  events: EventSink;
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** Bound on provider calls in flight. */
  parallel: number;
  /** Stack config, "namespace:key" -> value (secrets decrypted); providers are configured from it. */
  config: Record<string, string>;
  configSecretKeys: string[];
  rootDirectory?: string;
  stackReferences?: StackReferenceResolver;
  /** Only these resources (and, with targetDependents, what depends on them) are changed. */
  targets?: Urn[];
  targetDependents?: boolean;
  /** Resources to replace even if unchanged. */
  replaceTargets?: Urn[];
  /** Resources left alone. */
  excludes?: Urn[];
  /** Keep going past failed steps (independent steps always go on). */
  continueOnError?: boolean;
  /** Refresh every resource before the update (`up --refresh`). */
  refreshFirst?: boolean;
  /** Fails the run when any step other than `same` would happen (`--expect-no-changes`). */
  expectNoChanges?: boolean;
  /** Seeds auto-naming; defaults to a value derived from the stack. */
  randomSeed?: string;
  cairnVersion: string;
}

export interface DeploymentResult {
  result: "succeeded" | "failed" | "cancelled";
  /** The new state (for preview: the state as it would be; not to be committed). */
  snapshot: Snapshot;
  counts: ChangeCounts;
  steps: StepInfo[];
  /** The program's exports (root stack outputs); secrets as markers. */
  outputs: PropertyMap;
  error?: ErrorInfo;
  durationMs: number;
}

/**
 * Cancellation: the first abort of `signal` stops starting new steps and lets the ones in flight
 * finish; `forceSignal` aborts those too (providers receive it), leaving pending operations.
 */
export interface DeploymentControl {
  signal?: AbortSignal;
  forceSignal?: AbortSignal;
}
