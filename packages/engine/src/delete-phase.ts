// Runs planned deletes through the scheduler (reverse dependency order, bounded parallelism) and
// reports failures. Used after the program (undeclared resources, replaced copies) and by destroy.
import type { CairnError } from "@cairn/protocol";
import type { ResourceState } from "@cairn/state";
import type { DeploymentContext } from "./context.js";
import { planDeletes, type PlannedDelete } from "./delete-planner.js";
import { executeStep } from "./step-executor.js";

export async function runDeletes(ctx: DeploymentContext, doomed: ResourceState[], fail: (e: CairnError) => void): Promise<void> {
  if (doomed.length === 0) return;
  const plan = scheduleOrder(planDeletes({ doomed }));
  const outcomes = plan.map((p) => ctx.scheduler.schedule(p.key, p.after, p.step, () => executeStep(ctx, p.step)));
  for (const o of outcomes) {
    const outcome = await o;
    if (outcome.status === "failed") fail(outcome.error);
  }
}

/** Orders planned deletes so each comes after the deletes it waits for (the scheduler needs them known). */
function scheduleOrder(plan: PlannedDelete[]): PlannedDelete[] {
  const byKey = new Map(plan.map((p) => [p.key, p]));
  const out: PlannedDelete[] = [];
  const placed = new Set<string>();
  const visit = (p: PlannedDelete, path: Set<string>): void => {
    if (placed.has(p.key) || path.has(p.key)) return;
    path.add(p.key);
    for (const k of p.after) {
      const dep = byKey.get(k);
      if (dep) visit(dep, path);
    }
    placed.add(p.key);
    out.push(p);
  };
  for (const p of plan) visit(p, new Set());
  return out;
}
