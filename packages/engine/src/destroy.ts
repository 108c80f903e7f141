// Destroy: delete every resource (or the targets and what depends on them) in reverse dependency
// order without running the program. Protected resources block the whole destroy.
import type { CairnError } from "@cairn/protocol";
import type { DeploymentContext } from "./context.js";
import { refreshOld } from "./current-state.js";
import { runDeletes } from "./delete-phase.js";
import { withDependents } from "./graph.js";
import type { TargetFilter } from "./targets.js";

export async function runDestroy(ctx: DeploymentContext, targets: TargetFilter, fail: (e: CairnError) => void): Promise<void> {
  const snapshot = refreshOld(ctx);
  targets.check((urn) => snapshot.resources.some((r) => r.urn === urn));
  const roots = ctx.req.targets ?? [];
  const inScope = roots.length > 0 ? withDependents(snapshot.resources, roots) : undefined;
  const excluded = new Set(ctx.req.excludes ?? []);
  const doomed = snapshot.resources.filter((r) => (inScope ? inScope.has(r.urn) : true) && !excluded.has(r.urn));
  await runDeletes(ctx, doomed, fail);
}
