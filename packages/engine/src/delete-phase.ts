// Runs planned deletes through the scheduler (reverse dependency order, bounded parallelism) and
// reports failures. Used after the program (undeclared resources, replaced copies) and by destroy.
import type { CairnError } from "@cairn/protocol";
import type { ResourceState } from "@cairn/state";
import type { DeploymentContext } from "./context.js";
import { planDeletes } from "./delete-planner.js";
import { executeStep } from "./step-executor.js";

export async function runDeletes(ctx: DeploymentContext, doomed: ResourceState[], fail: (e: CairnError) => void): Promise<void> {
  if (doomed.length === 0) return;
  const plan = planDeletes({ doomed });
  const outcomes = plan.map((p) => ctx.scheduler.schedule(p.key, p.after, p.step, () => executeStep(ctx, p.step)));
  for (const o of outcomes) {
    const outcome = await o;
    if (outcome.status === "failed") fail(outcome.error);
  }
}
