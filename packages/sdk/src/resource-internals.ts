// The per-resource bookkeeping the SDK keeps under a symbol key, so that user-visible property
// names (any input key may become an Output property) never collide with it.
import type { PropertyMap, Urn } from "@cairn/protocol";

export const RESOURCE_STATE: unique symbol = Symbol.for("cairn.resourceState");

/** What the monitor answered for a registration or read. */
export interface Registered {
  urn: Urn;
  /** The provider ID; undefined for components, "" when unknown during preview. */
  id: string | undefined;
  object: PropertyMap;
}

export interface ResourceStateView {
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  /** Set once the monitor has answered the registration. */
  urn: Urn | undefined;
  readonly registration: Promise<Registered>;
  /** Children registered with this resource as parent (for dependsOn on components). */
  readonly children: object[];
}

export function stateOf(resource: object): ResourceStateView | undefined {
  return (resource as { [RESOURCE_STATE]?: ResourceStateView })[RESOURCE_STATE];
}

/** "aws:s3/bucket:Bucket \"site\" (urn:...)" for messages. */
export function resourceLabel(resource: object): string {
  const state = stateOf(resource);
  if (state === undefined) return "a resource";
  return `${state.type} "${state.name}"${state.urn !== undefined ? ` (${state.urn})` : ""}`;
}

export function resourceUrnIfKnown(resource: object): Urn | undefined {
  return stateOf(resource)?.urn;
}

/** The URN and (for custom resources) ID once registered. */
export async function resourceIdentity(resource: object): Promise<{ urn: Urn; id?: string }> {
  const state = stateOf(resource);
  if (state === undefined) throw new TypeError("not a Cairn resource");
  const r = await state.registration;
  return r.id === undefined ? { urn: r.urn } : { urn: r.urn, id: r.id };
}
