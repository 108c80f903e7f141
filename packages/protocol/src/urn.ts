// URNs name every resource in a stack: urn:cairn:<stack>::<project>::<qualified type>::<name>.
// The qualified type carries the parent type chain ("my:comp$aws:s3/bucket:Bucket"), so one
// component can be instantiated many times in a stack without collisions.

/** A resource's unique name within a stack. */
export type Urn = string;

export const URN_PREFIX = "urn:cairn:";
/** The type of the root resource every program run registers; its outputs are the stack outputs. */
export const ROOT_STACK_TYPE = "cairn:cairn:Stack";
/** The type of the built-in resource that reads another stack's outputs. */
export const STACK_REFERENCE_TYPE = "cairn:cairn:StackReference";
/** Provider resources have the type `cairn:providers:<package>`. */
export const PROVIDER_TYPE_PREFIX = "cairn:providers:";

export interface UrnParts {
  stack: string;
  project: string;
  /** The parent type chain and the resource type joined with `$`. */
  qualifiedType: string;
  /** The resource's own type (the last element of the qualified type). */
  type: string;
  /** The parent's qualified type, or "" for resources directly under the stack. */
  parentType: string;
  name: string;
}

export interface MakeUrnRequest {
  stack: string;
  project: string;
  type: string;
  name: string;
  /** The parent's URN; children of the root stack resource do not carry its type. */
  parent?: Urn;
}

export function makeUrn(req: MakeUrnRequest): Urn {
  let qualifiedType = req.type;
  if (req.parent !== undefined) {
    const parent = parseUrn(req.parent);
    if (parent.type !== ROOT_STACK_TYPE) qualifiedType = `${parent.qualifiedType}$${req.type}`;
  }
  return `${URN_PREFIX}${req.stack}::${req.project}::${qualifiedType}::${req.name}`;
}

export function isUrn(value: unknown): value is Urn {
  return typeof value === "string" && value.startsWith(URN_PREFIX) && hasSeparators(value, 3);
}

/** True when `s` holds at least `n` non-overlapping "::" (as `s.split("::").length > n`), without splitting. */
function hasSeparators(s: string, n: number): boolean {
  let at = -2;
  for (let i = 0; i < n; i++) {
    at = s.indexOf("::", at + 2);
    if (at < 0) return false;
  }
  return true;
}

/** Splits a URN into its parts; throws a TypeError naming the value when it is not a URN. */
export function parseUrn(urn: Urn): UrnParts {
  if (!urn.startsWith(URN_PREFIX)) throw new TypeError(`not a Cairn URN: ${JSON.stringify(urn)}`);
  const rest = urn.slice(URN_PREFIX.length);
  const parts = rest.split("::");
  if (parts.length < 4) throw new TypeError(`not a Cairn URN: ${JSON.stringify(urn)}`);
  const [stack, project, qualifiedType] = parts as [string, string, string];
  // Names may themselves contain "::"; everything after the type is the name.
  const name = parts.slice(3).join("::");
  const dollar = qualifiedType.lastIndexOf("$");
  return {
    stack,
    project,
    qualifiedType,
    type: dollar < 0 ? qualifiedType : qualifiedType.slice(dollar + 1),
    parentType: dollar < 0 ? "" : qualifiedType.slice(0, dollar),
    name,
  };
}

export function urnType(urn: Urn): string {
  return parseUrn(urn).type;
}

export function urnName(urn: Urn): string {
  return parseUrn(urn).name;
}

/** The package a type belongs to: "aws" for "aws:s3/bucket:Bucket", "aws" for "cairn:providers:aws". */
export function typePackage(type: string): string {
  if (type.startsWith(PROVIDER_TYPE_PREFIX)) return type.slice(PROVIDER_TYPE_PREFIX.length);
  const colon = type.indexOf(":");
  return colon < 0 ? type : type.slice(0, colon);
}

export function isProviderType(type: string): boolean {
  return type.startsWith(PROVIDER_TYPE_PREFIX);
}

/**
 * A provider reference names the provider resource that manages a resource: `<provider urn>::<id>`.
 * Resources that use a default provider reference `urn:cairn:...::cairn:providers:<pkg>::default_...`.
 */
export type ProviderReference = string;

export function makeProviderReference(urn: Urn, id: string): ProviderReference {
  return `${urn}::${id}`;
}

export function parseProviderReference(ref: ProviderReference): { urn: Urn; id: string } {
  const at = ref.lastIndexOf("::");
  if (at < 0 || !isUrn(ref.slice(0, at))) throw new TypeError(`not a provider reference: ${JSON.stringify(ref)}`);
  return { urn: ref.slice(0, at), id: ref.slice(at + 2) };
}

/** Default providers are named after their package and version: `default` or `default_1_2_3`. */
export function defaultProviderName(version?: string): string {
  return version ? `default_${version.replace(/[.-]/g, "_")}` : "default";
}
