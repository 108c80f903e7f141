// Refresh: read every custom resource from its provider; drift becomes a journal `write` with the
// new inputs/outputs and a "refresh" step with the diff; a vanished resource is dropped from
// state and reported. Never runs the program.
import { isProviderType, propertyValuesEqual, type CairnError } from "@cairn/protocol";
import type { ResourceState } from "@cairn/state";
import type { DeploymentContext } from "./context.js";
import { refreshOld } from "./current-state.js";
import { detailedDiff } from "./diff.js";
import { callProvider } from "./provider-call.js";
import type { Step } from "./step.js";

export async function runRefresh(ctx: DeploymentContext, fail: (e: CairnError) => void): Promise<void> {
  const snapshot = refreshOld(ctx);
  const candidates = snapshot.resources.filter((r) => r.custom && !isProviderType(r.type) && r.id !== undefined && !r.pendingReplacement);
  const outcomes = candidates.map((r) => {
    const step: Step = { op: "refresh", urn: r.urn, type: r.type, old: r, new: r, diff: [] };
    return ctx.scheduler.schedule(`refresh:${r.urn}${r.delete ? "#replaced" : ""}`, [], step, () => refreshOne(ctx, r, step));
  });
  for (const o of outcomes) {
    const outcome = await o;
    if (outcome.status === "failed") fail(outcome.error);
  }
  refreshOld(ctx);
}

async function refreshOne(ctx: DeploymentContext, r: ResourceState, step: Step): Promise<ResourceState | undefined> {
  const provider = await ctx.registry.forResource(r);
  const key = r.delete ? { urn: r.urn, delete: true } : { urn: r.urn };
  const got = await callProvider({ urn: r.urn, op: "read", force: ctx.forceFanout }, (signal) =>
    provider.read({ urn: r.urn, type: r.type, id: r.id ?? "", inputs: r.inputs, state: r.outputs }, signal),
  );
  if (got.id === undefined) {
    step.diff = [{ path: "", kind: "delete", old: r.outputs }];
    delete step.new;
    await ctx.journal.write(key, null);
    return undefined;
  }
  const next: ResourceState = { ...r, id: got.id, inputs: got.inputs ?? r.inputs, outputs: got.outputs ?? r.outputs };
  if (propertyValuesEqual(next.inputs, r.inputs) && propertyValuesEqual(next.outputs, r.outputs) && next.id === r.id) {
    step.op = "same";
    return r;
  }
  step.diff = detailedDiff(r.outputs, next.outputs);
  const state = { ...next, modified: ctx.now() };
  await ctx.journal.write(key, state);
  return state;
}
