// MockMonitor: an in-process ResourceMonitor for unit tests. It computes URNs with makeUrn,
// rejects duplicate URNs (naming both source positions), asks the user's mocks for IDs and
// states, and records every request so tests can inspect them.
import {
  CairnError,
  ErrorCodes,
  ROOT_STACK_TYPE,
  isPropertyMap,
  isSecretValue,
  makeSecret,
  makeUrn,
  unwrapSecrets,
  type HandshakeRequest,
  type HandshakeResponse,
  type InvokeRequest,
  type InvokeResponse,
  type LogRequest,
  type PropertyMap,
  type ReadResourceRequest,
  type ReadResourceResponse,
  type RegisterResourceOutputsRequest,
  type RegisterResourceRequest,
  type RegisterResourceResponse,
  type ResourceMonitor,
  type SourcePosition,
  type Urn,
} from "@cairn/protocol";
import { serializeValue } from "../serialize.js";

export interface MockResourceArgs {
  type: string;
  name: string;
  /** The resource's inputs as plain values (secrets unwrapped). */
  inputs: Record<string, any>;
  provider?: string;
  /** The ID being imported or read, if any. */
  id?: string;
  custom?: boolean;
  urn?: Urn;
}
export interface MockResourceResult {
  id: string | undefined;
  state: Record<string, any>;
}
export interface MockCallArgs {
  token: string;
  inputs: Record<string, any>;
  provider?: string;
}
export interface Mocks {
  newResource(args: MockResourceArgs): MockResourceResult | Promise<MockResourceResult>;
  call(args: MockCallArgs): Record<string, any> | Promise<Record<string, any>>;
}

export interface MockMonitorOptions {
  mocks: Mocks;
  project?: string;
  stack?: string;
  dryRun?: boolean;
  organization?: string;
  config?: Record<string, string>;
  configSecretKeys?: string[];
  rootDirectory?: string;
}

export class MockMonitor implements ResourceMonitor {
  readonly project: string;
  readonly stack: string;
  readonly dryRun: boolean;
  readonly organization: string;
  readonly config: Record<string, string>;
  readonly configSecretKeys: string[];
  /** Every registration request, in arrival order. */
  readonly registrations: RegisterResourceRequest[] = [];
  readonly reads: ReadResourceRequest[] = [];
  readonly invokes: InvokeRequest[] = [];
  readonly logs: LogRequest[] = [];
  /** Outputs recorded with registerResourceOutputs, by URN. */
  readonly outputs = new Map<Urn, PropertyMap>();
  /** Resource states as returned to the program, by URN. */
  readonly resources = new Map<Urn, { type: string; name: string; id?: string; state: PropertyMap; position?: SourcePosition }>();
  private readonly mocks: Mocks;
  private readonly rootDirectory: string | undefined;

  constructor(opts: MockMonitorOptions) {
    this.mocks = opts.mocks;
    this.project = opts.project ?? "project";
    this.stack = opts.stack ?? "stack";
    this.dryRun = opts.dryRun ?? false;
    this.organization = opts.organization ?? "organization";
    this.config = opts.config ?? {};
    this.configSecretKeys = opts.configSecretKeys ?? [];
    this.rootDirectory = opts.rootDirectory;
  }

  async handshake(_req: HandshakeRequest): Promise<HandshakeResponse> {
    return {
      project: this.project,
      stack: this.stack,
      organization: this.organization,
      dryRun: this.dryRun,
      config: this.config,
      configSecretKeys: this.configSecretKeys,
      ...(this.rootDirectory === undefined ? {} : { rootDirectory: this.rootDirectory }),
    };
  }

  private claim(type: string, name: string, parent: Urn | undefined, position: SourcePosition | undefined): Urn {
    const urn = makeUrn({ stack: this.stack, project: this.project, type, name, ...(parent === undefined ? {} : { parent }) });
    const prior = this.resources.get(urn);
    if (prior !== undefined) {
      throw new CairnError({
        code: ErrorCodes.DuplicateUrn,
        source: "user",
        urn,
        message: `duplicate resource URN ${urn}: declared at ${where(prior.position)} and again at ${where(position)}; give one of them a different name or parent`,
      });
    }
    this.resources.set(urn, { type, name, state: {}, ...(position === undefined ? {} : { position }) });
    return urn;
  }

  async registerResource(req: RegisterResourceRequest): Promise<RegisterResourceResponse> {
    this.registrations.push(req);
    const urn = this.claim(req.type, req.name, req.parent, req.sourcePosition);
    if (req.type === ROOT_STACK_TYPE) return { urn, object: {} };
    const result = await this.mocks.newResource({
      type: req.type,
      name: req.name,
      inputs: unwrapSecrets(req.object) as Record<string, any>,
      custom: req.custom,
      urn,
      ...(req.provider === undefined ? {} : { provider: req.provider }),
      ...(req.importId === undefined ? {} : { id: req.importId }),
    });
    if (!req.custom) return { urn, object: {} };
    const state = await this.stateOf(result.state ?? unwrapSecrets(req.object), req.object, req.additionalSecretOutputs);
    const id = result.id ?? "";
    this.resources.set(urn, { ...this.resources.get(urn)!, id, state });
    return { urn, id, object: state };
  }

  async readResource(req: ReadResourceRequest): Promise<ReadResourceResponse> {
    this.reads.push(req);
    const urn = this.claim(req.type, req.name, req.parent, req.sourcePosition);
    const result = await this.mocks.newResource({
      type: req.type,
      name: req.name,
      inputs: unwrapSecrets(req.properties) as Record<string, any>,
      id: req.id,
      custom: true,
      urn,
      ...(req.provider === undefined ? {} : { provider: req.provider }),
    });
    const state = await this.stateOf(result.state ?? {}, req.properties, req.additionalSecretOutputs);
    this.resources.set(urn, { ...this.resources.get(urn)!, id: req.id, state });
    return { urn, properties: state };
  }

  /** Mock states are plain values; an output is secret when its input was or when listed. */
  private async stateOf(state: Record<string, any>, inputs: PropertyMap, additionalSecretOutputs: string[] | undefined): Promise<PropertyMap> {
    const value = await serializeValue(state, new Set(), "");
    const out: PropertyMap = isPropertyMap(value) ? value : {};
    for (const key of Object.keys(out)) {
      if (isSecretValue(inputs[key]) || additionalSecretOutputs?.includes(key)) out[key] = makeSecret(out[key]!);
    }
    return out;
  }

  async registerResourceOutputs(req: RegisterResourceOutputsRequest): Promise<void> {
    this.outputs.set(req.urn, req.outputs);
  }

  async invoke(req: InvokeRequest): Promise<InvokeResponse> {
    this.invokes.push(req);
    const result = await this.mocks.call({ token: req.token, inputs: unwrapSecrets(req.args) as Record<string, any>, ...(req.provider === undefined ? {} : { provider: req.provider }) });
    const value = await serializeValue(result, new Set(), "");
    return { return: isPropertyMap(value) ? value : {} };
  }

  async log(req: LogRequest): Promise<void> {
    this.logs.push(req);
  }
}

function where(p: SourcePosition | undefined): string {
  return p === undefined ? "an unknown position" : `${p.file}:${p.line}`;
}
