// The result snapshot of a deployment: the base state with the journal entries applied.
// Interim local implementation until @cairn/state's replay lands; the engine calls only this.
import type { JournalEntry, PendingOperation, PendingOperationKind, ResourceKey, ResourceState, Snapshot } from "@cairn/state";

const PENDING_KIND: Record<string, PendingOperationKind> = { create: "creating", update: "updating", delete: "deleting", import: "importing", read: "reading" };

function same(a: ResourceKey, r: ResourceState): boolean {
  return a.urn === r.urn && (a.delete ?? false) === (r.delete ?? false);
}

export function replaySnapshot(base: Snapshot, entries: JournalEntry[]): Snapshot {
  const resources = [...base.resources];
  let pendingBase: PendingOperation[] = [...base.pendingOperations];
  const begun = new Map<number, { op: PendingOperation; old?: ResourceKey }>();
  const put = (old: ResourceKey | undefined, state: ResourceState): void => {
    const at = old ? resources.findIndex((r) => same(old, r)) : -1;
    const existing = at >= 0 ? at : resources.findIndex((r) => same(state, r));
    if (existing >= 0) resources[existing] = state;
    else resources.push(state);
  };
  const remove = (old: ResourceKey): void => {
    const at = resources.findIndex((r) => same(old, r));
    if (at >= 0) resources.splice(at, 1);
  };
  for (const e of entries) {
    if (e.kind === "begin") {
      const resource = e.planned ?? resources.find((r) => e.old !== undefined && same(e.old, r));
      if (resource) begun.set(e.seq, { op: { kind: PENDING_KIND[e.op] ?? "creating", resource }, ...(e.old ? { old: e.old } : {}) });
    } else if (e.kind === "end") {
      const b = begun.get(e.begin);
      begun.delete(e.begin);
      const state = e.ok ? e.state : e.partial;
      if (state) put(b?.old, state);
      else if (e.ok && b?.old) remove(b.old);
    } else if (e.kind === "write") {
      if (e.state === null) {
        if (e.old) remove(e.old);
      } else put(e.old, e.state);
    } else {
      const urns = new Set(e.urns);
      pendingBase = pendingBase.filter((p) => !urns.has(p.resource.urn));
    }
  }
  return { ...base, resources: topoSort(resources), pendingOperations: [...pendingBase, ...[...begun.values()].map((b) => b.op)] };
}

function topoSort(resources: ResourceState[]): ResourceState[] {
  const out: ResourceState[] = [];
  const placed = new Set<ResourceState>();
  const byUrn = new Map<string, ResourceState[]>();
  for (const r of resources) byUrn.set(r.urn, [...(byUrn.get(r.urn) ?? []), r]);
  const visit = (r: ResourceState, stack: Set<ResourceState>): void => {
    if (placed.has(r) || stack.has(r)) return;
    stack.add(r);
    const deps = [...r.dependencies, ...Object.values(r.propertyDependencies).flat(), ...(r.parent ? [r.parent] : []), ...(r.deletedWith ? [r.deletedWith] : [])];
    if (r.provider) deps.push(r.provider.slice(0, r.provider.lastIndexOf("::")));
    for (const d of deps) for (const x of byUrn.get(d) ?? []) if (x !== r) visit(x, stack);
    placed.add(r);
    out.push(r);
  };
  for (const r of resources) visit(r, new Set());
  return out;
}
