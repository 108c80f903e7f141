// A stable topological order of resources: every resource after its parent, provider,
// dependencies and deletedWith. A reference is satisfied by any copy of the URN it names (a live
// resource or a replaced copy awaiting deletion; for providers, the copy with that ID), exactly
// as the integrity check reads it. A valid order is kept as it is; otherwise each resource moves
// only as far as needed (Kahn's algorithm, always taking the earliest ready resource).
import type { ResourceState } from "./snapshot.js";
import { referencesOf, satisfies } from "./resource-references.js";

/**
 * Sorts resources so references come first. References no resource satisfies are ignored, and
 * resources caught in a reference cycle keep their relative order at the end (integrity checks
 * report both).
 */
export function sortResources(resources: ResourceState[]): ResourceState[] {
  const clauses = referenceClauses(resources);
  if (clauses.every((c) => c.candidates.some((j) => j < c.owner))) return [...resources];
  const n = resources.length;
  const open = new Array<number>(n).fill(0);
  const byCandidate: number[][] = Array.from({ length: n }, () => []);
  clauses.forEach((c, ci) => {
    open[c.owner]!++;
    for (const j of c.candidates) byCandidate[j]!.push(ci);
  });
  const satisfied = new Array<boolean>(clauses.length).fill(false);
  const ready = new MinHeap();
  for (let i = 0; i < n; i++) if (open[i] === 0) ready.push(i);
  const order: number[] = [];
  const placed = new Array<boolean>(n).fill(false);
  while (ready.size > 0) {
    const i = ready.pop();
    order.push(i);
    placed[i] = true;
    for (const ci of byCandidate[i]!) {
      if (satisfied[ci]) continue;
      satisfied[ci] = true;
      const owner = clauses[ci]!.owner;
      if (--open[owner]! === 0) ready.push(owner);
    }
  }
  for (let i = 0; i < n; i++) if (!placed[i]) order.push(i);
  return order.map((i) => resources[i]!);
}

/** True when every satisfiable reference is satisfied by an earlier resource. */
export function isInReferenceOrder(resources: ResourceState[]): boolean {
  return referenceClauses(resources).every((c) => c.candidates.some((j) => j < c.owner));
}

/** One reference of resource `owner`, satisfied once any of `candidates` (indices) is placed. */
interface Clause {
  owner: number;
  candidates: number[];
}

function referenceClauses(resources: ResourceState[]): Clause[] {
  const byUrn = new Map<string, number[]>();
  resources.forEach((r, i) => {
    const list = byUrn.get(r.urn);
    if (list) list.push(i);
    else byUrn.set(r.urn, [i]);
  });
  const clauses: Clause[] = [];
  resources.forEach((r, owner) => {
    for (const ref of referencesOf(r)) {
      if (ref.urn === r.urn) continue;
      const candidates = (byUrn.get(ref.urn) ?? []).filter((j) => satisfies(ref, resources[j]!));
      if (candidates.length > 0) clauses.push({ owner, candidates });
    }
  });
  return clauses;
}

/** A binary min-heap of indices. */
class MinHeap {
  readonly #items: number[] = [];
  get size(): number {
    return this.#items.length;
  }
  push(x: number): void {
    const a = this.#items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= x) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.#items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const c = l + 1 < a.length && a[l + 1]! < a[l]! ? l + 1 : l;
        if (a[c]! >= last) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
