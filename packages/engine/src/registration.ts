// Turns one registerResource request into a Step: URN and aliases -> old state -> provider ->
// check -> ignoreChanges -> diff -> generateStep. Calls only non-mutating provider methods
// (checkConfig, configure, check, diff).
import { randomUUID } from "node:crypto";
import {
  CairnError,
  ErrorCodes,
  isProviderType,
  makeUrn,
  propertyValuesEqual,
  typePackage,
  type AliasSpec,
  type CheckFailure,
  type DiffResponse,
  type Provider,
  type ProviderReference,
  type RegisterResourceRequest,
  type Urn,
} from "@cairn/protocol";
import type { ResourceState } from "@cairn/state";
import type { DeploymentContext } from "./context.js";
import { applyIgnoreChanges } from "./diff.js";
import { callProvider } from "./provider-call.js";
import type { Step } from "./step.js";
import { generateStep } from "./step-generator.js";
import type { TargetFilter } from "./targets.js";

export interface RegistrationEnv {
  ctx: DeploymentContext;
  targets: TargetFilter;
  /** Old URNs already matched by a registration (an old resource is claimed once). */
  claimed: Set<Urn>;
  /** For each new URN found through an alias, the old URN (children inherit the alias). */
  aliasOf: Map<Urn, Urn>;
  /** Resolves the default provider of a package (registering it on first use). */
  defaultProvider: (pkg: string, version: string | undefined) => Promise<ProviderReference>;
  /** The default provider's reference once it is registered (no promise), else undefined. */
  knownDefaultProvider?: (pkg: string, version: string | undefined) => ProviderReference | undefined;
}

export function urnOf(env: RegistrationEnv, req: { type: string; name: string; parent?: Urn }): Urn {
  const { project, stack } = env.ctx.req;
  return makeUrn({ project, stack, type: req.type, name: req.name, ...(req.parent !== undefined ? { parent: req.parent } : {}) });
}

/** The URNs the resource may have had before: its aliases, also under its parent's old URN. */
export function aliasCandidates(env: RegistrationEnv, req: RegisterResourceRequest): Urn[] {
  const { project, stack } = env.ctx.req;
  const parents: Array<Urn | undefined> = [req.parent];
  const parentAlias = req.parent !== undefined ? env.aliasOf.get(req.parent) : undefined;
  if (parentAlias !== undefined) parents.push(parentAlias);
  const specs: AliasSpec[] = [{}, ...(req.aliases ?? [])];
  const out: Urn[] = [];
  for (const spec of specs) {
    if ("urn" in spec) {
      out.push(spec.urn);
      continue;
    }
    const specParents = spec.noParent ? [undefined] : spec.parent !== undefined ? [spec.parent] : parents;
    for (const parent of specParents) {
      out.push(makeUrn({ project: spec.project ?? project, stack: spec.stack ?? stack, type: spec.type ?? req.type, name: spec.name ?? req.name, ...(parent !== undefined ? { parent } : {}) }));
    }
  }
  return [...new Set(out)];
}

function findOld(env: RegistrationEnv, urn: Urn, req: RegisterResourceRequest): ResourceState | undefined {
  const direct = env.ctx.old.get(urn);
  if (direct && !env.claimed.has(urn)) {
    env.claimed.add(urn);
    return direct;
  }
  for (const cand of aliasCandidates(env, req)) {
    const r = env.ctx.old.get(cand);
    if (r && !env.claimed.has(cand)) {
      env.claimed.add(cand);
      if (cand !== urn) env.aliasOf.set(urn, cand);
      return r;
    }
  }
  return undefined;
}

function plannedState(urn: Urn, req: RegisterResourceRequest, provider: ProviderReference | undefined): ResourceState {
  const r: ResourceState = {
    urn,
    type: req.type,
    custom: req.custom,
    inputs: req.object,
    outputs: {},
    dependencies: [...new Set(req.dependencies)],
    propertyDependencies: req.propertyDependencies,
    protect: req.protect ?? false,
    retainOnDelete: req.retainOnDelete ?? false,
  };
  if (req.parent !== undefined) r.parent = req.parent;
  if (provider !== undefined) r.provider = provider;
  if (req.deletedWith !== undefined) r.deletedWith = req.deletedWith;
  if (req.customTimeouts !== undefined) r.customTimeouts = req.customTimeouts;
  if (req.ignoreChanges?.length) r.ignoreChanges = req.ignoreChanges;
  if (req.replaceOnChanges?.length) r.replaceOnChanges = req.replaceOnChanges;
  if (req.additionalSecretOutputs?.length) r.additionalSecretOutputs = req.additionalSecretOutputs;
  if (req.sourcePosition !== undefined) r.sourcePosition = req.sourcePosition;
  return r;
}

export function checkFailed(urn: Urn, failures: CheckFailure[]): CairnError {
  const text = failures.map((f) => (f.property ? `${f.property}: ${f.reason}` : f.reason)).join("; ");
  return new CairnError({
    code: ErrorCodes.ProviderCheckFailed,
    source: "user",
    urn,
    ...(failures[0]?.property ? { property: failures[0].property } : {}),
    message: `invalid inputs for ${urn}: ${text}`,
    hint: "fix the listed properties in the program",
  });
}

/** Emits one diagnostic per check failure (so a preview shows every problem) and returns the error. */
function reportCheckFailures(ctx: DeploymentContext, urn: Urn, failures: CheckFailure[]): CairnError {
  for (const f of failures) {
    ctx.emit({ code: "diagnostic", level: "error", urn, errorCode: ErrorCodes.ProviderCheckFailed, message: `${urn}: ${f.property ? `property ${f.property}: ` : ""}${f.reason}` });
  }
  return checkFailed(urn, failures);
}

function resolveProvider(env: RegistrationEnv, req: RegisterResourceRequest): ProviderReference | undefined | Promise<ProviderReference> {
  if (!req.custom || isProviderType(req.type) || req.type === "cairn:cairn:StackReference") return undefined;
  if (req.provider !== undefined) return req.provider;
  const pkg = typePackage(req.type);
  return env.knownDefaultProvider?.(pkg, req.version) ?? env.defaultProvider(pkg, req.version);
}

/** Plans one registration; throws CairnError for check failures and protected replacements. */
export async function planRegistration(env: RegistrationEnv, urn: Urn, req: RegisterResourceRequest): Promise<Step> {
  const { ctx } = env;
  const old = findOld(env, urn, req);
  const resolving = resolveProvider(env, req);
  const providerRef = resolving instanceof Promise ? await resolving : resolving;
  const planned = plannedState(urn, req, providerRef);
  let diff: DiffResponse | undefined;
  if (req.custom && isProviderType(req.type)) {
    diff = await planProviderResource(env, planned, old, req.version);
  } else if (req.custom) {
    const provider = ctx.registry.readyFor(planned) ?? (await ctx.registry.forResource(planned));
    diff = await checkAndDiff(env, provider, planned, old, req);
  } else if (old) {
    planned.outputs = old.outputs;
  }
  const targeted = env.targets.allows(urn, planned.dependencies);
  const step = generateStep({
    planned,
    targeted,
    ...(old ? { old } : {}),
    ...(diff ? { diff } : {}),
    ...(req.importId !== undefined ? { importId: req.importId } : {}),
    ...(req.deleteBeforeReplace !== undefined ? { deleteBeforeReplace: req.deleteBeforeReplace } : {}),
    forceReplace: env.targets.forceReplace(urn) || (old !== undefined && env.targets.forceReplace(old.urn)),
  });
  if (step.op === "import" && adopts(env, req)) step.adopt = true;
  if (step.op === "replace" && !step.deleteBeforeReplace && step.old && step.new && req.custom && !isProviderType(req.type)) {
    await recheckReplacement(env, step.new, step.old, req);
  }
  return step;
}

function checkSeed(env: RegistrationEnv, urn: Urn): string {
  return `${env.ctx.req.randomSeed ?? `${env.ctx.req.project}/${env.ctx.req.stack}`}:${urn}`;
}

/**
 * A create-before-delete replacement exists alongside the resource it replaces, so it is checked
 * again as a new resource (no old inputs, a seed of its own): auto-named properties get a fresh
 * name instead of colliding with the old resource's. Names the user set are kept as given.
 */
async function recheckReplacement(env: RegistrationEnv, planned: ResourceState, old: ResourceState, req: RegisterResourceRequest): Promise<void> {
  const { ctx } = env;
  const provider = await ctx.registry.forResource(planned);
  const seed = `${checkSeed(env, planned.urn)}:replacing:${old.id ?? ""}`;
  const call = { urn: planned.urn, force: ctx.forceFanout, op: "check" as const };
  const checked = await ctx.scheduler.limited(() => callProvider(call, (signal) => provider.check({ urn: planned.urn, type: planned.type, olds: {}, news: req.object, randomSeed: seed }, signal)));
  if (checked.failures && checked.failures.length > 0) throw reportCheckFailures(ctx, planned.urn, checked.failures);
  planned.inputs = checked.inputs;
}

/** `cairn import` registers resources with no inputs: they adopt what the cloud has. */
function adopts(env: RegistrationEnv, req: RegisterResourceRequest): boolean {
  return env.ctx.req.kind === "import" && req.importId !== undefined && Object.keys(req.object).length === 0;
}

/** Check then diff, in one slot of the provider-call bound (both are near-instant for most providers). */
function checkAndDiff(env: RegistrationEnv, provider: Provider, planned: ResourceState, old: ResourceState | undefined, req: RegisterResourceRequest): Promise<DiffResponse | undefined> {
  if (adopts(env, req) && !old) return Promise.resolve(undefined);
  return env.ctx.scheduler.limited(() => checkThenDiff(env, provider, planned, old, req));
}

async function checkThenDiff(env: RegistrationEnv, provider: Provider, planned: ResourceState, old: ResourceState | undefined, req: RegisterResourceRequest): Promise<DiffResponse | undefined> {
  const { ctx } = env;
  const seed = checkSeed(env, planned.urn);
  const urn = planned.urn;
  const force = ctx.forceFanout;
  const controller = new AbortController();
  const checked = await callProvider({ urn, force, controller, op: "check" }, (signal) => provider.check({ urn, type: planned.type, olds: old?.inputs ?? {}, news: req.object, randomSeed: seed }, signal));
  if (checked.failures && checked.failures.length > 0) throw reportCheckFailures(ctx, urn, checked.failures);
  planned.inputs = old ? applyIgnoreChanges(old.inputs, checked.inputs, req.ignoreChanges) : checked.inputs;
  if (!old || old.pendingReplacement) return old ? { changes: "some", replaces: Object.keys(planned.inputs), deleteBeforeReplace: true } : undefined;
  planned.outputs = old.outputs;
  if (old.id !== undefined) planned.id = old.id;
  if (old.created !== undefined) planned.created = old.created;
  if (old.modified !== undefined) planned.modified = old.modified;
  const news = planned.inputs;
  return callProvider({ urn, force, controller, op: "diff" }, (signal) => provider.diff({ urn, type: planned.type, id: old.id ?? "", olds: old.outputs, oldInputs: old.inputs, news, ignoreChanges: req.ignoreChanges ?? [] }, signal));
}

/**
 * A provider resource: checkConfig + configure now (so the resources that use it can be checked),
 * with a stable ID kept across runs. A configuration change is an in-place update of the provider
 * resource; the resources it manages are not replaced because of it.
 */
async function planProviderResource(env: RegistrationEnv, planned: ResourceState, old: ResourceState | undefined, version: string | undefined): Promise<DiffResponse> {
  const { ctx } = env;
  const instance = await ctx.registry.load(typePackage(planned.type), version);
  const news = planned.inputs;
  const checked = await ctx.scheduler.limited(() => callProvider({ urn: planned.urn, op: "checkConfig", force: ctx.forceFanout }, (signal) => instance.checkConfig({ urn: planned.urn, olds: old?.inputs ?? {}, news }, signal)));
  if (checked.failures && checked.failures.length > 0) throw reportCheckFailures(ctx, planned.urn, checked.failures);
  planned.inputs = checked.inputs;
  planned.id = old?.id ?? randomUUID();
  planned.outputs = old?.outputs ?? {};
  await ctx.registry.configure(planned.urn, instance, planned.inputs);
  return { changes: old && !propertyValuesEqual(old.inputs, planned.inputs) ? "some" : "none" };
}
