// Carries out one step: journal `begin` (durable) -> provider call -> journal `end`, or a single
// journal `write` for state-only changes. In preview the provider gets preview:true (or is not
// called) and the journal stays in memory. Forced cancellation leaves the `begin` open.
import { CairnError, ErrorCodes, ResourceInitError, isProviderType, makeSecret, timeoutFor, type PropertyMap } from "@cairn/protocol";
import type { ResourceState } from "@cairn/state";
import type { DeploymentContext } from "./context.js";
import { currentSnapshot } from "./current-state.js";
import { detailedDiff } from "./diff.js";
import { ForcedAbort, callProvider } from "./provider-call.js";
import { dependentsToReplace } from "./replace-dependents.js";
import type { Step } from "./step.js";

/** True for resources whose steps touch only state (components, the root stack, provider resources, `get` reads). */
function stateOnly(r: ResourceState): boolean {
  return !r.custom || isProviderType(r.type) || r.external === true;
}

/** Marks outputs secret when the option says so or their input was secret. */
function sealOutputs(outputs: PropertyMap, r: ResourceState): PropertyMap {
  const out: PropertyMap = { ...outputs };
  for (const k of r.additionalSecretOutputs ?? []) if (out[k] !== undefined) out[k] = makeSecret(out[k]);
  return out;
}

export async function executeStep(ctx: DeploymentContext, step: Step): Promise<ResourceState | undefined> {
  switch (step.op) {
    case "same":
      return runSame(ctx, step);
    case "create":
      return runCreate(ctx, need(step.new, step), {});
    case "update":
      return runUpdate(ctx, need(step.old, step), need(step.new, step));
    case "replace":
      return step.deleteBeforeReplace ? runDeleteThenCreate(ctx, need(step.old, step), need(step.new, step)) : runCreateThenMark(ctx, need(step.old, step), need(step.new, step));
    case "import":
      return runImport(ctx, step);
    case "delete":
    case "delete-replaced":
      await runDelete(ctx, need(step.old, step));
      return undefined;
    case "discard": {
      const old = need(step.old, step);
      await ctx.journal.write(old.delete ? { urn: old.urn, delete: true } : { urn: old.urn }, null);
      return undefined;
    }
    default:
      throw new CairnError({ code: ErrorCodes.Internal, source: "internal", urn: step.urn, message: `internal error (this is a bug in Cairn): no executor for step ${step.op}` });
  }
}

/**
 * A copy of `state` with `fields` set. Object.assign onto a fresh object keeps the copies on V8's
 * shared hidden classes; an object spread followed by extra keys gives every copy a hidden class
 * of its own (about 1 KB per resource state, live for the whole run).
 */
function withFields(state: ResourceState, fields: Partial<ResourceState>): ResourceState {
  return Object.assign({}, state, fields);
}

/** withFields without the `id` key (a `delete` would turn the copy into a slow dictionary object). */
function withoutId(state: ResourceState, fields: Partial<ResourceState>): ResourceState {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(state)) if (k !== "id") out[k] = v;
  return Object.assign(out as unknown as ResourceState, fields);
}

function need<T>(v: T | undefined, step: Step): T {
  if (v === undefined) throw new CairnError({ code: ErrorCodes.Internal, source: "internal", urn: step.urn, message: `internal error (this is a bug in Cairn): ${step.op} step without its state` });
  return v;
}

async function runSame(ctx: DeploymentContext, step: Step): Promise<ResourceState | undefined> {
  if (step.untargeted) return step.new;
  const old = need(step.old, step);
  const planned = need(step.new, step);
  const state = withFields(planned, { outputs: planned.custom ? old.outputs : planned.outputs });
  if (old.id !== undefined) state.id = old.id;
  if (old.created !== undefined) state.created = old.created;
  if (old.modified !== undefined) state.modified = old.modified;
  if (step.writeState) await ctx.journal.write({ urn: old.urn }, withFields(state, { modified: ctx.now() }));
  return state;
}

interface CreateHooks {
  /** Runs after the provider created the resource and before the `end` entry. */
  beforeEnd?: () => Promise<void>;
  /** The resource this create replaces in state (delete-before-replace placeholder). */
  replacing?: { urn: string };
}

async function runCreate(ctx: DeploymentContext, planned0: ResourceState, hooks: CreateHooks): Promise<ResourceState> {
  const stamps = { created: ctx.now(), modified: ctx.now() };
  const planned = stateOnly(planned0) ? withFields(planned0, stamps) : withoutId(planned0, stamps);
  if (stateOnly(planned)) {
    await hooks.beforeEnd?.();
    await ctx.journal.write(hooks.replacing, planned);
    return planned;
  }
  const provider = ctx.registry.readyFor(planned) ?? (await ctx.registry.forResource(planned));
  const begin = await ctx.journal.begin({ op: "create", planned, ...(hooks.replacing ? { old: hooks.replacing } : {}) });
  try {
    const res = await callProvider({ urn: planned.urn, op: "create", timeoutMs: timeoutFor("create", planned.customTimeouts), force: ctx.forceFanout }, (signal) =>
      provider.create({ urn: planned.urn, type: planned.type, inputs: planned.inputs, preview: ctx.dryRun, ...timeoutField("create", planned) }, signal),
    );
    const state = withFields(planned, { id: res.id, outputs: sealOutputs(res.outputs, planned) });
    await hooks.beforeEnd?.();
    await ctx.journal.endOk(begin, state);
    return state;
  } catch (e) {
    if (e instanceof ForcedAbort) throw cancelledError(planned.urn, "create");
    const partial = e instanceof ResourceInitError ? { ...planned, id: e.id, outputs: sealOutputs(e.outputs, planned), initErrors: e.reasons } : undefined;
    if (partial) await hooks.beforeEnd?.();
    await ctx.journal.endFailed(begin, String((e as Error).message), partial);
    throw initFailure(e, planned.urn, "create");
  }
}

function timeoutField(op: "create" | "update" | "delete", r: ResourceState): { timeoutMs?: number } {
  const ms = timeoutFor(op, r.customTimeouts);
  return ms === undefined ? {} : { timeoutMs: ms };
}

function cancelledError(urn: string, op: string): CairnError {
  return new CairnError({ code: ErrorCodes.Cancelled, source: "user", urn, message: `${op} of ${urn} was interrupted by a forced cancellation; the next run reports it as a pending operation` });
}

function initFailure(e: unknown, urn: string, op: string): unknown {
  if (e instanceof ResourceInitError) {
    return new CairnError({ code: ErrorCodes.ProviderError, source: "provider", urn, message: `${op} of ${urn} left the resource unhealthy: ${e.reasons.join("; ")}`, cause: e });
  }
  return e;
}

async function runUpdate(ctx: DeploymentContext, old: ResourceState, planned0: ResourceState): Promise<ResourceState> {
  const planned = withFields(planned0, { modified: ctx.now() });
  if (old.id !== undefined) planned.id = old.id;
  if (old.created !== undefined) planned.created = old.created;
  if (stateOnly(planned)) {
    await ctx.journal.write({ urn: old.urn }, planned);
    return planned;
  }
  const provider = ctx.registry.readyFor(planned) ?? (await ctx.registry.forResource(planned));
  const begin = await ctx.journal.begin({ op: "update", old: { urn: old.urn }, planned });
  try {
    const res = await callProvider({ urn: planned.urn, op: "update", timeoutMs: timeoutFor("update", planned.customTimeouts), force: ctx.forceFanout }, (signal) =>
      provider.update(
        { urn: planned.urn, type: planned.type, id: old.id ?? "", olds: old.outputs, oldInputs: old.inputs, news: planned.inputs, ignoreChanges: planned.ignoreChanges ?? [], preview: ctx.dryRun, ...timeoutField("update", planned) },
        signal,
      ),
    );
    const state = withFields(planned, { outputs: sealOutputs(res.outputs, planned) });
    await ctx.journal.endOk(begin, state);
    return state;
  } catch (e) {
    if (e instanceof ForcedAbort) throw cancelledError(planned.urn, "update");
    const partial = e instanceof ResourceInitError ? { ...planned, outputs: sealOutputs(e.outputs, planned), initErrors: e.reasons } : undefined;
    await ctx.journal.endFailed(begin, String((e as Error).message), partial);
    throw initFailure(e, planned.urn, "update");
  }
}

/** Create-before-delete: create the replacement, mark the old copy for deletion, delete it after the program. */
async function runCreateThenMark(ctx: DeploymentContext, old: ResourceState, planned: ResourceState): Promise<ResourceState> {
  const doomed: ResourceState = { ...old, delete: true };
  return runCreate(ctx, planned, {
    beforeEnd: async () => {
      await ctx.journal.write({ urn: old.urn }, doomed);
      ctx.replaced.push(doomed);
    },
  });
}

/** Delete-before-replace: delete the old resource (kept as a placeholder), then create the new one in its place. */
async function runDeleteThenCreate(ctx: DeploymentContext, old: ResourceState, planned: ResourceState): Promise<ResourceState> {
  if (!old.pendingReplacement) {
    for (const d of await dependentsToReplace(ctx, old)) {
      const placeholder: ResourceState = { ...d, pendingReplacement: true };
      await deleteInCloud(ctx, d, placeholder);
      ctx.old.set(d.urn, placeholder);
    }
    await deleteInCloud(ctx, old, { ...old, pendingReplacement: true });
  }
  return runCreate(ctx, planned, { replacing: { urn: old.urn } });
}

/** How many replaced copies of `urn` this run can see: those in the base state plus those it made. */
function replacedCopies(ctx: DeploymentContext, urn: string): number {
  if (ctx.baseDeleteCopies === undefined) {
    ctx.baseDeleteCopies = new Map();
    for (const r of ctx.req.base.resources) if (r.delete) ctx.baseDeleteCopies.set(r.urn, (ctx.baseDeleteCopies.get(r.urn) ?? 0) + 1);
  }
  let n = ctx.baseDeleteCopies.get(urn) ?? 0;
  for (const r of ctx.replaced) if (r.urn === urn) n++;
  return n;
}

async function runDelete(ctx: DeploymentContext, planned: ResourceState): Promise<void> {
  // The journal names a replaced copy by URN alone and replay acts on the first such copy, so
  // delete exactly that one (copies of one URN are deleted one at a time).
  // Replaying the journal is linear in the state, so it is done only when the copy is ambiguous.
  const ambiguous = planned.delete && (ctx.req.base.pendingOperations.length > 0 || replacedCopies(ctx, planned.urn) > 1);
  const old = ambiguous ? (currentSnapshot(ctx).resources.find((r) => r.urn === planned.urn && r.delete) ?? planned) : planned;
  const key = old.delete ? { urn: old.urn, delete: true } : { urn: old.urn };
  if (stateOnly(old) || old.pendingReplacement) {
    await ctx.journal.write(key, null);
    return;
  }
  await deleteInCloud(ctx, old, undefined);
}

async function deleteInCloud(ctx: DeploymentContext, old: ResourceState, after: ResourceState | undefined): Promise<void> {
  const key = old.delete ? { urn: old.urn, delete: true } : { urn: old.urn };
  const provider = ctx.registry.readyFor(old) ?? (await ctx.registry.forResource(old));
  const begin = await ctx.journal.begin({ op: "delete", old: key });
  try {
    if (!ctx.dryRun) {
      await callProvider({ urn: old.urn, op: "delete", timeoutMs: timeoutFor("delete", old.customTimeouts), force: ctx.forceFanout }, (signal) =>
        provider.delete({ urn: old.urn, type: old.type, id: old.id ?? "", inputs: old.inputs, outputs: old.outputs, ...timeoutField("delete", old) }, signal),
      );
    }
    await ctx.journal.endOk(begin, after);
  } catch (e) {
    if (e instanceof ForcedAbort) throw cancelledError(old.urn, "delete");
    await ctx.journal.endFailed(begin, String((e as Error).message));
    throw e;
  }
}

async function runImport(ctx: DeploymentContext, step: Step): Promise<ResourceState> {
  const planned0 = need(step.new, step);
  const id = need(step.importId, step);
  const planned: ResourceState = { ...planned0, id, importId: id, created: ctx.now(), modified: ctx.now() };
  const provider = ctx.registry.readyFor(planned) ?? (await ctx.registry.forResource(planned));
  const begin = await ctx.journal.begin({ op: "import", planned });
  try {
    const got = await callProvider({ urn: planned.urn, op: "import", force: ctx.forceFanout }, (signal) => provider.read({ urn: planned.urn, type: planned.type, id }, signal));
    if (got.id === undefined) {
      throw new CairnError({ code: ErrorCodes.ImportMismatch, source: "user", urn: planned.urn, message: `cannot import ${planned.urn}: no ${planned.type} with ID "${id}" exists`, hint: "check the import ID" });
    }
    const cloudInputs = got.inputs ?? {};
    if (step.adopt) {
      const adopted: ResourceState = { ...planned, id: got.id, inputs: cloudInputs, outputs: sealOutputs(got.outputs ?? {}, planned) };
      await ctx.journal.endOk(begin, adopted);
      return adopted;
    }
    const diff = await callProvider({ urn: planned.urn, op: "diff", force: ctx.forceFanout }, (signal) =>
      provider.diff({ urn: planned.urn, type: planned.type, id, olds: got.outputs ?? {}, oldInputs: cloudInputs, news: planned.inputs, ignoreChanges: planned.ignoreChanges ?? [] }, signal),
    );
    if (diff.changes === "some") throw importMismatch(planned, id, cloudInputs);
    const state: ResourceState = { ...planned, id: got.id, outputs: sealOutputs(got.outputs ?? {}, planned) };
    await ctx.journal.endOk(begin, state);
    return state;
  } catch (e) {
    if (e instanceof ForcedAbort) throw cancelledError(planned.urn, "import");
    await ctx.journal.endFailed(begin, String((e as Error).message));
    throw e;
  }
}

function importMismatch(planned: ResourceState, id: string, cloudInputs: PropertyMap): CairnError {
  const diffs = detailedDiff(cloudInputs, planned.inputs);
  const fields = diffs.map((d) => `${d.path} (cloud ${JSON.stringify(d.old)}, program ${JSON.stringify(d.new)})`);
  return new CairnError({
    code: ErrorCodes.ImportMismatch,
    source: "user",
    urn: planned.urn,
    ...(diffs[0] ? { property: diffs[0].path } : {}),
    message: `cannot import ${planned.urn} (ID "${id}"): the program's inputs differ from the cloud resource: ${fields.join(", ") || "the provider reports a difference"}`,
    hint: "change the program to match the existing resource, then import again",
  });
}
