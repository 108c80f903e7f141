// The AWS Provider: configuration, then dispatch of each request to the resource's definition,
// with everything generic done here — check (schema, defaults, auto-naming), diff, preview,
// read-back after create/update, tags, waiting, "already gone" on delete, error wrapping.
import {
  CairnError, ErrorCodes, isCairnError, isSecretValue, isUnknown, makeSecret, UNKNOWN, type CheckConfigRequest, type CheckConfigResponse, type CheckRequest, type CheckResponse,
  type ConfigureRequest, type ConfigureResponse, type CreateRequest, type CreateResponse, type DeleteRequest, type DiffRequest,
  type DiffResponse, type PropertyMap, type Provider, type ProviderFactoryContext, type ProviderInvokeRequest,
  type ProviderInvokeResponse, propertyValuesEqual, ResourceInitError, type ReadRequest, type ReadResponse, type UpdateRequest, type UpdateResponse, type Urn,
} from "@cairn/protocol";
import { awsErrorInfo, isAwsError, toProviderError } from "./aws-errors.js";
import { FUNCTIONS, type FunctionDefinition } from "./functions/index.js";
import { AwsClients } from "./clients.js";
import { checkConfigInputs, resolveConfig, type Env } from "./config.js";
import { autoName } from "./naming.js";
import type { ResourceContext, ResourceDefinition } from "./resource-definition.js";
import { changedProperties, diffResource, fieldEqual } from "./resource-diff.js";
import { applyDefaults, checkFields } from "./schema-check.js";
import { mergeTags, tagsUnknown } from "./tags.js";
import { compact, plainInputs, resecret, strMap, type Plain } from "./values.js";
import { makeWaiter } from "./waiter.js";

/**
 * Where a value read from AWS means the same as the recorded one (same JSON, same rule set, an
 * empty map for no tags), keeps the recorded form, so a refresh without drift changes nothing.
 */
function keepEquivalent(def: ResourceDefinition, read: PropertyMap, recorded: PropertyMap): PropertyMap {
  const out: PropertyMap = { ...read };
  for (const [key, spec] of Object.entries(def.inputs)) {
    if (!fieldEqual(spec, recorded[key], read[key])) continue;
    if (recorded[key] === undefined || recorded[key] === null) delete out[key];
    else out[key] = recorded[key];
  }
  return out;
}

/** Wraps the definition's always-secret properties (secretOutputs) in secret markers. */
function secretsOf(def: ResourceDefinition, m: PropertyMap): PropertyMap {
  if (def.secretOutputs === undefined) return m;
  const out: PropertyMap = { ...m };
  for (const k of def.secretOutputs) {
    const v = out[k];
    if (v !== undefined && v !== null && !isSecretValue(v) && !isUnknown(v)) out[k] = makeSecret(v);
  }
  return out;
}

/**
 * On refresh, a computed input the user left unset stays unset in the inputs (the value AWS chose
 * is in the outputs), so a refresh without drift changes nothing. Import (no recorded inputs) keeps all.
 */
function withoutUnsetComputed(def: ResourceDefinition, read: PropertyMap, recorded: PropertyMap | undefined): PropertyMap {
  if (recorded === undefined) return read;
  const out: PropertyMap = { ...read };
  for (const [key, spec] of Object.entries(def.inputs)) {
    if (spec.computed === true && (recorded[key] === undefined || recorded[key] === null)) delete out[key];
  }
  return out;
}

/** A failed provider function: AWS's own error, or the function's answer that the lookup has no single result. */
function functionError(token: string, error: unknown): CairnError {
  if (isCairnError(error)) return error;
  if (error instanceof Error && error.name === "AbortError") {
    return new CairnError({ code: ErrorCodes.Cancelled, source: "user", message: `${token} was cancelled`, cause: error });
  }
  const info = awsErrorInfo(error);
  const text = error instanceof Error ? error.message : String(error);
  if (info?.httpStatus !== undefined) {
    return new CairnError({ code: ErrorCodes.ProviderError, source: "provider", message: `${token} failed: ${info.operation ?? "an AWS call"}: ${info.code}: ${info.message}`, cause: error });
  }
  if (info !== undefined) {
    return new CairnError({
      code: ErrorCodes.ProviderError, source: "provider", message: `${token} could not reach AWS: ${text}`,
      hint: "check the AWS region and endpoint settings (aws:region, aws:endpoints, AWS_ENDPOINT_URL) and network access", cause: error,
    });
  }
  return new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `${token}: ${text}`, cause: error });
}

export interface AwsProviderOptions {
  factory: ProviderFactoryContext;
  resources: readonly ResourceDefinition[];
  /** Provider functions by token; all of FUNCTIONS when unset. */
  functions?: readonly FunctionDefinition[];
  now?: () => number;
}

export class AwsProvider implements Provider {
  private readonly env: Env;
  private readonly rootDirectory: string | undefined;
  private readonly defs: Map<string, ResourceDefinition>;
  private readonly functions: Map<string, FunctionDefinition>;
  private readonly now: () => number;
  private readonly cancelled = new AbortController();
  private clientsValue: AwsClients | undefined;

  constructor(opts: AwsProviderOptions) {
    this.env = opts.factory.env ?? {};
    this.rootDirectory = opts.factory.rootDirectory;
    this.defs = new Map(opts.resources.map((d) => [d.type, d]));
    this.functions = new Map((opts.functions ?? FUNCTIONS).map((f) => [f.token, f]));
    this.now = opts.now ?? Date.now;
  }

  /** The configured clients; configure() must have run (an unconfigured provider uses env only). */
  get clients(): AwsClients {
    this.clientsValue ??= new AwsClients(resolveConfig({}, this.env));
    return this.clientsValue;
  }

  private def(type: string, urn: Urn): ResourceDefinition {
    const def = this.defs.get(type);
    if (def === undefined) {
      throw new CairnError({
        code: ErrorCodes.InvalidInput, source: "user", urn,
        message: `the aws provider has no resource type ${JSON.stringify(type)}`,
        hint: `supported types: ${[...this.defs.keys()].join(", ")}`,
      });
    }
    return def;
  }

  private context(req: { urn: Urn; type: string; timeoutMs?: number }, method: string, signal?: AbortSignal, onCreated?: (id: string) => void): ResourceContext {
    const combined = signal === undefined ? this.cancelled.signal : AbortSignal.any([signal, this.cancelled.signal]);
    const ctx: ResourceContext = {
      urn: req.urn,
      type: req.type,
      clients: this.clients,
      sendOptions: { abortSignal: combined },
      signal: combined,
      waitFor: makeWaiter({ urn: req.urn, method, timeoutMs: req.timeoutMs, signal: combined, now: this.now }),
      created: onCreated ?? (() => undefined),
    };
    if (this.rootDirectory !== undefined) ctx.rootDirectory = this.rootDirectory;
    return ctx;
  }

  private async guard<T>(req: { urn: Urn; type: string }, method: string, f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (error) {
      throw toProviderError({ error, urn: req.urn, type: req.type, method });
    }
  }

  async checkConfig(req: CheckConfigRequest): Promise<CheckConfigResponse> {
    const failures = checkConfigInputs(req.news);
    return failures.length > 0 ? { inputs: req.news, failures } : { inputs: req.news };
  }

  async configure(req: ConfigureRequest): Promise<ConfigureResponse> {
    const failures = checkConfigInputs(req.inputs);
    if (failures.length > 0) {
      throw new CairnError({
        code: ErrorCodes.ConfigInvalid, source: "user",
        message: `invalid aws provider configuration: ${failures.map((f) => f.reason).join("; ")}`,
      });
    }
    this.clientsValue?.destroy();
    this.clientsValue = new AwsClients(resolveConfig(req.inputs, this.env));
    return { acceptSecrets: true };
  }

  async check(req: CheckRequest): Promise<CheckResponse> {
    const def = this.def(req.type, req.urn);
    const failures: CheckResponse["failures"] & object = [];
    checkFields("", def.inputs, req.news, failures);
    const inputs = applyDefaults(def.inputs, req.news);
    if (def.naming !== undefined) {
      const name = autoName({ urn: req.urn, randomSeed: req.randomSeed, naming: def.naming, olds: req.olds, news: inputs });
      if (name !== undefined) inputs[def.naming.property] = name;
    }
    if (def.validate !== undefined && failures.length === 0) failures.push(...def.validate(plainInputs(inputs)));
    const checked = secretsOf(def, inputs);
    return failures.length > 0 ? { inputs: checked, failures } : { inputs: checked };
  }

  async diff(req: DiffRequest): Promise<DiffResponse> {
    const def = this.def(req.type, req.urn);
    return this.guard(req, "diff", async () => {
      const extra = def.extraDiff === undefined ? [] : await def.extraDiff(this.extraDiffRequest(req));
      return diffResource(def, req, { defaultTags: this.clients.config.defaultTags, extra });
    });
  }

  private extraDiffRequest(req: Pick<DiffRequest, "olds" | "oldInputs" | "news">): { olds: Plain; news: Plain; rootDirectory?: string } {
    const r: { olds: Plain; news: Plain; rootDirectory?: string } = { olds: plainInputs({ ...req.oldInputs, ...req.olds }), news: plainInputs(req.news) };
    if (this.rootDirectory !== undefined) r.rootDirectory = this.rootDirectory;
    return r;
  }

  /** Handler inputs: secrets unwrapped, nulls dropped, `tagsAll` merged with the default tags. */
  private handlerInputs(def: ResourceDefinition, inputs: PropertyMap): Plain {
    const plain = plainInputs(inputs);
    if (def.tags === true) plain["tagsAll"] = mergeTags(this.clients.config.defaultTags, plain["tags"]);
    return plain;
  }

  private tagsAllPreview(def: ResourceDefinition, inputs: PropertyMap): PropertyMap {
    if (def.tags !== true) return {};
    return { tagsAll: tagsUnknown(inputs["tags"]) ? UNKNOWN : mergeTags(this.clients.config.defaultTags, plainInputs(inputs)["tags"]) };
  }

  async create(req: CreateRequest, signal?: AbortSignal): Promise<CreateResponse> {
    const def = this.def(req.type, req.urn);
    if (req.preview) {
      const unknowns: PropertyMap = Object.fromEntries(def.outputs.map((k) => [k, UNKNOWN]));
      return { id: "", outputs: { ...req.inputs, ...unknowns, ...this.tagsAllPreview(def, req.inputs) } };
    }
    let madeId: string | undefined;
    try {
      return await this.guard(req, "create", () => this.createAndRead(def, req, signal, (id) => (madeId = id)));
    } catch (e) {
      if (madeId === undefined) throw e;
      const reason = e instanceof Error ? e.message : String(e);
      throw new ResourceInitError({ id: madeId, outputs: req.inputs, reasons: [reason], message: `${req.urn} was created as ${madeId} but is not fully set up: ${reason}` });
    }
  }

  private async createAndRead(def: ResourceDefinition, req: CreateRequest, signal: AbortSignal | undefined, onCreated: (id: string) => void): Promise<CreateResponse> {
    const ctx = this.context(req, "create", signal, onCreated);
    const inputs = this.handlerInputs(def, req.inputs);
    const id = await def.create(ctx, inputs);
    const read = await def.read(ctx, { id, inputs });
    if (read === undefined) {
      throw new CairnError({ code: ErrorCodes.ProviderError, source: "provider", urn: req.urn, message: `create of ${req.urn} made ${id}, but AWS does not return it when read back` });
    }
    const outputs = { ...req.inputs, ...this.computedInputs(def, req.inputs, read), ...compact(read.outputs), ...this.tagsAllOf(def, read) };
    return { id, outputs: secretsOf(def, resecret(outputs, req.inputs)) };
  }

  /** Values AWS chose for computed inputs the user left unset (e.g. a subnet's availability zone). */
  private computedInputs(def: ResourceDefinition, inputs: PropertyMap, read: { inputs: Plain }): PropertyMap {
    const out: PropertyMap = {};
    for (const [k, spec] of Object.entries(def.inputs)) {
      const v = read.inputs[k];
      if (spec.computed === true && (inputs[k] === undefined || inputs[k] === null) && v !== undefined) out[k] = v;
    }
    return out;
  }

  private tagsAllOf(def: ResourceDefinition, read: { inputs: Plain; outputs: Plain }): PropertyMap {
    return def.tags === true && read.outputs["tagsAll"] === undefined ? { tagsAll: read.inputs["tags"] ?? {} } : {};
  }

  async read(req: ReadRequest, signal?: AbortSignal): Promise<ReadResponse> {
    const def = this.def(req.type, req.urn);
    return this.guard(req, "read", async () => {
      const ctx = this.context(req, "read", signal);
      const r: { id: string; inputs?: Plain; outputs?: Plain } = { id: req.id };
      if (req.inputs !== undefined) r.inputs = plainInputs(req.inputs);
      if (req.state !== undefined) r.outputs = plainInputs(req.state);
      let read;
      try {
        read = await def.read(ctx, r);
      } catch (e) {
        if (isAwsError(e, def.notFound)) return {};
        throw e;
      }
      if (read === undefined) return {};
      const old = req.inputs ?? {};
      const inputs = resecret(keepEquivalent(def, withoutUnsetComputed(def, compact(read.inputs), req.inputs), old), old);
      const outputs = keepEquivalent(def, { ...compact(read.inputs), ...compact(read.outputs), ...this.tagsAllOf(def, read) }, req.state ?? {});
      return { id: read.id ?? req.id, inputs: secretsOf(def, inputs), outputs: secretsOf(def, resecret(outputs, old)) };
    });
  }

  async update(req: UpdateRequest, signal?: AbortSignal): Promise<UpdateResponse> {
    const def = this.def(req.type, req.urn);
    const olds = { ...req.oldInputs, ...req.olds };
    if (req.preview) return { outputs: { ...req.olds, ...req.news, ...this.tagsAllPreview(def, req.news) } };
    return this.guard(req, "update", async () => {
      const ctx = this.context(req, "update", signal);
      // Changes the input comparison cannot see (a local file's new content behind the same asset path).
      const extra = def.extraDiff === undefined ? [] : await def.extraDiff(this.extraDiffRequest(req));
      const changed = new Set([...changedProperties(def, olds, req.news, req.ignoreChanges), ...extra]);
      const news = this.handlerInputs(def, req.news);
      if (def.tags === true && !propertyValuesEqual(strMap(olds["tagsAll"]), news["tagsAll"] ?? {})) changed.add("tagsAll");
      if (def.update === undefined) {
        throw new CairnError({ code: ErrorCodes.Internal, source: "internal", urn: req.urn, message: `internal error (this is a bug in Cairn): ${req.type} has no in-place update` });
      }
      await def.update(ctx, { id: req.id, olds: plainInputs(olds), news, changed });
      const read = await def.read(ctx, { id: req.id, inputs: news });
      if (read === undefined) {
        throw new CairnError({ code: ErrorCodes.ProviderError, source: "provider", urn: req.urn, message: `update of ${req.urn}: ${req.id} no longer exists in AWS`, hint: "run `cairn refresh` and try again" });
      }
      const outputs = { ...req.news, ...this.computedInputs(def, req.news, read), ...compact(read.outputs), ...this.tagsAllOf(def, read) };
      return { outputs: secretsOf(def, resecret(outputs, req.news)) };
    });
  }

  async delete(req: DeleteRequest, signal?: AbortSignal): Promise<void> {
    const def = this.def(req.type, req.urn);
    await this.guard(req, "delete", async () => {
      const ctx = this.context(req, "delete", signal);
      const inputs = plainInputs(req.inputs);
      const outputs = plainInputs(req.outputs);
      try {
        await def.delete(ctx, { id: req.id, inputs, outputs });
      } catch (e) {
        if (!isAwsError(e, def.notFound)) throw e;
      }
      if (def.skipDeleteWait === true) return;
      await ctx.waitFor({
        what: `${req.id} to be deleted`,
        done: async () => {
          try {
            return (await def.read(ctx, { id: req.id, inputs, outputs })) === undefined;
          } catch (e) {
            if (isAwsError(e, def.notFound)) return true;
            throw e;
          }
        },
      });
    });
  }

  async invoke(req: ProviderInvokeRequest, signal?: AbortSignal): Promise<ProviderInvokeResponse> {
    const fn = this.functions.get(req.token);
    if (fn === undefined) {
      return { return: {}, failures: [{ property: "", reason: `the aws provider has no function ${JSON.stringify(req.token)}; it has ${[...this.functions.keys()].join(", ")}` }] };
    }
    const args = plainInputs(req.args);
    const failures = fn.check(args);
    if (failures.length > 0) return { return: {}, failures };
    const combined = signal === undefined ? this.cancelled.signal : AbortSignal.any([signal, this.cancelled.signal]);
    try {
      return { return: await fn.call({ clients: this.clients, sendOptions: { abortSignal: combined } }, args) };
    } catch (error) {
      throw functionError(req.token, error);
    }
  }

  async cancel(): Promise<void> {
    this.cancelled.abort(new CairnError({ code: ErrorCodes.Cancelled, source: "user", message: "the aws provider was cancelled" }));
  }
}
