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

export function deleteKey(r: { urn: string; delete?: boolean }): string {
  return r.delete ? `delete:${r.urn}#replaced` : `delete:${r.urn}`;
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
  const dependents = new Map<string, string[]>();
  for (const r of req.doomed) {
    for (const d of dependenciesOf(r)) {
      if (!doomedUrns.has(d)) continue;
      for (const target of req.doomed.filter((x) => x.urn === d)) {
        const k = deleteKey(target);
        dependents.set(k, [...(dependents.get(k) ?? []), deleteKey(r)]);
      }
    }
  }
  const out: PlannedDelete[] = [];
  for (const r of [...req.doomed].reverse()) {
    const discard = !r.delete && (r.retainOnDelete || (r.deletedWith !== undefined && doomedUrns.has(r.deletedWith)));
    const step: Step = { op: discard ? "discard" : r.delete ? "delete-replaced" : "delete", urn: r.urn, type: r.type, old: r, diff: [] };
    out.push({ key: deleteKey(r), step, after: dependents.get(deleteKey(r)) ?? [] });
  }
  return out;
}
