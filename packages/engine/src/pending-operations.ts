// Pending operations (a `begin` without an `end` from a run that died): reported at the start of
// the next run and resolved by reading the resource by ID. Exists -> kept (or restored) in state;
// gone -> dropped. A create whose ID was never learned stays pending, with the commands that fix it.
import { urnName, type CairnError } from "@cairn/protocol";
import type { PendingOperation, ResourceState } from "@cairn/state";
import type { DeploymentContext } from "./context.js";
import { refreshOld } from "./current-state.js";
import { callProvider } from "./provider-call.js";
import { toCairnError } from "./step-scheduler.js";

export function unresolvableHint(r: ResourceState): string {
  return `the create of ${r.urn} may or may not have happened: if it did not, run \`cairn state delete --pending ${r.urn}\`; if it did, adopt it with \`cairn import ${r.type} ${urnName(r.urn)} <id>\``;
}

export async function resolvePendingOperations(ctx: DeploymentContext, fail: (e: CairnError) => void): Promise<void> {
  const ops = ctx.req.base.pendingOperations;
  if (ops.length === 0) return;
  const resolved: string[] = [];
  for (const op of ops) {
    const r = op.resource;
    const id = r.id;
    const event = { code: "pending-operation" as const, urn: r.urn, type: r.type, operation: op.kind, ...(id !== undefined ? { id } : {}) };
    if (id === undefined || op.kind === "reading") {
      ctx.emit({ ...event, resolution: id === undefined ? unresolvableHint(r) : "a read leaves nothing to resolve" });
      if (id !== undefined) resolved.push(r.urn);
      continue;
    }
    ctx.emit({ ...event, resolution: `reading ${r.urn} (ID "${id}") to see whether it exists` });
    try {
      await resolveOne(ctx, op, id);
      resolved.push(r.urn);
    } catch (e) {
      fail(toCairnError(e));
    }
  }
  // clear-pending works by URN: a URN whose other operations were resolved is cleared, and its
  // unresolvable operations (a create or import that never learned its ID) are begun again, so they
  // stay pending without holding back the resolved ones (which would go stale: a later run may no
  // longer have their provider).
  const clear = [...new Set(resolved)];
  if (clear.length > 0) await ctx.journal.clearPending(clear);
  const again = new Set(clear);
  for (const op of ops) {
    if (op.resource.id !== undefined || !again.has(op.resource.urn)) continue;
    if (op.kind === "creating" || op.kind === "importing") await ctx.journal.begin({ op: op.kind === "creating" ? "create" : "import", planned: op.resource });
  }
  refreshOld(ctx);
}

async function resolveOne(ctx: DeploymentContext, op: PendingOperation, id: string): Promise<void> {
  const r = op.resource;
  const key = r.delete ? { urn: r.urn, delete: true } : { urn: r.urn };
  const inState = ctx.req.base.resources.some((x) => x.urn === r.urn && (x.delete ?? false) === (r.delete ?? false));
  const provider = await ctx.registry.forResource(r);
  const got = await callProvider({ urn: r.urn, op: "read", force: ctx.forceFanout }, (signal) =>
    provider.read({ urn: r.urn, type: r.type, id, inputs: r.inputs, state: r.outputs }, signal),
  );
  if (got.id === undefined) {
    if (inState) await ctx.journal.write(key, null);
    return;
  }
  const state: ResourceState = { ...r, id: got.id, outputs: got.outputs ?? r.outputs, inputs: got.inputs ?? r.inputs, modified: ctx.now() };
  delete state.pendingReplacement;
  await ctx.journal.write(inState ? key : undefined, state);
}
