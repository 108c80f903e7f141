// The per-deployment context: the request, the journal, the providers, the scheduler and what the
// run has learned so far. One is made per runDeployment call; nothing lives at module level.
import type { CairnError, PropertyMap, StepInfo, Urn } from "@cairn/protocol";
import type { ResourceState } from "@cairn/state";
import type { DeploymentRequest } from "./deployment-types.js";
import type { EventEmitter } from "./events.js";
import type { JournalRecorder } from "./journal-recorder.js";
import type { ProviderRegistry } from "./provider-registry.js";
import type { StepScheduler } from "./step-scheduler.js";
import type { ForceFanout } from "./force-fanout.js";

export interface DeploymentContext {
  req: DeploymentRequest;
  dryRun: boolean;
  journal: JournalRecorder;
  registry: ProviderRegistry;
  scheduler: StepScheduler;
  emit: EventEmitter;
  /** ISO time from the injected clock. */
  now: () => string;
  /** Aborted on forced cancellation; every provider call gets a signal linked to it. */
  force: AbortSignal;
  /** `force` fanned out to provider calls in flight. */
  forceFanout: ForceFanout;
  cancelled: () => boolean;
  /** Live resources of the base state by URN (replaced copies excluded). */
  old: Map<Urn, ResourceState>;
  steps: StepInfo[];
  /** Errors that fail the run (step failures, check failures, program errors), in order. */
  errors: CairnError[];
  /** Old copies left by create-before-delete replacements, deleted after the program. */
  replaced: ResourceState[];
  /** Root stack outputs registered by the program. */
  outputs: PropertyMap;
  /** Replaced copies per URN in the base state (counted on first use by the delete step). */
  baseDeleteCopies?: Map<string, number>;
}
