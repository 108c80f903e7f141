// The engine side of the ResourceMonitor: what the program talks to. Each registration is planned
// (registration.ts), scheduled behind its dependencies (step-scheduler.ts) and executed
// (step-executor.ts); the response carries the outputs, so the program's dependents register next.
import {
  CairnError,
  ErrorCodes,
  ROOT_STACK_TYPE,
  STACK_REFERENCE_TYPE,
  defaultProviderName,
  makeProviderReference,
  parseProviderReference,
  propertyValuesEqual,
  typePackage,
  type HandshakeRequest,
  type HandshakeResponse,
  type InvokeRequest,
  type InvokeResponse,
  type LogRequest,
  type ProviderReference,
  type ReadResourceRequest,
  type ReadResourceResponse,
  type RegisterResourceOutputsRequest,
  type RegisterResourceRequest,
  type RegisterResourceResponse,
  type ResourceMonitor,
  type SourcePosition,
  type Urn,
} from "@cairn/protocol";
import type { ResourceState } from "@cairn/state";
import type { DeploymentContext } from "./context.js";
import { dependenciesOf } from "./graph.js";
import { checkFailed, planRegistration, urnOf, type RegistrationEnv } from "./registration.js";
import type { Step } from "./step.js";
import { executeStep } from "./step-executor.js";
import { toCairnError, type Outcome } from "./step-scheduler.js";
import type { TargetFilter } from "./targets.js";

function where(pos: SourcePosition | undefined): string {
  return pos ? `${pos.file}:${pos.line}${pos.column !== undefined ? `:${pos.column}` : ""}` : "an unknown location";
}

export class EngineMonitor implements ResourceMonitor {
  /** Every URN the program registered or read, with where it was declared. */
  readonly registered = new Map<Urn, SourcePosition | undefined>();
  /** Final state of each registration, for registerResourceOutputs. */
  private readonly current = new Map<Urn, ResourceState>();
  private readonly defaults = new Map<string, Promise<ProviderReference>>();
  /** Default provider references once registered, by the same key as `defaults`. */
  private readonly knownDefaults = new Map<string, ProviderReference>();
  readonly env: RegistrationEnv;
  rootUrn: Urn | undefined;

  constructor(
    private readonly ctx: DeploymentContext,
    targets: TargetFilter,
    /** Records a run-failing error (and stops the program unless continueOnError). */
    private readonly fail: (e: CairnError) => void,
  ) {
    this.env = {
      ctx,
      targets,
      claimed: new Set(),
      aliasOf: new Map(),
      defaultProvider: (pkg, version) => this.defaultProvider(pkg, version),
      knownDefaultProvider: (pkg, version) => this.knownDefaults.get(`${pkg}@${version ?? ""}`),
    };
  }

  async handshake(_req: HandshakeRequest): Promise<HandshakeResponse> {
    const r = this.ctx.req;
    const res: HandshakeResponse = { project: r.project, stack: r.stack, dryRun: this.ctx.dryRun, config: r.config, configSecretKeys: r.configSecretKeys, configSetCommand: "cairn config set" };
    if (r.rootDirectory !== undefined) res.rootDirectory = r.rootDirectory;
    return res;
  }

  private claim(urn: Urn, pos: SourcePosition | undefined): void {
    if (this.registered.has(urn)) {
      throw new CairnError({
        code: ErrorCodes.DuplicateUrn,
        source: "user",
        urn,
        message: `duplicate resource URN ${urn}: declared at ${where(this.registered.get(urn))} and again at ${where(pos)}`,
        hint: "give each resource a unique name (or a different parent)",
      });
    }
    this.registered.set(urn, pos);
    this.ctx.scheduler.reserve(urn);
  }

  async registerResource(req: RegisterResourceRequest): Promise<RegisterResourceResponse> {
    const urn = urnOf(this.env, req);
    try {
      this.claim(urn, req.sourcePosition);
    } catch (e) {
      this.fail(toCairnError(e));
      throw e;
    }
    if (req.type === ROOT_STACK_TYPE && req.parent === undefined) this.rootUrn = urn;
    let step: Step;
    try {
      step = await planRegistration(this.env, urn, req);
    } catch (e) {
      const error = toCairnError(e);
      this.ctx.scheduler.fail(urn, error);
      this.fail(error);
      throw error;
    }
    const outcome = await this.schedule(urn, step);
    const state = this.finish(urn, outcome);
    const res: RegisterResourceResponse = { urn, object: state.custom ? state.outputs : {} };
    if (state.id !== undefined) res.id = state.id;
    return res;
  }

  private schedule(urn: Urn, step: Step): Promise<Outcome> {
    const planned = step.new ?? step.old;
    const after = planned ? dependenciesOf(planned).filter((d) => this.registered.has(d)) : [];
    return this.ctx.scheduler.schedule(urn, after, step, () => executeStep(this.ctx, step));
  }

  /** Turns an outcome into the state the program sees, or rejects the registration. */
  private finish(urn: Urn, outcome: Outcome): ResourceState {
    if (outcome.status === "ok" && outcome.state) {
      this.current.set(urn, outcome.state);
      if (outcome.state.custom) this.ctx.emit({ code: "resource-outputs", urn, type: outcome.state.type, outputs: outcome.state.outputs });
      return outcome.state;
    }
    if (outcome.status === "failed") {
      this.fail(outcome.error);
      throw outcome.error;
    }
    const reason = outcome.status === "skipped" ? outcome.reason : "no state";
    const cancelled = outcome.status === "skipped" && outcome.cancelled;
    throw new CairnError({ code: cancelled ? ErrorCodes.Cancelled : ErrorCodes.ProviderError, source: cancelled ? "user" : "provider", urn, message: `${urn} was not deployed: ${reason}` });
  }

  private defaultProvider(pkg: string, version: string | undefined): Promise<ProviderReference> {
    const key = `${pkg}@${version ?? ""}`;
    let ref = this.defaults.get(key);
    if (!ref) {
      ref = this.registerResource({
        type: `cairn:providers:${pkg}`,
        name: defaultProviderName(version),
        custom: true,
        object: this.ctx.registry.defaultProviderInputs(pkg),
        dependencies: [],
        propertyDependencies: {},
        ...(version !== undefined ? { version } : {}),
      }).then((res) => {
        const made = makeProviderReference(res.urn, res.id ?? "");
        this.knownDefaults.set(key, made);
        return made;
      });
      this.defaults.set(key, ref);
    }
    return ref;
  }

  async registerResourceOutputs(req: RegisterResourceOutputsRequest): Promise<void> {
    const outcome = await this.ctx.scheduler.outcome(req.urn);
    const state = this.current.get(req.urn);
    if (!outcome || !state) return;
    if (req.urn === this.rootUrn) this.ctx.outputs = req.outputs;
    if (propertyValuesEqual(state.outputs, req.outputs)) return;
    const next: ResourceState = { ...state, outputs: req.outputs, modified: this.ctx.now() };
    this.current.set(req.urn, next);
    if (!this.env.targets.allows(req.urn, state.dependencies) && this.ctx.old.has(req.urn)) return;
    await this.ctx.journal.write({ urn: req.urn }, next);
    this.ctx.emit({ code: "resource-outputs", urn: req.urn, type: state.type, outputs: req.outputs });
  }

  async readResource(req: ReadResourceRequest): Promise<ReadResourceResponse> {
    const urn = urnOf(this.env, req);
    this.claim(urn, req.sourcePosition);
    this.env.claimed.add(urn);
    const old = this.ctx.old.get(urn);
    const provider = req.type === STACK_REFERENCE_TYPE ? undefined : req.provider ?? (await this.defaultProvider(typePackage(req.type), req.version));
    const planned: ResourceState = { urn, type: req.type, custom: true, id: req.id, external: true, inputs: req.properties, outputs: {}, dependencies: req.dependencies, propertyDependencies: {}, protect: false, retainOnDelete: false };
    if (req.parent !== undefined) planned.parent = req.parent;
    if (provider !== undefined) planned.provider = provider;
    const step: Step = { op: "read", urn, type: req.type, new: planned, diff: [], ...(old ? { old } : {}) };
    const outcome = await this.ctx.scheduler.schedule(urn, req.dependencies.filter((d) => this.registered.has(d)), step, () => this.read(planned, old));
    const state = this.finish(urn, outcome);
    return { urn, properties: state.outputs };
  }

  private async read(planned: ResourceState, old: ResourceState | undefined): Promise<ResourceState> {
    const provider = await this.ctx.registry.forResource(planned);
    const got = await provider.read({ urn: planned.urn, type: planned.type, id: planned.id ?? "", inputs: planned.inputs }, this.ctx.force);
    if (got.id === undefined) {
      throw new CairnError({ code: ErrorCodes.ProviderError, source: "user", urn: planned.urn, message: `cannot read ${planned.urn}: no ${planned.type} with ID "${planned.id}" exists` });
    }
    const state: ResourceState = { ...planned, id: got.id, inputs: got.inputs ?? planned.inputs, outputs: got.outputs ?? {} };
    if (!old || !propertyValuesEqual(old.outputs, state.outputs) || !propertyValuesEqual(old.inputs, state.inputs)) {
      await this.ctx.journal.write(old ? { urn: old.urn } : undefined, { ...state, modified: this.ctx.now() });
    }
    return state;
  }

  async invoke(req: InvokeRequest): Promise<InvokeResponse> {
    const ref = req.provider ?? (await this.defaultProvider(typePackage(req.token), req.version));
    const provider = await this.ctx.registry.forReference(ref);
    const res = await this.ctx.scheduler.limited(() => provider.invoke({ token: req.token, args: req.args }, this.ctx.force));
    if (res.failures && res.failures.length > 0) throw checkFailed(parseProviderReference(ref).urn, res.failures);
    return res;
  }

  async log(req: LogRequest): Promise<void> {
    this.ctx.emit({ code: "diagnostic", level: req.level, message: req.message, ...(req.urn !== undefined ? { urn: req.urn } : {}) });
  }
}
