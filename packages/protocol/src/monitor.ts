// The program <-> engine seam. A program talks to the engine only through a ResourceMonitor; every
// request and response is a JSON-serializable object, so the same seam can later cross a process
// boundary for programs in other languages.
import type { PropertyMap, PropertyValue } from "./property-value.js";
import type { ProviderReference, Urn } from "./urn.js";

/** Where in the user's program a resource was declared (for errors and displays). */
export interface SourcePosition {
  file: string;
  line: number;
  column?: number;
}

export interface CustomTimeouts {
  /** Durations such as "30s", "5m", "1h". */
  create?: string;
  update?: string;
  delete?: string;
}

/** A previous identity of a resource: its full URN, or the parts that changed. */
export type AliasSpec =
  | { urn: Urn }
  | { name?: string; type?: string; project?: string; stack?: string; parent?: Urn; noParent?: boolean };

export interface HandshakeRequest {
  /** The SDK's name and version, for diagnostics. */
  sdk: string;
  sdkVersion: string;
}

export interface HandshakeResponse {
  project: string;
  stack: string;
  organization?: string;
  /** True during preview: outputs of changed resources come back unknown. */
  dryRun: boolean;
  /** Stack config as "namespace:key" -> string (JSON text for objects); secrets already decrypted. */
  config: Record<string, string>;
  /** Config keys whose values are secret. */
  configSecretKeys: string[];
  /** The directory of the program, for resolving relative asset paths. */
  rootDirectory?: string;
  /** The command that sets a config value, used in error messages ("cairn config set"). */
  configSetCommand?: string;
}

/** The options every registration carries (see ResourceOptions in the SDK). */
export interface RegisterResourceOptions {
  protect?: boolean;
  deleteBeforeReplace?: boolean;
  ignoreChanges?: string[];
  replaceOnChanges?: string[];
  aliases?: AliasSpec[];
  retainOnDelete?: boolean;
  deletedWith?: Urn;
  customTimeouts?: CustomTimeouts;
  /** Adopt an existing cloud resource with this ID instead of creating it. */
  importId?: string;
  additionalSecretOutputs?: string[];
  /** Version of the provider package to use. */
  version?: string;
  /** Provider package download URL (ignored by Cairn, accepted for compatibility). */
  pluginDownloadURL?: string;
}

export interface RegisterResourceRequest extends RegisterResourceOptions {
  type: string;
  name: string;
  /** True for resources managed by a provider; false for components (and the root stack). */
  custom: boolean;
  parent?: Urn;
  /** Input properties with all Outputs resolved (unknowns and secrets as markers). */
  object: PropertyMap;
  /** URNs this resource depends on (dependsOn plus every Output used in its inputs). */
  dependencies: Urn[];
  /** For each input property, the URNs its value came from. */
  propertyDependencies: Record<string, Urn[]>;
  /** Explicit provider for a custom resource. */
  provider?: ProviderReference;
  /** Providers per package for a component's children. */
  providers?: Record<string, ProviderReference>;
  sourcePosition?: SourcePosition;
}

export interface RegisterResourceResponse {
  urn: Urn;
  /** The provider-assigned ID; absent for components, unknown-as-"" during preview of a create. */
  id?: string;
  /** Output properties; may contain unknown markers during preview. */
  object: PropertyMap;
  /** Output names known not to change during an update (for preview). */
  stables?: string[];
  /** Dependencies of each output on other resources (rarely used). */
  propertyDependencies?: Record<string, Urn[]>;
}

export interface RegisterResourceOutputsRequest {
  urn: Urn;
  outputs: PropertyMap;
}

export interface ReadResourceRequest {
  type: string;
  name: string;
  id: string;
  parent?: Urn;
  /** Extra state properties that help the provider read the resource. */
  properties: PropertyMap;
  dependencies: Urn[];
  provider?: ProviderReference;
  version?: string;
  additionalSecretOutputs?: string[];
  sourcePosition?: SourcePosition;
}

export interface ReadResourceResponse {
  urn: Urn;
  properties: PropertyMap;
}

export interface InvokeRequest {
  /** The function token, e.g. "aws:ec2/getAmi:getAmi". */
  token: string;
  args: PropertyMap;
  provider?: ProviderReference;
  version?: string;
}

export interface CheckFailure {
  /** The input property at fault ("" for the resource as a whole). */
  property: string;
  reason: string;
}

export interface InvokeResponse {
  return: PropertyMap;
  failures?: CheckFailure[];
}

/** What a program sees of the engine. */
export interface ResourceMonitor {
  handshake(req: HandshakeRequest): Promise<HandshakeResponse>;
  registerResource(req: RegisterResourceRequest): Promise<RegisterResourceResponse>;
  registerResourceOutputs(req: RegisterResourceOutputsRequest): Promise<void>;
  readResource(req: ReadResourceRequest): Promise<ReadResourceResponse>;
  invoke(req: InvokeRequest): Promise<InvokeResponse>;
  /** Log messages from the program (`log.info` and friends). */
  log(req: LogRequest): Promise<void>;
}

export type LogLevel = "debug" | "info" | "warning" | "error";

export interface LogRequest {
  level: LogLevel;
  message: string;
  urn?: Urn;
}

/** The value the SDK sends for an input that has no value yet (kept distinct from `null`). */
export type InputValue = PropertyValue | undefined;
