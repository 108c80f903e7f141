// The snapshot model: what Cairn knows about one stack's resources at a point in time.
// In memory, secrets are `{cairn:sig: "secret", value}` markers; the checkpoint codec seals them.
import type { CustomTimeouts, PropertyMap, ProviderReference, SourcePosition, Urn } from "@cairn/protocol";

export interface ResourceState {
  urn: Urn;
  type: string;
  /** True for provider-managed resources, false for components and the root stack. */
  custom: boolean;
  /** Provider-assigned ID (custom resources only). */
  id?: string;
  inputs: PropertyMap;
  outputs: PropertyMap;
  parent?: Urn;
  dependencies: Urn[];
  propertyDependencies: Record<string, Urn[]>;
  /** The provider resource that manages this one (custom resources only). */
  provider?: ProviderReference;
  protect: boolean;
  retainOnDelete: boolean;
  deletedWith?: Urn;
  /** Read with `get`: Cairn does not manage its lifecycle. */
  external?: boolean;
  /** A replaced resource awaiting deletion (create-before-delete). Not live. */
  delete?: boolean;
  /** Deleted for a delete-before-replace; its replacement has not been created yet. */
  pendingReplacement?: boolean;
  /** Adopted with `import`: the ID it was imported from. */
  importId?: string;
  customTimeouts?: CustomTimeouts;
  ignoreChanges?: string[];
  replaceOnChanges?: string[];
  additionalSecretOutputs?: string[];
  /** Why the last create/update left the resource unhealthy. */
  initErrors?: string[];
  sourcePosition?: SourcePosition;
  /** ISO-8601 timestamps from the injected clock. */
  created?: string;
  modified?: string;
}

/** Identifies one resource in a snapshot: a URN plus whether it is the replaced (delete) copy. */
export interface ResourceKey {
  urn: Urn;
  delete?: boolean;
}

export type PendingOperationKind = "creating" | "updating" | "deleting" | "reading" | "importing";

/** A provider call that began but whose result was never recorded (the process died). */
export interface PendingOperation {
  kind: PendingOperationKind;
  /** The resource as it was planned (creating) or as it stood (updating, deleting). */
  resource: ResourceState;
}

/** How the stack's secrets are sealed: the manager's type and its public, non-secret state. */
export interface SecretsProviderState {
  type: string;
  state: Record<string, unknown>;
}

export interface Snapshot {
  /** Resources with parents, providers and dependencies before their dependents. */
  resources: ResourceState[];
  pendingOperations: PendingOperation[];
  secretsProvider?: SecretsProviderState;
  /** When and by which Cairn version this snapshot was written. */
  manifest: { time: string; cairnVersion: string };
}

export function emptySnapshot(time: string, cairnVersion: string): Snapshot {
  return { resources: [], pendingOperations: [], manifest: { time, cairnVersion } };
}

export function keyOf(r: ResourceState): ResourceKey {
  return r.delete ? { urn: r.urn, delete: true } : { urn: r.urn };
}
