// FakeProvider: a programmable Provider over an in-memory "cloud" (id -> resource) for engine
// tests, lifecycle tests and fault tests. Latency, failures on chosen calls, gates that hold a call
// at a chosen point, drift, replace-on-change properties, delete-before-replace, and a call log.
import { createHash } from "node:crypto";
import {
  CairnError,
  ErrorCodes,
  ResourceInitError,
  UNKNOWN,
  propertyValuesEqual,
  urnName,
  type CheckFailure,
  type CheckConfigRequest,
  type CheckConfigResponse,
  type CheckRequest,
  type CheckResponse,
  type ConfigureRequest,
  type ConfigureResponse,
  type CreateRequest,
  type CreateResponse,
  type DeleteRequest,
  type DiffRequest,
  type DiffResponse,
  type PropertyDiff,
  type PropertyMap,
  type Provider,
  type ProviderInvokeRequest,
  type ProviderInvokeResponse,
  type ReadRequest,
  type ReadResponse,
  type UpdateRequest,
  type UpdateResponse,
} from "@cairn/protocol";

export type FakeOp = "checkConfig" | "configure" | "check" | "diff" | "create" | "read" | "update" | "delete" | "invoke";

export interface FakeCall {
  /** 1-based position in this provider's call log. */
  seq: number;
  op: FakeOp;
  urn?: string;
  type?: string;
  id?: string;
  preview?: boolean;
  inputs?: PropertyMap;
}

export interface FakeCloudResource {
  id: string;
  urn: string;
  type: string;
  inputs: PropertyMap;
  outputs: PropertyMap;
}

/** The fake cloud: what "really" exists. Several FakeProvider instances may share one. */
export class FakeCloud {
  readonly resources = new Map<string, FakeCloudResource>();
  private next = 1;

  newId(type: string): string {
    const short = type.split(":").pop() ?? "res";
    return `${short.toLowerCase()}-${this.next++}`;
  }

  get(id: string): FakeCloudResource | undefined {
    return this.resources.get(id);
  }

  byName(name: string): FakeCloudResource[] {
    return [...this.resources.values()].filter((r) => urnName(r.urn) === name);
  }

  /** Changes a resource behind Cairn's back (drift): the patch lands in inputs and outputs. */
  drift(id: string, patch: PropertyMap): void {
    const r = this.resources.get(id);
    if (!r) throw new Error(`fake cloud has no resource ${id}`);
    r.inputs = { ...r.inputs, ...patch };
    r.outputs = { ...r.outputs, ...patch };
  }

  /** Deletes a resource behind Cairn's back. */
  remove(id: string): void {
    this.resources.delete(id);
  }
}

export interface FailureRule {
  op?: FakeOp | FakeOp[];
  urn?: string;
  /** Matches the resource name (the last part of the URN). */
  name?: string;
  /** Fails only the nth call (1-based) that matches the other conditions. */
  nth?: number;
  when?: (call: FakeCall) => boolean;
  /** The error message (default: "injected failure"). */
  message?: string;
  /** For create/update: do the work, then throw ResourceInitError (a half-made resource). */
  initError?: boolean;
  /** How many times the rule fires (default: unlimited). */
  times?: number;
}

/** Holds matching calls at a point until `open()` (or until the call's signal aborts). */
export interface Gate {
  /** Resolves with the first call that reached the gate. */
  readonly reached: Promise<FakeCall>;
  open(): void;
}

export interface FakeProviderOptions {
  cloud?: FakeCloud;
  /** Per-call latency in ms (half before the effect, half after), or a function of the call. */
  latencyMs?: number | ((call: FakeCall) => number);
  /** Properties whose change forces replacement: for every type, or per type. */
  replaceOnChanges?: string[] | Record<string, string[]>;
  /** The provider requires delete-before-replace. */
  deleteBeforeReplace?: boolean;
  /** Validation: failures returned by check. */
  /**
   * An input the provider names itself when the program leaves it out, as cloud providers
   * auto-name: kept from the old inputs, else `<name>-<7 hex of the check's randomSeed>`.
   */
  autoName?: string;
  checkFailures?: (news: PropertyMap, call: FakeCall) => CheckFailure[];
}

interface ArmedRule extends FailureRule {
  matched: number;
  fired: number;
}

interface ArmedGate {
  match: (call: FakeCall) => boolean;
  where: "before" | "after";
  opened: Promise<void>;
  open: () => void;
  reach: (call: FakeCall) => void;
}

function matches(rule: Pick<FailureRule, "op" | "urn" | "name" | "when">, call: FakeCall): boolean {
  if (rule.op !== undefined && !(Array.isArray(rule.op) ? rule.op.includes(call.op) : rule.op === call.op)) return false;
  if (rule.urn !== undefined && rule.urn !== call.urn) return false;
  if (rule.name !== undefined && (call.urn === undefined || urnName(call.urn) !== rule.name)) return false;
  if (rule.when && !rule.when(call)) return false;
  return true;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error("aborted"));
    if (ms <= 0) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(t);
      reject(signal.reason ?? new Error("aborted"));
    }, { once: true });
  });
}

function waitOrAbort(p: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return p;
  return Promise.race([p, sleep(2 ** 31 - 1, signal)]);
}

export class FakeProvider implements Provider {
  readonly cloud: FakeCloud;
  readonly calls: FakeCall[] = [];
  /** The configuration from the last configure call. */
  config: PropertyMap | undefined;
  /** Calls in flight now, and the most there ever were at once. */
  inFlight = 0;
  maxInFlight = 0;
  private readonly rules: ArmedRule[] = [];
  private readonly gates: ArmedGate[] = [];

  constructor(private readonly opts: FakeProviderOptions = {}) {
    this.cloud = opts.cloud ?? new FakeCloud();
  }

  /** Makes matching calls fail. */
  failOn(rule: FailureRule): this {
    this.rules.push({ ...rule, matched: 0, fired: 0 });
    return this;
  }

  /** Holds matching calls before (or after) their effect until the gate opens. */
  gate(rule: Pick<FailureRule, "op" | "urn" | "name" | "when"> & { where?: "before" | "after" }): Gate {
    let open!: () => void;
    let reach!: (call: FakeCall) => void;
    const opened = new Promise<void>((r) => (open = r));
    const reached = new Promise<FakeCall>((r) => (reach = r));
    this.gates.push({ match: (c) => matches(rule, c), where: rule.where ?? "before", opened, open, reach });
    return { reached, open };
  }

  /** The mutating calls (create/update/delete, not previews) as "op name" strings, in order. */
  mutations(): string[] {
    return this.calls.filter((c) => (c.op === "create" || c.op === "update" || c.op === "delete") && !c.preview).map((c) => `${c.op} ${c.urn ? urnName(c.urn) : ""}`);
  }

  private log(call: Omit<FakeCall, "seq">): FakeCall {
    const full = { ...call, seq: this.calls.length + 1 };
    this.calls.push(full);
    return full;
  }

  private failure(call: FakeCall): ArmedRule | undefined {
    for (const rule of this.rules) {
      if (!matches(rule, call)) continue;
      rule.matched++;
      if (rule.nth !== undefined && rule.matched !== rule.nth) continue;
      if (rule.times !== undefined && rule.fired >= rule.times) continue;
      rule.fired++;
      return rule;
    }
    return undefined;
  }

  private latency(call: FakeCall): number {
    const l = this.opts.latencyMs;
    return typeof l === "function" ? l(call) : l ?? 0;
  }

  /** Runs a call: first half of latency, gate "before", failure check, effect, gate "after", second half. */
  private async run<T>(call: FakeCall, signal: AbortSignal | undefined, effect: (rule: ArmedRule | undefined) => T): Promise<T> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      return await this.runInner(call, signal, effect);
    } finally {
      this.inFlight--;
    }
  }

  private async runInner<T>(call: FakeCall, signal: AbortSignal | undefined, effect: (rule: ArmedRule | undefined) => T): Promise<T> {
    const half = this.latency(call) / 2;
    await sleep(half, signal);
    await this.pass(call, "before", signal);
    const rule = this.failure(call);
    if (rule && !rule.initError) throw new CairnError({ code: ErrorCodes.ProviderError, source: "provider", ...(call.urn ? { urn: call.urn } : {}), message: rule.message ?? `injected failure in ${call.op}` });
    const out = effect(rule);
    await this.pass(call, "after", signal);
    await sleep(half, signal);
    return out;
  }

  private async pass(call: FakeCall, where: "before" | "after", signal: AbortSignal | undefined): Promise<void> {
    for (const g of this.gates) {
      if (g.where !== where || !g.match(call)) continue;
      g.reach(call);
      await waitOrAbort(g.opened, signal);
    }
  }

  private replaceKeys(type: string): string[] {
    const r = this.opts.replaceOnChanges;
    if (!r) return [];
    return Array.isArray(r) ? r : r[type] ?? [];
  }

  async checkConfig(req: CheckConfigRequest): Promise<CheckConfigResponse> {
    this.log({ op: "checkConfig", urn: req.urn, inputs: req.news });
    return { inputs: req.news };
  }

  async configure(req: ConfigureRequest): Promise<ConfigureResponse> {
    this.log({ op: "configure", inputs: req.inputs, preview: req.preview });
    this.config = req.inputs;
    return { acceptSecrets: true };
  }

  async check(req: CheckRequest, signal?: AbortSignal): Promise<CheckResponse> {
    const call = this.log({ op: "check", urn: req.urn, type: req.type, inputs: req.news });
    return this.run(call, signal, () => {
      const failures = this.opts.checkFailures?.(req.news, call) ?? [];
      const inputs = this.autoNamed(req);
      return failures.length > 0 ? { inputs, failures } : { inputs };
    });
  }

  private autoNamed(req: CheckRequest): PropertyMap {
    const key = this.opts.autoName;
    if (key === undefined || req.news[key] !== undefined) return req.news;
    const name = req.olds[key] ?? `${urnName(req.urn)}-${createHash("sha256").update(req.randomSeed).digest("hex").slice(0, 7)}`;
    return { ...req.news, [key]: name };
  }

  async diff(req: DiffRequest, signal?: AbortSignal): Promise<DiffResponse> {
    const call = this.log({ op: "diff", urn: req.urn, type: req.type, id: req.id, inputs: req.news });
    return this.run(call, signal, () => {
      const keys = [...new Set([...Object.keys(req.oldInputs), ...Object.keys(req.news)])].sort();
      const changed = keys.filter((k) => !propertyValuesEqual(req.oldInputs[k], req.news[k]));
      if (changed.length === 0) return { changes: "none" as const };
      const replaceOn = this.replaceKeys(req.type);
      const replaces = changed.filter((k) => replaceOn.includes(k));
      const detailedDiff: Record<string, PropertyDiff> = {};
      for (const k of changed) {
        const base = req.oldInputs[k] === undefined ? "add" : req.news[k] === undefined ? "delete" : "update";
        detailedDiff[k] = { kind: replaces.includes(k) ? (`${base}-replace` as PropertyDiff["kind"]) : base, inputDiff: true };
      }
      const res: DiffResponse = { changes: "some", diffs: changed, detailedDiff };
      if (replaces.length > 0) {
        res.replaces = replaces;
        if (this.opts.deleteBeforeReplace) res.deleteBeforeReplace = true;
      }
      return res;
    });
  }

  async create(req: CreateRequest, signal?: AbortSignal): Promise<CreateResponse> {
    const call = this.log({ op: "create", urn: req.urn, type: req.type, inputs: req.inputs, preview: req.preview });
    return this.run(call, signal, (rule) => {
      if (req.preview) return { id: "", outputs: { ...req.inputs, arn: UNKNOWN } };
      const id = this.cloud.newId(req.type);
      const outputs = { ...req.inputs, arn: `arn:fake:${req.type}:${id}` };
      this.cloud.resources.set(id, { id, urn: req.urn, type: req.type, inputs: req.inputs, outputs });
      if (rule?.initError) throw new ResourceInitError({ id, outputs, reasons: [rule.message ?? "injected init failure"] });
      return { id, outputs };
    });
  }

  async read(req: ReadRequest, signal?: AbortSignal): Promise<ReadResponse> {
    const call = this.log({ op: "read", urn: req.urn, type: req.type, id: req.id });
    return this.run(call, signal, () => {
      const r = this.cloud.get(req.id);
      return r ? { id: r.id, inputs: r.inputs, outputs: r.outputs } : {};
    });
  }

  async update(req: UpdateRequest, signal?: AbortSignal): Promise<UpdateResponse> {
    const call = this.log({ op: "update", urn: req.urn, type: req.type, id: req.id, inputs: req.news, preview: req.preview });
    return this.run(call, signal, (rule) => {
      const outputs = { ...req.news, arn: req.olds["arn"] ?? UNKNOWN };
      if (req.preview) return { outputs };
      const r = this.cloud.get(req.id);
      if (!r) throw new CairnError({ code: ErrorCodes.ProviderError, source: "provider", urn: req.urn, message: `update of ${req.urn}: no resource with ID ${req.id}` });
      r.inputs = req.news;
      r.outputs = { ...req.news, arn: r.outputs["arn"] ?? null };
      if (rule?.initError) throw new ResourceInitError({ id: r.id, outputs: r.outputs, reasons: [rule.message ?? "injected init failure"] });
      return { outputs: r.outputs };
    });
  }

  async delete(req: DeleteRequest, signal?: AbortSignal): Promise<void> {
    const call = this.log({ op: "delete", urn: req.urn, type: req.type, id: req.id });
    await this.run(call, signal, () => {
      this.cloud.remove(req.id);
    });
  }

  async invoke(req: ProviderInvokeRequest, signal?: AbortSignal): Promise<ProviderInvokeResponse> {
    const call = this.log({ op: "invoke", inputs: req.args });
    return this.run(call, signal, () => ({ return: { token: req.token, args: req.args, count: this.cloud.resources.size } }));
  }

  async cancel(): Promise<void> {
    // Calls in flight observe their aborted signals.
  }
}
