// The per-resource definition pattern: a resource is its type token, an input schema (which says
// how each property is validated and whether a change updates in place or replaces), and four
// handlers. The provider (aws-provider.ts) supplies everything generic: check, auto-naming, tags,
// diff, preview, read-back after create/update, waiting, "already gone" on delete, error wrapping.
import type { CheckFailure, PropertyValue, Urn } from "@cairn/protocol";
import type { AwsClients } from "./clients.js";
import type { Plain } from "./values.js";

export type FieldKind =
  | "string" | "number" | "boolean" | "stringMap" | "stringList" | "object" | "objectList"
  /** A JSON document given as a string or as an object (policies). */
  | "json"
  /** An asset or archive marker. */
  | "asset";

export interface FieldSpec {
  kind: FieldKind;
  required?: boolean;
  /** A change replaces the resource instead of updating it in place. */
  forceNew?: boolean;
  /** AWS picks a value when unset: leaving it unset is never a change. */
  computed?: boolean;
  /** Applied by check when the user sets nothing. */
  default?: PropertyValue;
  /** Allowed values of a string field. */
  oneOf?: readonly string[];
  /** Nested fields of an "object" or each element of an "objectList". */
  fields?: Record<string, FieldSpec>;
  /** Semantic equality used by diff (e.g. JSON documents, rule sets); defaults to deep equality. */
  equal?: (a: PropertyValue | undefined, b: PropertyValue | undefined) => boolean;
}

export interface NamingSpec {
  /** The physical-name property ("bucket", "name"). */
  property: string;
  /** The property holding a user-chosen prefix ("bucketPrefix", "namePrefix"). */
  prefixProperty?: string;
  maxLength: number;
  lowercase?: boolean;
  /** Use the logical name as is, without the random suffix (e.g. an S3 object key). */
  noSuffix?: boolean;
}

export interface WaitRequest {
  /** What is awaited, for the timeout message ("VPC vpc-123 to become available"). */
  what: string;
  /** Resolves true when done. */
  done: () => Promise<boolean>;
  intervalMs?: number;
}

/** What every handler gets: clients, the resource's URN, cancellation and the wait helper. */
export interface ResourceContext {
  urn: Urn;
  type: string;
  clients: AwsClients;
  /** Pass to every `client.send(command, ctx.sendOptions)` so cancellation reaches AWS calls. */
  sendOptions: { abortSignal?: AbortSignal };
  signal?: AbortSignal;
  /** The program directory, for resolving relative asset paths. */
  rootDirectory?: string;
  /** Polls until `done` or the operation's custom timeout; throws a CairnError Timeout. */
  waitFor(req: WaitRequest): Promise<void>;
  /**
   * Create handlers call this as soon as AWS has made the resource, so a failure in a later step
   * (tags, attributes, waiting) is reported with the ID and the resource is kept in state.
   */
  created(id: string): void;
}

export interface ReadResult {
  /** The ID, when read by another form of ID (import) — defaults to the requested ID. */
  id?: string;
  /** Inputs that would produce this resource as it is now. */
  inputs: Plain;
  /** Output-only properties. */
  outputs: Plain;
}

export interface ResourceDefinition {
  type: string;
  inputs: Record<string, FieldSpec>;
  /** Output-only property names: unknown during preview of a create. */
  outputs: readonly string[];
  naming?: NamingSpec;
  /** The resource has `tags` input and `tagsAll` output merged with aws:defaultTags. */
  tags?: boolean;
  deleteBeforeReplace?: boolean;
  /** AWS error codes (or "404") meaning the resource is gone. */
  notFound: readonly string[];
  /** Cross-field validation, on inputs with secrets unwrapped (unknowns may appear as markers). */
  validate?: (inputs: Plain) => CheckFailure[];
  /** Extra changed top-level properties the input comparison cannot see (e.g. content drift). */
  extraDiff?: (req: { olds: Plain; news: Plain; rootDirectory?: string }) => Promise<string[]>;
  /** Creates the resource and waits until it is ready; returns its ID. Inputs carry `tagsAll`. */
  create(ctx: ResourceContext, inputs: Plain): Promise<string>;
  /** Reads the resource; undefined (or a notFound error) when it is gone. */
  read(ctx: ResourceContext, req: { id: string; inputs?: Plain; outputs?: Plain }): Promise<ReadResult | undefined>;
  /** Applies the changed properties in place. Absent when every property forces replacement. */
  update?(ctx: ResourceContext, req: { id: string; olds: Plain; news: Plain; changed: ReadonlySet<string> }): Promise<void>;
  /** Deletes the resource; notFound errors count as success and the provider waits until it is gone. */
  delete(ctx: ResourceContext, req: { id: string; inputs: Plain; outputs: Plain }): Promise<void>;
  /** Skip the generic wait-until-gone after delete. */
  skipDeleteWait?: boolean;
  /** Properties that are always secret: in checked inputs (so state keeps them encrypted), inputs read back and outputs. */
  secretOutputs?: readonly string[];
}

/** Identity helper that keeps the definition's type checked. */
export function defineResource(def: ResourceDefinition): ResourceDefinition {
  return def;
}
