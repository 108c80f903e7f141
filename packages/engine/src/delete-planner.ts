// Plans deletes (resources no longer declared, replaced copies, destroy): one step per resource in
// reverse dependency order, each naming the deletes that must finish first. Honours protect
// (all protected resources reported at once), retainOnDelete and deletedWith. Pure.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { ResourceState } from "@cairn/state";
import { dependenciesOf } from "./graph.js";
import type { Step } from "./step.js";

export interface PlannedDelete {
  key: string;
  step: Step;
  /** Keys of deletes that must finish before this one (its dependents). */
  after: string[];
}

/** The scheduler key of a delete; replaced copies of one URN are numbered in state order. */
export function deleteKey(r: { urn: string; delete?: boolean }, copy = 0): string {
  return r.delete ? `delete:${r.urn}#replaced${copy > 0 ? `-${copy}` : ""}` : `delete:${r.urn}`;
}

export interface PlanDeletesRequest {
  /** The resources to delete, from the recorded state. */
  doomed: ResourceState[];
}

export function planDeletes(req: PlanDeletesRequest): PlannedDelete[] {
  const doomedUrns = new Set(req.doomed.map((r) => r.urn));
  const protectedOnes = req.doomed.filter((r) => r.protect && !r.delete);
  if (protectedOnes.length > 0) {
    const urns = protectedOnes.map((r) => r.urn);
    throw new CairnError({
      code: ErrorCodes.Protected,
      source: "user",
      urn: urns[0],
      message: `cannot delete protected resource${urns.length > 1 ? "s" : ""}: ${urns.join(", ")}`,
      hint: urns.map((u) => `cairn state unprotect ${u}`).join("; "),
    });
  }
  const keys = new Map<ResourceState, string>();
  const copies = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  const addEdge = (first: string, then: string): void => {
    const list = dependents.get(then);
    if (list === undefined) dependents.set(then, [first]);
    else list.push(first);
  };
  // Every copy of each doomed URN, in state order (one lookup per dependency, not a scan).
  const byUrn = new Map<string, ResourceState[]>();
  for (const r of req.doomed) {
    const list = byUrn.get(r.urn);
    if (list === undefined) byUrn.set(r.urn, [r]);
    else list.push(r);
  }
  for (const r of req.doomed) {
    if (!r.delete) {
      keys.set(r, deleteKey(r));
      continue;
    }
    // Replaced copies share a journal key, so they are deleted one at a time.
    const n = copies.get(r.urn) ?? 0;
    copies.set(r.urn, n + 1);
    keys.set(r, deleteKey(r, n));
    if (n > 0) addEdge(deleteKey(r, n - 1), deleteKey(r, n));
  }
  for (const r of req.doomed) {
    for (const d of dependenciesOf(r)) {
      for (const target of byUrn.get(d) ?? []) addEdge(keys.get(r) as string, keys.get(target) as string);
    }
  }
  const out: PlannedDelete[] = [];
  for (const r of [...req.doomed].reverse()) {
    const discard = r.retainOnDelete || (!r.delete && r.deletedWith !== undefined && doomedUrns.has(r.deletedWith));
    const step: Step = { op: discard ? "discard" : r.delete ? "delete-replaced" : "delete", urn: r.urn, type: r.type, old: r, diff: [] };
    const key = keys.get(r) as string;
    out.push({ key, step, after: dependents.get(key) ?? [] });
  }
  return out;
}
