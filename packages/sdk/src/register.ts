// One resource's registration: apply transforms, wait for the parent, resolve inputs and option
// values, then send RegisterResourceRequest (or ReadResourceRequest for `id` reads) carrying
// every option; also a component's registerOutputs.
import {
  CairnError,
  ErrorCodes,
  isPropertyMap,
  isProviderType,
  makeProviderReference,
  typePackage,
  type AliasSpec,
  type ProviderReference,
  type RegisterResourceRequest,
  type Urn,
} from "@cairn/protocol";
import { isOutput, outputData, output, type Inputs, type Output } from "./output.js";
import type { ProviderResource, Resource, ResourceState } from "./resource.js";
import { RESOURCE_STATE, resourceLabel, stateOf, type Registered } from "./resource-internals.js";
import type { Alias, ResourceOptions } from "./resource-options.js";
import { isResource, serializeProperties, serializeValue } from "./serialize.js";
import { sourcePositionOf, type CapturedSite } from "./source-position.js";
import { asCairnError } from "./run-context.js";

/** A provider ID that is not known yet (preview of a new provider). */
export const UNKNOWN_PROVIDER_ID = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface RegisterArgs {
  props: Inputs;
  opts: ResourceOptions;
  site: CapturedSite;
}

export async function registerResource(res: Resource, state: ResourceState, args: RegisterArgs): Promise<Registered> {
  const ctx = state.ctx;
  try {
    const { props, opts } = state.transforms.length === 0 ? args : await applyTransforms(state, args.props, args.opts);
    if (ctx.signal?.aborted) throw cancelled(state);
    // Values already at hand are used as they are: an `await` costs a promise and a tick each.
    const parent = parentUrnOf(state);
    const parentUrn = isPromise(parent) ? await parent : parent;
    const serialized = serializeProperties(state.custom ? props : {});
    const ser = isPromise(serialized) ? await serialized : serialized;
    const explicit = opts.dependsOn === undefined ? [] : await resolveDependsOn(opts.dependsOn);
    const deps = ser.all.size === 0 && explicit.length === 0 ? [] : urnsOf(expandComponents(explicit.length === 0 ? ser.all : [...explicit, ...ser.all]));
    const dependencies = Array.isArray(deps) ? deps : await deps;
    const propertyDependencies: Record<string, Urn[]> = {};
    for (const [k, rs] of ser.propertyDependencies) {
      const urns = rs.size === 0 ? [] : urnsOf(rs);
      propertyDependencies[k] = Array.isArray(urns) ? urns : await urns;
    }
    const chosen = state.custom && !isProviderType(state.type) ? chooseProvider(state, opts) : undefined;
    const provider = chosen === undefined ? undefined : await chosen;
    const sourcePosition = sourcePositionOf(args.site, ctx.rootDirectory, ctx.sourcePositions);
    if (opts.id !== undefined && state.custom) {
      const id = await resolveId(opts.id);
      const resp = await ctx.monitor.readResource({
        type: state.type,
        name: state.name,
        id,
        ...(parentUrn === undefined ? {} : { parent: parentUrn }),
        properties: ser.object,
        dependencies,
        ...(provider === undefined ? {} : { provider }),
        ...(opts.version === undefined ? {} : { version: opts.version }),
        ...(opts.additionalSecretOutputs === undefined ? {} : { additionalSecretOutputs: opts.additionalSecretOutputs }),
        ...(sourcePosition === undefined ? {} : { sourcePosition }),
      });
      state.urn = resp.urn;
      return { urn: resp.urn, id, object: resp.properties };
    }
    const req: RegisterResourceRequest = {
      type: state.type,
      name: state.name,
      custom: state.custom,
      object: ser.object,
      dependencies,
      propertyDependencies,
    };
    addOptionFields(req, state, opts);
    if (opts.aliases !== undefined) req.aliases = await Promise.all(opts.aliases.map(resolveAlias));
    if (opts.deletedWith !== undefined) req.deletedWith = (await urnsOf([opts.deletedWith]))[0]!;
    if (parentUrn !== undefined) req.parent = parentUrn;
    if (provider !== undefined) req.provider = provider;
    const providers = Object.keys(state.providers).length === 0 ? undefined : await providerMap(state.providers);
    if (providers !== undefined) req.providers = providers;
    if (sourcePosition !== undefined) req.sourcePosition = sourcePosition;
    const resp = await ctx.monitor.registerResource(req);
    state.urn = resp.urn;
    return { urn: resp.urn, id: state.custom ? (resp.id ?? "") : undefined, object: resp.object };
  } catch (err) {
    throw registrationError(res, err);
  }
}

function registrationError(res: Resource, err: unknown): CairnError {
  if (err instanceof CairnError) return err;
  const e = asCairnError(err);
  return new CairnError({ code: e.code, source: e.source, message: `registering ${resourceLabel(res)} failed: ${err instanceof Error ? err.message : String(err)}`, cause: err });
}

function cancelled(state: ResourceState): CairnError {
  return new CairnError({ code: ErrorCodes.Cancelled, source: "user", message: `the run was cancelled before ${state.type} "${state.name}" was registered` });
}

async function applyTransforms(state: ResourceState, props: Inputs, opts: ResourceOptions): Promise<{ props: Inputs; opts: ResourceOptions }> {
  let current = { props, opts };
  for (const t of state.transforms) {
    const r = await t({ custom: state.custom, type: state.type, name: state.name, props: current.props, opts: current.opts });
    if (r !== undefined) current = { props: r.props, opts: r.opts };
  }
  return current;
}

function parentUrnOf(state: ResourceState): Urn | undefined | Promise<Urn | undefined> {
  if (state.parent !== undefined) {
    const parent = state.parent[RESOURCE_STATE];
    return parent.urn ?? parent.registration.then((r) => r.urn);
  }
  if (state.isRoot) return undefined;
  return state.ctx.rootUrnKnown ?? state.ctx.rootUrn;
}

function isPromise<T>(v: T | Promise<T>): v is Promise<T> {
  return v instanceof Promise;
}

async function resolveDependsOn(dependsOn: ResourceOptions["dependsOn"]): Promise<Resource[]> {
  if (dependsOn === undefined) return [];
  const data = await outputData(output(dependsOn as unknown));
  const v = data.value as unknown;
  const list: unknown[] = Array.isArray(v) ? v : [v];
  return list.filter((x): x is Resource => isResource(x));
}

/** Depending on a component means depending on everything under it. */
function expandComponents(resources: Iterable<Resource>): Set<Resource> {
  const out = new Set<Resource>();
  const visit = (r: Resource): void => {
    if (out.has(r)) return;
    out.add(r);
    const s = stateOf(r);
    if (s !== undefined && !s.custom) for (const c of s.children) visit(c as Resource);
  };
  for (const r of resources) visit(r);
  return out;
}

/** URNs of resources; when all are registered already (the usual case) no promise is made. */
function urnsOf(resources: Iterable<Resource>): Urn[] | Promise<Urn[]> {
  const urns = new Set<Urn>();
  const waiting: Promise<Registered>[] = [];
  for (const r of resources) {
    const state = r[RESOURCE_STATE];
    if (state.urn !== undefined) urns.add(state.urn);
    else waiting.push(state.registration);
  }
  if (waiting.length === 0) return [...urns];
  return Promise.all(waiting).then((regs) => {
    for (const r of regs) urns.add(r.urn);
    return [...urns];
  });
}

async function resolveId(id: NonNullable<ResourceOptions["id"]>): Promise<string> {
  if (!isOutput(id)) return String(await id);
  const d = await outputData(id);
  return d.known ? String(d.value) : "";
}

export async function providerReference(p: ProviderResource): Promise<ProviderReference> {
  const r = await p[RESOURCE_STATE].registration;
  return makeProviderReference(r.urn, r.id === undefined || r.id === "" ? UNKNOWN_PROVIDER_ID : r.id);
}

function chooseProvider(state: ResourceState, opts: ResourceOptions): Promise<ProviderReference> | undefined {
  const pkg = typePackage(state.type);
  let p = opts.provider;
  if (p !== undefined && p.pkg !== pkg) {
    const ctx = state.ctx;
    const warned = ctx.monitor.log({ level: "warning", message: `${state.type} "${state.name}": the provider option is for package "${p.pkg}", not "${pkg}"; it is ignored` });
    ctx.track(warned, true);
    p = undefined;
  }
  p ??= state.providers[pkg];
  return p === undefined ? undefined : providerReference(p);
}

async function providerMap(bag: Record<string, ProviderResource>): Promise<Record<string, ProviderReference> | undefined> {
  const pkgs = Object.keys(bag);
  if (pkgs.length === 0) return undefined;
  const out: Record<string, ProviderReference> = {};
  for (const pkg of pkgs) out[pkg] = await providerReference(bag[pkg]!);
  return out;
}

/** Copies the option values that need no resolving (aliases and deletedWith are resolved by the caller). */
function addOptionFields(f: RegisterResourceRequest, state: ResourceState, opts: ResourceOptions): void {
  const protect = opts.protect ?? state.protect;
  if (protect !== undefined) f.protect = protect;
  const retain = opts.retainOnDelete ?? state.retainOnDelete;
  if (retain !== undefined) f.retainOnDelete = retain;
  if (opts.deleteBeforeReplace !== undefined) f.deleteBeforeReplace = opts.deleteBeforeReplace;
  if (opts.ignoreChanges !== undefined) f.ignoreChanges = opts.ignoreChanges;
  if (opts.replaceOnChanges !== undefined) f.replaceOnChanges = opts.replaceOnChanges;
  if (opts.customTimeouts !== undefined) f.customTimeouts = opts.customTimeouts;
  if (opts.import !== undefined) f.importId = opts.import;
  if (opts.additionalSecretOutputs !== undefined) f.additionalSecretOutputs = opts.additionalSecretOutputs;
  if (opts.version !== undefined) f.version = opts.version;
  if (opts.pluginDownloadURL !== undefined) f.pluginDownloadURL = opts.pluginDownloadURL;
}

async function resolveAlias(alias: NonNullable<ResourceOptions["aliases"]>[number]): Promise<AliasSpec> {
  const a = (await outputData(output(alias as unknown))).value as unknown as string | Alias;
  if (typeof a === "string") return { urn: a };
  const spec: Exclude<AliasSpec, { urn: Urn }> = {};
  for (const key of ["name", "type", "project", "stack"] as const) {
    const v = a[key];
    if (v !== undefined) spec[key] = String(v);
  }
  if (a.parent !== undefined) spec.parent = isResource(a.parent) ? (await a.parent[RESOURCE_STATE].registration).urn : String(a.parent);
  if (a.noParent !== undefined) spec.noParent = a.noParent;
  return spec;
}

/** Sends a component's outputs once it is registered and they are resolved. */
export function registerOutputs(res: Resource, outputs: Inputs | Promise<Inputs> | Output<Inputs>): void {
  const state = res[RESOURCE_STATE];
  const ctx = state.ctx;
  const done = (async () => {
    const { urn } = await state.registration;
    const value = await serializeValue(outputs, new Set(), "");
    await ctx.monitor.registerResourceOutputs({ urn, outputs: isPropertyMap(value) ? value : {} });
  })();
  ctx.track(done, true);
}
