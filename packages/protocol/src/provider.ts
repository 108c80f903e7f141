// The engine <-> provider seam. Every provider (random, command, AWS, Kubernetes, PostgreSQL and
// dynamic providers) implements this one interface: one request object in, one response out,
// with an AbortSignal for cancellation.
import type { CheckFailure, CustomTimeouts } from "./monitor.js";
import type { PropertyMap } from "./property-value.js";
import type { Urn } from "./urn.js";

export type { CheckFailure } from "./monitor.js";

export interface CheckConfigRequest {
  urn: Urn;
  olds: PropertyMap;
  news: PropertyMap;
}
export interface CheckConfigResponse {
  inputs: PropertyMap;
  failures?: CheckFailure[];
}

export interface ConfigureRequest {
  /** The provider's configuration (e.g. `region` for "aws:region"), secrets unwrapped. */
  inputs: PropertyMap;
  preview: boolean;
}
export interface ConfigureResponse {
  /** The provider accepts secret markers in inputs and returns them in outputs. */
  acceptSecrets?: boolean;
}

export interface CheckRequest {
  urn: Urn;
  type: string;
  /** Inputs recorded in state (empty for a new resource). */
  olds: PropertyMap;
  news: PropertyMap;
  /** Stable per-resource seed for auto-naming, so repeated checks pick the same name. */
  randomSeed: string;
}
export interface CheckResponse {
  /** The validated inputs with defaults applied. */
  inputs: PropertyMap;
  /** Every problem found, all at once. */
  failures?: CheckFailure[];
}

export type DiffKind = "add" | "add-replace" | "update" | "update-replace" | "delete" | "delete-replace";

export interface PropertyDiff {
  kind: DiffKind;
  /** True when the difference is between old inputs and new inputs (not old outputs). */
  inputDiff?: boolean;
}

export interface DiffRequest {
  urn: Urn;
  type: string;
  id: string;
  /** Old outputs recorded in state. */
  olds: PropertyMap;
  oldInputs: PropertyMap;
  /** New checked inputs. */
  news: PropertyMap;
  ignoreChanges: string[];
}
export interface DiffResponse {
  changes: "none" | "some" | "unknown";
  /** Top-level property names whose change forces replacement. */
  replaces?: string[];
  /** Output names that will not change. */
  stables?: string[];
  /** The provider requires delete-before-replace for this resource. */
  deleteBeforeReplace?: boolean;
  /** Changed properties by path ("tags.env", "rules[0].port"). */
  detailedDiff?: Record<string, PropertyDiff>;
  /** Changed top-level keys. */
  diffs?: string[];
}

export interface CreateRequest {
  urn: Urn;
  type: string;
  inputs: PropertyMap;
  timeoutMs?: number;
  /** True during preview: return the expected outputs without creating anything. */
  preview: boolean;
}
export interface CreateResponse {
  /** The provider-assigned ID ("" during preview). */
  id: string;
  outputs: PropertyMap;
}

export interface ReadRequest {
  urn: Urn;
  type: string;
  id: string;
  /** Recorded inputs, when known (refresh); absent for import and `get`. */
  inputs?: PropertyMap;
  /** Recorded outputs, when known. */
  state?: PropertyMap;
}
export interface ReadResponse {
  /** Absent when the resource no longer exists. */
  id?: string;
  /** Inputs that would produce this resource (so refresh shows drift and import can adopt it). */
  inputs?: PropertyMap;
  outputs?: PropertyMap;
}

export interface UpdateRequest {
  urn: Urn;
  type: string;
  id: string;
  olds: PropertyMap;
  oldInputs: PropertyMap;
  news: PropertyMap;
  timeoutMs?: number;
  ignoreChanges: string[];
  preview: boolean;
}
export interface UpdateResponse {
  outputs: PropertyMap;
}

export interface DeleteRequest {
  urn: Urn;
  type: string;
  id: string;
  inputs: PropertyMap;
  outputs: PropertyMap;
  timeoutMs?: number;
}

export interface ProviderInvokeRequest {
  token: string;
  args: PropertyMap;
}
export interface ProviderInvokeResponse {
  return: PropertyMap;
  failures?: CheckFailure[];
}

/** One Provider instance serves one configured provider resource (default or explicit). */
export interface Provider {
  checkConfig(req: CheckConfigRequest, signal?: AbortSignal): Promise<CheckConfigResponse>;
  configure(req: ConfigureRequest, signal?: AbortSignal): Promise<ConfigureResponse>;
  check(req: CheckRequest, signal?: AbortSignal): Promise<CheckResponse>;
  diff(req: DiffRequest, signal?: AbortSignal): Promise<DiffResponse>;
  create(req: CreateRequest, signal?: AbortSignal): Promise<CreateResponse>;
  read(req: ReadRequest, signal?: AbortSignal): Promise<ReadResponse>;
  update(req: UpdateRequest, signal?: AbortSignal): Promise<UpdateResponse>;
  delete(req: DeleteRequest, signal?: AbortSignal): Promise<void>;
  invoke(req: ProviderInvokeRequest, signal?: AbortSignal): Promise<ProviderInvokeResponse>;
  /** Asks the provider to stop all work in flight (a second Ctrl-C). */
  cancel(): Promise<void>;
}

/** How a provider package is loaded: `provider` entry point exports `createProvider`. */
export interface ProviderFactoryContext {
  /** The package name, e.g. "aws". */
  package: string;
  version?: string;
  /** The directory of the program, for resolving relative paths. */
  rootDirectory?: string;
  /**
   * The environment the host passes to the provider (e.g. the base environment of commands a
   * provider runs). Providers are libraries and never read process.env themselves.
   */
  env?: Record<string, string | undefined>;
}
export type ProviderFactory = (ctx: ProviderFactoryContext) => Provider;

/**
 * Thrown by create/update when the resource was made but is not healthy: the engine records the
 * partial state (so nothing is leaked) and reports the reasons.
 */
export class ResourceInitError extends Error {
  readonly id: string;
  readonly outputs: PropertyMap;
  readonly reasons: string[];
  constructor(req: { id: string; outputs: PropertyMap; reasons: string[]; message?: string }) {
    super(req.message ?? req.reasons.join("; "));
    this.name = "ResourceInitError";
    this.id = req.id;
    this.outputs = req.outputs;
    this.reasons = req.reasons;
  }
}

/** Parses "30s", "5m", "1h30m", "250ms" into milliseconds; undefined for an empty value. */
export function parseDuration(text: string | undefined): number | undefined {
  if (text === undefined || text === "") return undefined;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    const n = Number(m[1]);
    total += n * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const)[m[2] as "ms" | "s" | "m" | "h"];
    consumed += m[0].length;
  }
  if (consumed !== text.length) throw new TypeError(`invalid duration ${JSON.stringify(text)}: use forms like "30s", "5m" or "1h30m"`);
  return total;
}

export function timeoutFor(op: "create" | "update" | "delete", timeouts: CustomTimeouts | undefined): number | undefined {
  return parseDuration(timeouts?.[op]);
}
