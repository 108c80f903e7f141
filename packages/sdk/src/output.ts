// Output<T>: a value that becomes known once resources are registered, carrying whether it is
// known (unknown during preview), whether it is secret, and which resources it came from. Apply
// callbacks run only on known values; property access is lifted through a Proxy.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { Resource } from "./resource.js";
import { resourceLabel, resourceUrnIfKnown } from "./resource-internals.js";
import { currentContext } from "./run-context.js";

/** What an Output resolves to internally. */
export interface OutputData<T> {
  value: T | undefined;
  known: boolean;
  secret: boolean;
  resources: readonly Resource[];
}

const OUTPUT_BRAND: unique symbol = Symbol.for("cairn.output");
const OUTPUT_DATA: unique symbol = Symbol.for("cairn.outputData");
const OUTPUT_THUNK: unique symbol = Symbol.for("cairn.outputThunk");
const OUTPUT_ARG: unique symbol = Symbol.for("cairn.outputThunkArg");
const noop = (): void => {};

export type Input<T> = T | Promise<T> | OutputInstance<T>;
export type Inputs = Record<string, Input<unknown>>;

type Primitive = string | number | boolean | bigint | symbol | null | undefined;
/** The plain type behind an Input, with nested Inputs unwrapped (as output() and all() do). */
export type Unwrap<T> = T extends OutputInstance<infer U> ? UnwrapSimple<U> : T extends Promise<infer U> ? UnwrapSimple<U> : UnwrapSimple<T>;
export type UnwrapSimple<T> = T extends Primitive
  ? T
  : T extends Resource
    ? T
    : T extends (...args: never[]) => unknown
      ? T
      : T extends readonly (infer U)[]
        ? Unwrap<U>[]
        : T extends object
          ? { [K in keyof T]: Unwrap<T[K]> }
          : never;

/** The methods every Output has; property names of T other than these are lifted. */
export interface OutputInstance<T> {
  readonly [OUTPUT_BRAND]: true;
  /** Runs `f` on the value once known; returned Outputs and promises are flattened. */
  apply<U>(f: (value: T) => Input<U>): Output<U>;
  /** Not available while a program runs: the value is not known yet. Use apply. */
  get(): T;
  /** The resources this value came from. */
  resources(): Promise<Set<Resource>>;
  toString(): string;
  toJSON(): string;
}

type LiftedObject<T> = { readonly [K in Exclude<NonFunctionKeys<T>, keyof OutputInstance<T>>]-?: Output<LiftedValue<T[K]>> };
type NonFunctionKeys<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? never : K }[keyof T];
type LiftedValue<V> = V extends OutputInstance<infer U> ? U : V extends Promise<infer U> ? U : V;
type LiftedArray<U> = { readonly [n: number]: Output<LiftedValue<U>>; readonly length: Output<number> };
export type Lifted<T> = 0 extends 1 & T ? { readonly [key: string]: Output<any> } : LiftedNonNull<NonNullable<T>>;
type LiftedNonNull<T> = [T] extends [string]
  ? { readonly length: Output<number> }
  : [T] extends [readonly (infer U)[]]
    ? LiftedArray<U>
    : [T] extends [Primitive]
      ? unknown
      : [T] extends [object]
        ? LiftedObject<T>
        : unknown;

/** A value known later, with its secret-ness, known-ness and resource dependencies. */
export type Output<T> = OutputInstance<T> & Lifted<T>;

const MISUSE = (method: string): string =>
  `Calling [${method}] on an [Output<T>] is not supported: the value is not known yet.\n` +
  "To build a string from an Output use either:\n" +
  "  1: o.apply(v => `prefix${v}suffix`)\n" +
  "  2: interpolate`prefix${v}suffix`\n" +
  "See the Output section of docs/program-model.md.";

class OutputImpl<T> implements OutputInstance<T> {
  declare readonly [OUTPUT_BRAND]: true;
  /** The data, or undefined until a lazy Output is first used. */
  [OUTPUT_DATA]: Promise<OutputData<T>> | undefined;
  /** Creates the data of a lazy Output (resource properties nobody reads cost no promise). */
  [OUTPUT_THUNK]: ((arg: string) => Promise<OutputData<T>>) | undefined;
  /** The thunk's argument (a property name), so one thunk serves all of a resource's properties. */
  [OUTPUT_ARG]: string;

  constructor(data: Promise<OutputData<T>> | undefined, thunk?: (arg: string) => Promise<OutputData<T>>, arg = "") {
    this[OUTPUT_DATA] = data;
    this[OUTPUT_THUNK] = thunk;
    this[OUTPUT_ARG] = arg;
    // Failures are reported to the run context where they happen; an Output nobody awaits must
    // not crash the process with an unhandled rejection.
    data?.catch(noop);
    return new Proxy(this, liftHandler) as this;
  }

  apply<U>(f: (value: T) => Input<U>): Output<U> {
    const ctx = currentContext();
    const result = dataOf(this).then((d) => runApply(d, f, ctx?.fail.bind(ctx)));
    ctx?.track(result);
    return makeOutput(result);
  }

  get(): T {
    throw new CairnError({ code: ErrorCodes.ProgramFailed, source: "user", message: MISUSE("get") });
  }

  async resources(): Promise<Set<Resource>> {
    return new Set((await dataOf(this)).resources);
  }

  toString(): string {
    return MISUSE("toString");
  }

  toJSON(): string {
    return MISUSE("toJSON");
  }
}
Object.defineProperty(OutputImpl.prototype, OUTPUT_BRAND, { value: true });

const liftHandler: ProxyHandler<OutputImpl<unknown>> = {
  get(target, key) {
    if (typeof key === "symbol" || key in target) return Reflect.get(target, key);
    // An Output is not a thenable: `await output` must not treat it as a promise.
    if (key === "then") return undefined;
    return target.apply((v) => (v === null || v === undefined ? undefined : (v as Record<string, unknown>)[key]));
  },
};

async function runApply<T, U>(d: OutputData<T>, f: (value: T) => Input<U>, fail: ((e: unknown) => void) | undefined): Promise<OutputData<U>> {
  if (!d.known) return { value: undefined, known: false, secret: d.secret, resources: d.resources };
  let r: Input<U>;
  try {
    r = f(d.value as T);
    if (isPromiseLike(r)) r = await r;
  } catch (err) {
    const wrapped = applyError(err, d.resources);
    fail?.(wrapped);
    throw wrapped;
  }
  if (isOutput(r)) {
    const inner = await outputData(r);
    return { value: inner.value, known: inner.known, secret: d.secret || inner.secret, resources: mergeResources(d.resources, inner.resources) };
  }
  return { value: r, known: true, secret: d.secret, resources: d.resources };
}

function applyError(err: unknown, resources: readonly Resource[]): CairnError {
  if (err instanceof CairnError && err.code === ErrorCodes.ApplyFailed) return err;
  const message = err instanceof Error ? err.message : String(err);
  const first = resources[0];
  const where = first === undefined ? "an apply callback" : `an apply callback on an output of ${resourceLabel(first)}`;
  const init = { code: ErrorCodes.ApplyFailed, source: "user" as const, message: `${where} threw: ${message}`, cause: err };
  const urn = first === undefined ? undefined : resourceUrnIfKnown(first);
  return new CairnError(urn === undefined ? init : { ...init, urn });
}

function dataOf<T>(o: OutputImpl<T>): Promise<OutputData<T>> {
  let data = o[OUTPUT_DATA];
  if (data === undefined) {
    data = o[OUTPUT_THUNK]!(o[OUTPUT_ARG]);
    data.catch(noop);
    o[OUTPUT_DATA] = data;
    o[OUTPUT_THUNK] = undefined;
  }
  return data;
}

export function makeOutput<T>(data: Promise<OutputData<T>>): Output<T> {
  return new OutputImpl(data) as unknown as Output<T>;
}

/** An Output whose data promise is only created when something uses it. */
export function lazyOutput<T>(thunk: () => Promise<OutputData<T>>): Output<T>;
/** The same, with `thunk(arg)`: one shared thunk for many Outputs (a resource's properties). */
export function lazyOutput<T>(thunk: (arg: string) => Promise<OutputData<T>>, arg: string): Output<T>;
export function lazyOutput<T>(thunk: (arg: string) => Promise<OutputData<T>>, arg = ""): Output<T> {
  return new OutputImpl<T>(undefined, thunk, arg) as unknown as Output<T>;
}

export function knownOutput<T>(value: T, resources: readonly Resource[] = [], secret = false): Output<T> {
  return makeOutput(Promise.resolve({ value, known: true, secret, resources }));
}

export function isOutput(v: unknown): v is OutputInstance<unknown> {
  return typeof v === "object" && v !== null && (v as { [OUTPUT_BRAND]?: unknown })[OUTPUT_BRAND] === true;
}

/** The internal state of an Output (value, known, secret, resources). */
export function outputData<T>(o: OutputInstance<T>): Promise<OutputData<T>> {
  return dataOf(o as unknown as OutputImpl<T>);
}

export function isPromiseLike(v: unknown): v is PromiseLike<unknown> {
  return typeof v === "object" && v !== null && !isOutput(v) && typeof (v as { then?: unknown }).then === "function";
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

export function mergeResources(a: readonly Resource[], b: readonly Resource[]): readonly Resource[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const set = new Set(a);
  for (const r of b) set.add(r);
  return [...set];
}

/** Accumulates known-ness, secret-ness and resources while unwrapping nested Inputs. */
interface Acc {
  known: boolean;
  secret: boolean;
  resources: readonly Resource[];
}

async function unwrapDeep(v: unknown, acc: Acc): Promise<unknown> {
  if (isOutput(v)) {
    const d = await outputData(v);
    acc.known &&= d.known;
    acc.secret ||= d.secret;
    acc.resources = mergeResources(acc.resources, d.resources);
    return d.known ? unwrapDeep(d.value, acc) : undefined;
  }
  if (isPromiseLike(v)) return unwrapDeep(await v, acc);
  if (Array.isArray(v)) return Promise.all(v.map((x) => unwrapDeep(x, acc)));
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    const values = await Promise.all(keys.map((k) => unwrapDeep(v[k], acc)));
    const out: Record<string, unknown> = {};
    keys.forEach((k, i) => (out[k] = values[i]));
    return out;
  }
  return v;
}

async function deepData<T>(v: unknown): Promise<OutputData<T>> {
  const acc: Acc = { known: true, secret: false, resources: [] };
  const value = await unwrapDeep(v, acc);
  return { value: acc.known ? (value as T) : undefined, known: acc.known, secret: acc.secret, resources: acc.resources };
}

/** Lifts any Input (nested Outputs and promises included) into one Output. */
export function output<T>(value: Input<T>): Output<Unwrap<T>>;
export function output<T>(value: Input<T> | undefined): Output<Unwrap<T | undefined>>;
export function output<T>(value: Input<T>): Output<Unwrap<T>> {
  return makeOutput(deepData<Unwrap<T>>(value));
}

/** Combines an array or object of Inputs into one Output of the unwrapped values. */
export function all<T extends readonly unknown[] | []>(values: T): Output<{ -readonly [K in keyof T]: Unwrap<T[K]> }>;
export function all<T extends Record<string, unknown>>(values: T): Output<{ [K in keyof T]: Unwrap<T[K]> }>;
export function all(values: unknown): Output<unknown> {
  return makeOutput(deepData(values));
}

/** Tagged template: interpolate`https://${bucket.websiteEndpoint}/` is an Output<string>. */
export function interpolate(literals: TemplateStringsArray, ...placeholders: Input<unknown>[]): Output<string> {
  return all(placeholders).apply((values) => {
    let s = literals[0] ?? "";
    for (let i = 0; i < values.length; i++) s += String(values[i]) + (literals[i + 1] ?? "");
    return s;
  });
}

/** Joins Inputs into one string Output. */
export function concat(...params: Input<unknown>[]): Output<string> {
  return all(params).apply((values) => values.map(String).join(""));
}

/** An Output whose value is secret: encrypted in state and hidden in displays. */
export function secret<T>(value: Input<T>): Output<Unwrap<T>> {
  return makeOutput(deepData<Unwrap<T>>(value).then((d) => ({ ...d, secret: true })));
}

/** The same value, no longer marked secret. */
export function unsecret<T>(value: Output<T>): Output<T> {
  return makeOutput(outputData(value).then((d) => ({ ...d, secret: false })));
}

/** Whether the Output is marked secret. */
export async function isSecret<T>(value: Output<T>): Promise<boolean> {
  return (await outputData(value)).secret;
}

/** JSON.stringify over an Input with nested Outputs; the result is secret if any part was. */
export function jsonStringify(value: Input<unknown>, replacer?: (this: unknown, key: string, value: unknown) => unknown, space?: string | number): Output<string> {
  return output(value).apply((v) => JSON.stringify(v, replacer, space));
}

/** JSON.parse over an Input<string>. */
export function jsonParse(text: Input<string>, reviver?: (this: unknown, key: string, value: unknown) => unknown): Output<any> {
  return output(text).apply((s): any => JSON.parse(s, reviver));
}

/** The value-side companion of the Output type: Output.isInstance, Output.create. */
export const Output = {
  isInstance(v: unknown): v is Output<unknown> {
    return isOutput(v);
  },
  create<T>(value: Input<T>): Output<Unwrap<T>> {
    return output(value);
  },
};
