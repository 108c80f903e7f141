// A recording ResourceMonitor for the SDK's own tests: computes URNs, echoes inputs as outputs
// (plus configurable extra outputs), returns unknowns for chosen keys during preview, and keeps
// every request for assertions.
import {
  UNKNOWN,
  makeUrn,
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
} from "@cairn/protocol";

export interface RecordingOptions {
  project?: string;
  stack?: string;
  dryRun?: boolean;
  config?: Record<string, string>;
  configSecretKeys?: string[];
  configSetCommand?: string;
  rootDirectory?: string;
  /** Extra outputs per resource type. */
  extraOutputs?: Record<string, PropertyMap>;
  /** During preview, these output keys come back unknown (and so does the id). */
  unknownKeys?: string[];
  /** Read responses by id. */
  reads?: Record<string, PropertyMap>;
  delayMs?: number;
}

export class RecordingMonitor implements ResourceMonitor {
  readonly registrations: RegisterResourceRequest[] = [];
  readonly reads: ReadResourceRequest[] = [];
  readonly outputs: RegisterResourceOutputsRequest[] = [];
  readonly logs: LogRequest[] = [];
  constructor(readonly opts: RecordingOptions = {}) {}

  get project(): string {
    return this.opts.project ?? "proj";
  }
  get stack(): string {
    return this.opts.stack ?? "dev";
  }

  async handshake(): Promise<HandshakeResponse> {
    return {
      project: this.project,
      stack: this.stack,
      dryRun: this.opts.dryRun ?? false,
      config: this.opts.config ?? {},
      configSecretKeys: this.opts.configSecretKeys ?? [],
      ...(this.opts.configSetCommand === undefined ? {} : { configSetCommand: this.opts.configSetCommand }),
      ...(this.opts.rootDirectory === undefined ? {} : { rootDirectory: this.opts.rootDirectory }),
    };
  }

  async registerResource(req: RegisterResourceRequest): Promise<RegisterResourceResponse> {
    this.registrations.push(req);
    if (this.opts.delayMs !== undefined) await new Promise((r) => setTimeout(r, this.opts.delayMs));
    const urn = makeUrn({ stack: this.stack, project: this.project, type: req.type, name: req.name, ...(req.parent === undefined ? {} : { parent: req.parent }) });
    const object: PropertyMap = { ...req.object, ...(this.opts.extraOutputs?.[req.type] ?? {}) };
    const preview = this.opts.dryRun === true;
    if (preview) for (const k of this.opts.unknownKeys ?? []) if (k in object) object[k] = UNKNOWN;
    if (!req.custom) return { urn, object: {} };
    return { urn, id: preview && (this.opts.unknownKeys ?? []).length > 0 ? "" : `${req.name}-id`, object };
  }

  async registerResourceOutputs(req: RegisterResourceOutputsRequest): Promise<void> {
    this.outputs.push(req);
  }

  async readResource(req: ReadResourceRequest): Promise<ReadResourceResponse> {
    this.reads.push(req);
    const urn = makeUrn({ stack: this.stack, project: this.project, type: req.type, name: req.name, ...(req.parent === undefined ? {} : { parent: req.parent }) });
    return { urn, properties: this.opts.reads?.[req.id] ?? req.properties };
  }

  async invoke(_req: InvokeRequest): Promise<InvokeResponse> {
    return { return: {} };
  }

  async log(req: LogRequest): Promise<void> {
    this.logs.push(req);
  }

  byName(name: string): RegisterResourceRequest {
    const r = this.registrations.find((x) => x.name === name);
    if (r === undefined) throw new Error(`no registration named ${name}`);
    return r;
  }
}
