// Dependency edges between recorded resources: what a resource depends on (dependencies,
// property dependencies, parent, provider, deletedWith) and the transitive dependents of a set.
import { parseProviderReference, type Urn } from "@cairn/protocol";
import type { ResourceState } from "@cairn/state";

/** Every URN `r` depends on, for ordering creates before it and deletes after it. */
export function dependenciesOf(r: ResourceState): Urn[] {
  const out = new Set<Urn>(r.dependencies);
  for (const deps of Object.values(r.propertyDependencies)) for (const d of deps) out.add(d);
  if (r.parent !== undefined) out.add(r.parent);
  if (r.deletedWith !== undefined) out.add(r.deletedWith);
  if (r.provider !== undefined) {
    try {
      out.add(parseProviderReference(r.provider).urn);
    } catch {
      // A malformed reference carries no edge; the provider registry reports it.
    }
  }
  out.delete(r.urn);
  return [...out];
}

/** The URNs in `roots` plus everything in `resources` that transitively depends on them. */
export function withDependents(resources: ResourceState[], roots: Iterable<Urn>): Set<Urn> {
  const set = new Set<Urn>(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of resources) {
      if (set.has(r.urn)) continue;
      if (dependenciesOf(r).some((d) => set.has(d))) {
        set.add(r.urn);
        grew = true;
      }
    }
  }
  return set;
}
