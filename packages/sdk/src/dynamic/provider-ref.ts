// Where a dynamic provider lives, so destroy and refresh can load it without running the program:
// describeProvider finds the defining module through the inspector ([[FunctionLocation]] of one
// of its functions -> script URL) and the export that is the provider or its class; loadProvider
// imports that module and rebuilds the instance.
import { Session } from "node:inspector/promises";
import { createRequire } from "node:module";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { ResourceProvider } from "./resource-provider.js";

/** Recorded as the `__provider` input of every dynamic resource (as JSON text). */
export interface DynamicProviderRef {
  /** The defining module, relative to the project root (posix separators) or absolute if outside it. */
  module: string;
  exportName: string;
  /** "class": the export is the provider's class; "object": the export is the provider itself. */
  kind: "class" | "object";
  /** The instance's own JSON-serializable fields (class kind). */
  fields: Record<string, unknown>;
}

const METHODS = ["create", "check", "diff", "read", "update", "delete"] as const;

/** Where a provider's class or object is exported from; cacheable per class or object. */
export interface ProviderLocation {
  file: string;
  exportName: string;
}

export async function describeProvider(
  provider: ResourceProvider,
  rootDirectory: string | undefined,
  cache?: WeakMap<object, Promise<ProviderLocation>>,
): Promise<DynamicProviderRef> {
  if (typeof provider !== "object" || provider === null || typeof provider.create !== "function") {
    throw userError("a dynamic provider must be an object with at least a create(inputs) method");
  }
  const proto = Object.getPrototypeOf(provider) as object | null;
  const isClass = proto !== null && proto !== Object.prototype;
  const target = (isClass ? (proto as { constructor: unknown }).constructor : provider) as object;
  let location = cache?.get(target);
  if (location === undefined) {
    location = locateExport(provider, target, isClass);
    cache?.set(target, location);
  }
  const { file, exportName } = await location;
  return { module: modulePath(file, rootDirectory), exportName, kind: isClass ? "class" : "object", fields: isClass ? ownFields(provider, file) : {} };
}

async function locateExport(provider: ResourceProvider, target: object, isClass: boolean): Promise<ProviderLocation> {
  const probe = isClass && typeof target === "function" ? target : METHODS.map((m) => provider[m]).find((f) => typeof f === "function");
  if (typeof probe !== "function") throw userError("the dynamic provider has no function to locate its module by");
  const { file, specifier } = await definingModule(probe);
  const exportName = findIn(loadedCommonJsExports(file), target) ?? (await findInModule(specifier, target));
  if (exportName === undefined) {
    const what = isClass ? `class ${(target as { name?: string }).name || "(anonymous)"}` : "provider object";
    throw userError(
      `the dynamic provider's ${what} defined in ${file} is not exported from that module; export it (\`export class ...\` or \`export const ...\`) so that destroy and refresh can load it without running the program`,
    );
  }
  return { file, exportName };
}

export async function loadProvider(ref: DynamicProviderRef, rootDirectory: string): Promise<ResourceProvider> {
  const file = isAbsolute(ref.module) ? ref.module : resolve(rootDirectory, ref.module);
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(file)) as Record<string, unknown>;
  } catch (err) {
    throw userError(`cannot load the dynamic provider module ${file}: ${err instanceof Error ? err.message : String(err)}`, err);
  }
  // An ES module's own export, else the same name on a CommonJS module's `module.exports`
  // (for "default" the two differ: the namespace's default is `module.exports` itself).
  const wanted = ref.kind === "class" ? "function" : "object";
  const exported = [namespace[ref.exportName], commonJsDefault(namespace)?.[ref.exportName]].find((v) => typeof v === wanted && v !== null);
  if (ref.kind === "class") {
    if (typeof exported !== "function") throw userError(`${file} no longer exports the dynamic provider class "${ref.exportName}"`);
    const instance = Object.create((exported as { prototype: object }).prototype) as ResourceProvider;
    return Object.assign(instance, ref.fields);
  }
  if (typeof exported !== "object" || exported === null) throw userError(`${file} no longer exports the dynamic provider object "${ref.exportName}"`);
  return exported as ResourceProvider;
}

/**
 * The exports of `file` if the program loaded it as CommonJS (a `.ts` file of a project without
 * `"type": "module"`, run through `require`). Looked up in the require cache, because importing it
 * would load and run a second copy whose class is not the program's.
 */
function loadedCommonJsExports(file: string): Record<string, unknown> | undefined {
  const exports = createRequire(import.meta.url).cache[file]?.exports as unknown;
  return (typeof exports === "object" && exports !== null) || typeof exports === "function" ? (exports as Record<string, unknown>) : undefined;
}

/** An ES module's export that is `target`. The exact URL (query included) names the module instance the program is running. */
async function findInModule(specifier: string, target: object): Promise<string | undefined> {
  const namespace = (await import(specifier)) as Record<string, unknown>;
  return findIn(namespace, target) ?? findIn(commonJsDefault(namespace), target);
}

/** A CommonJS module seen through `import()`: its `module.exports` is the namespace's `default`. */
function commonJsDefault(namespace: Record<string, unknown>): Record<string, unknown> | undefined {
  const d = namespace["default"];
  return (typeof d === "object" && d !== null) || typeof d === "function" ? (d as Record<string, unknown>) : undefined;
}

function findIn(exports: Record<string, unknown> | undefined, target: object): string | undefined {
  return exports === undefined ? undefined : Object.keys(exports).find((k) => exports[k] === target);
}

/** The module whose code defines `fn` (its file and its exact URL), via the inspector's [[FunctionLocation]]. */
async function definingModule(fn: object): Promise<{ file: string; specifier: string }> {
  const session = new Session();
  session.connect();
  const scripts = new Map<string, string>();
  session.on("Debugger.scriptParsed", (m) => scripts.set(m.params.scriptId, m.params.url));
  const key = `__cairnDynamicProbe_${Math.random().toString(36).slice(2)}`;
  const g = globalThis as Record<string, unknown>;
  try {
    await session.post("Debugger.enable");
    g[key] = fn;
    const { result } = await session.post("Runtime.evaluate", { expression: `globalThis[${JSON.stringify(key)}]` });
    const props = await session.post("Runtime.getProperties", { objectId: result.objectId!, ownProperties: true });
    const location = props.internalProperties?.find((p) => p.name === "[[FunctionLocation]]")?.value?.value as { scriptId?: string } | undefined;
    const url = location?.scriptId === undefined ? undefined : scripts.get(location.scriptId);
    if (url === undefined || url === "") throw userError("cannot find the module that defines the dynamic provider (no source location); define it in a module file");
    const clean = url.split("?")[0]!;
    return clean.startsWith("file://") ? { file: fileURLToPath(clean), specifier: url } : { file: clean, specifier: clean };
  } finally {
    delete g[key];
    await session.post("Debugger.disable").catch(() => undefined);
    session.disconnect();
  }
}

function modulePath(file: string, rootDirectory: string | undefined): string {
  if (rootDirectory === undefined) return file;
  const rel = relative(rootDirectory, file);
  if (rel.startsWith("..") || isAbsolute(rel)) return file;
  return rel.split(sep).join("/");
}

function ownFields(provider: object, file: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const bad: string[] = [];
  for (const [k, v] of Object.entries(provider)) {
    if (typeof v === "function" || v === undefined) continue;
    let text: string | undefined;
    try {
      text = JSON.stringify(v);
    } catch {
      text = undefined;
    }
    if (text === undefined || !isPlainJson(v)) bad.push(k);
    else fields[k] = JSON.parse(text) as unknown;
  }
  if (bad.length > 0) {
    throw userError(
      `the dynamic provider defined in ${file} has fields that are not plain JSON data: ${bad.join(", ")}; keep only strings, numbers, booleans, arrays and plain objects in its fields (create clients inside its methods)`,
    );
  }
  return fields;
}

function isPlainJson(v: unknown): boolean {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isPlainJson);
  if (typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && Object.values(v as object).every(isPlainJson);
}

function userError(message: string, cause?: unknown): CairnError {
  return new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message, ...(cause === undefined ? {} : { cause }) });
}
