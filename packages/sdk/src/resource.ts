// The resource classes programs construct: Resource (base), CustomResource (managed by a
// provider), ComponentResource (groups children), ProviderResource (an explicit provider). The
// constructor starts the registration and exposes `urn`, `id` and one Output per input key.
import { CairnError, ErrorCodes, PROVIDER_TYPE_PREFIX, type Urn } from "@cairn/protocol";
import { lazyOutput, type Input, type Inputs, type Output, type OutputData } from "./output.js";
import { registerResource, registerOutputs } from "./register.js";
import { RESOURCE_STATE, type Registered, type ResourceStateView } from "./resource-internals.js";
import type { ResourceOptions, ResourceTransform } from "./resource-options.js";
import { requireContext, type RunContext } from "./run-context.js";
import { propertyData } from "./serialize.js";
import { captureSite } from "./source-position.js";

/** The SDK's bookkeeping for one resource (kept under a symbol key). */
export interface ResourceState extends ResourceStateView {
  readonly ctx: RunContext;
  readonly parent: Resource | undefined;
  /** Providers by package this resource's children use (inherited and own). */
  readonly providers: Record<string, ProviderResource>;
  /** Own transforms then the parent's; children inherit the whole list. */
  readonly transforms: ResourceTransform[];
  readonly protect: boolean | undefined;
  readonly retainOnDelete: boolean | undefined;
  readonly isRoot: boolean;
  urn: Urn | undefined;
  registration: Promise<Registered>;
}

export interface ResourceInternalOptions {
  /** The root stack resource: no parent, not a child of the root. */
  root?: boolean;
}

export abstract class Resource {
  declare readonly [RESOURCE_STATE]: ResourceState;
  /** The resource's stack-unique name, assigned by the engine. */
  readonly urn: Output<Urn>;

  constructor(type: string, name: string, custom: boolean, props: Inputs = {}, opts: ResourceOptions = {}, internal: ResourceInternalOptions = {}) {
    if (typeof type !== "string" || type === "") throw invalidResource(`a resource type must be a non-empty string (got ${JSON.stringify(type)})`);
    if (typeof name !== "string" || name === "") throw invalidResource(`resource ${type} needs a non-empty string name (got ${JSON.stringify(name)})`);
    const ctx = requireContext(`new ${type}("${name}")`);
    const site = internal.root === true ? {} : captureSite(new.target);
    const parentState = opts.parent?.[RESOURCE_STATE];
    if (opts.parent !== undefined && parentState === undefined) {
      throw invalidResource(`the parent option of ${type} "${name}" is not a Cairn resource`);
    }
    const state: ResourceState = {
      ctx,
      type,
      name,
      custom,
      parent: opts.parent,
      providers: providerBag(parentState?.providers, opts, custom),
      transforms: inheritTransforms(opts.transforms, parentState?.transforms ?? ctx.stackTransforms),
      protect: opts.protect ?? parentState?.protect,
      retainOnDelete: opts.retainOnDelete ?? parentState?.retainOnDelete,
      isRoot: internal.root === true,
      urn: undefined,
      registration: undefined as unknown as Promise<Registered>,
      children: [],
    };
    Object.defineProperty(this, RESOURCE_STATE, { value: state });
    parentState?.children.push(this);
    const registration = registerResource(this, state, { props, opts, site });
    state.registration = registration;
    ctx.track(registration, true);
    const self = [this];
    this.urn = lazyOutput(() => registration.then((r) => ({ value: r.urn, known: true, secret: false, resources: self })));
    if (custom) {
      const target = this as Record<string, unknown>;
      const property = (key: string): Promise<OutputData<unknown>> => registration.then((r) => propertyData(r.object[key], self, ctx.dryRun));
      for (const key of Object.keys(props)) {
        if (key === "urn" || key === "id") continue;
        target[key] = lazyOutput(property, key);
      }
    }
  }
}

function invalidResource(message: string): CairnError {
  return new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message });
}

function inheritTransforms(own: ResourceTransform[] | undefined, inherited: ResourceTransform[]): ResourceTransform[] {
  if (own === undefined || own.length === 0) return inherited.length === 0 ? inherited : [...inherited];
  return [...own, ...inherited];
}

function providerBag(inherited: Record<string, ProviderResource> | undefined, opts: ResourceOptions, custom: boolean): Record<string, ProviderResource> {
  const own = opts.providers;
  const componentProvider = !custom && opts.provider !== undefined;
  if (own === undefined && !componentProvider) return inherited ?? {};
  const bag: Record<string, ProviderResource> = { ...inherited };
  if (Array.isArray(own)) for (const p of own) bag[p.pkg] = p;
  else if (own !== undefined) Object.assign(bag, own);
  if (componentProvider) bag[opts.provider!.pkg] = opts.provider!;
  return bag;
}

/** A resource managed by a provider; it has a provider-assigned `id`. */
export class CustomResource extends Resource {
  /** The provider-assigned ID (unknown during preview of a create). */
  readonly id: Output<string>;

  constructor(type: string, name: string, props: Inputs = {}, opts: ResourceOptions = {}) {
    super(type, name, true, props, opts);
    const state = this[RESOURCE_STATE];
    this.id = lazyOutput(() =>
      state.registration.then((r): OutputData<string> => {
        const known = r.id !== undefined && (r.id !== "" || !state.ctx.dryRun);
        return { value: known ? r.id : undefined, known, secret: false, resources: [this] };
      }),
    );
  }

  static isInstance(v: unknown): v is CustomResource {
    return v instanceof CustomResource;
  }
}

/** A logical group of child resources; it has no provider and no cloud representation. */
export class ComponentResource extends Resource {
  constructor(type: string, name: string, _args: object = {}, opts: ResourceOptions = {}) {
    super(type, name, false, {}, opts);
  }

  /** Records the component's outputs (shown in displays and state). */
  protected registerOutputs(outputs?: Inputs | Promise<Inputs> | Output<Inputs>): void {
    registerOutputs(this, outputs ?? {});
  }

  static isInstance(v: unknown): v is ComponentResource {
    return v instanceof ComponentResource;
  }
}

/** An explicitly configured provider (type `cairn:providers:<pkg>`), passed via `provider`/`providers`. */
export class ProviderResource extends CustomResource {
  /** The package this provider serves, e.g. "aws". */
  readonly pkg: string;

  constructor(pkg: string, name: string, props: Inputs = {}, opts: ResourceOptions = {}) {
    super(`${PROVIDER_TYPE_PREFIX}${pkg}`, name, props, opts);
    this.pkg = pkg;
  }

  static override isInstance(v: unknown): v is ProviderResource {
    return v instanceof ProviderResource;
  }
}

/** The root resource every run registers; its outputs are the stack outputs. */
export class RootStackResource extends Resource {
  constructor(type: string, name: string) {
    super(type, name, false, {}, {}, { root: true });
  }
}

export type { Input };
