// The state as this run has left it so far: the base snapshot with this run's journal applied.
import type { ResourceState, Snapshot } from "@cairn/state";
import type { DeploymentContext } from "./context.js";
import { replaySnapshot } from "./snapshot-replay.js";

export function currentSnapshot(ctx: DeploymentContext): Snapshot {
  return replaySnapshot(ctx.req.base, ctx.journal.entries);
}

/** Live (not replaced, not pending-replacement placeholder) resources by URN. */
export function liveByUrn(snapshot: Snapshot): Map<string, ResourceState> {
  const m = new Map<string, ResourceState>();
  for (const r of snapshot.resources) if (!r.delete) m.set(r.urn, r);
  return m;
}

/** Re-reads `ctx.old` after state-only phases (pending operations, refresh). */
export function refreshOld(ctx: DeploymentContext): Snapshot {
  const snap = currentSnapshot(ctx);
  ctx.old = liveByUrn(snap);
  return snap;
}
