// The references one resource makes to others: its parent, its provider, its dependencies,
// property dependencies and deletedWith. Integrity checks and the topological sort share them.
import { parseProviderReference, type Urn } from "@cairn/protocol";
import type { ResourceState } from "./snapshot.js";

export interface ResourceReference {
  kind: "parent" | "provider" | "dependency" | "property dependency" | "deletedWith";
  urn: Urn;
  /** For provider references: the provider's ID. */
  id?: string;
  /** For property dependencies: the property name. */
  property?: string;
}

/** Every reference the resource makes; an unparseable provider reference has `urn` = the raw text. */
export function referencesOf(r: ResourceState): ResourceReference[] {
  const out: ResourceReference[] = [];
  if (r.parent !== undefined) out.push({ kind: "parent", urn: r.parent });
  if (r.provider !== undefined) out.push(providerReference(r.provider));
  for (const d of r.dependencies ?? []) out.push({ kind: "dependency", urn: d });
  for (const [property, deps] of Object.entries(r.propertyDependencies ?? {})) {
    for (const d of deps ?? []) out.push({ kind: "property dependency", urn: d, property });
  }
  if (r.deletedWith !== undefined) out.push({ kind: "deletedWith", urn: r.deletedWith });
  return out;
}

function providerReference(ref: string): ResourceReference {
  try {
    const { urn, id } = parseProviderReference(ref);
    return { kind: "provider", urn, id };
  } catch {
    return { kind: "provider", urn: ref, id: "" };
  }
}

/** True when a reference from `from` could be satisfied by `to` (same URN; same ID for providers). */
export function satisfies(ref: ResourceReference, to: ResourceState): boolean {
  if (ref.urn !== to.urn) return false;
  return ref.kind !== "provider" || to.id === ref.id;
}
