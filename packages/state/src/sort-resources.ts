// A stable topological order of resources: every resource after its parent, provider,
// dependencies and deletedWith. When the given order is already valid it is kept; otherwise each
// resource moves only as far as needed (Kahn's algorithm, always taking the earliest ready one).
import type { ResourceState } from "./snapshot.js";
import { referencesOf, satisfies, type ResourceReference } from "./resource-references.js";

/**
 * Sorts resources so references come first. References to resources that are absent are ignored,
 * and resources caught in a reference cycle keep their relative order at the end (integrity checks
 * report both).
 */
export function sortResources(resources: ResourceState[]): ResourceState[] {
  const n = resources.length;
  const byUrn = indexByUrn(resources);
  const dependents: number[][] = Array.from({ length: n }, () => []);
  const waiting = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const targets = new Set<number>();
    for (const ref of referencesOf(resources[i]!)) {
      const t = target(ref, byUrn.get(ref.urn), resources);
      if (t !== undefined && t !== i) targets.add(t);
    }
    for (const t of targets) dependents[t]!.push(i);
    waiting[i] = targets.size;
  }
  const ready = new MinHeap();
  for (let i = 0; i < n; i++) if (waiting[i] === 0) ready.push(i);
  const order: number[] = [];
  const placed = new Array<boolean>(n).fill(false);
  while (ready.size > 0) {
    const i = ready.pop();
    order.push(i);
    placed[i] = true;
    for (const d of dependents[i]!) if (--waiting[d]! === 0) ready.push(d);
  }
  for (let i = 0; i < n; i++) if (!placed[i]) order.push(i);
  return order.map((i) => resources[i]!);
}

function indexByUrn(resources: ResourceState[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  resources.forEach((r, i) => {
    const list = m.get(r.urn);
    if (list) list.push(i);
    else m.set(r.urn, [i]);
  });
  return m;
}

/** The one resource a reference depends on: the live copy if there is one, else the first copy. */
function target(ref: ResourceReference, candidates: number[] | undefined, resources: ResourceState[]): number | undefined {
  if (candidates === undefined) return undefined;
  const matching = candidates.filter((c) => satisfies(ref, resources[c]!));
  return matching.find((c) => !resources[c]!.delete) ?? matching[0];
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
