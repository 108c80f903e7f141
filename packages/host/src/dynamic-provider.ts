// The Provider for package "cairn-nodejs": every call reads the `__provider` text from the resource's
// own inputs or state, rebuilds the user's provider with the SDK (cached per text), and translates the
// call to the user's ResourceProvider. `__provider` stays in inputs and outputs, so destroy and
// refresh work without running the program.
import { join, resolve } from "node:path";
import {
  CairnError,
  ErrorCodes,
  containsUnknowns,
  isSecretValue,
  type PropertyMap,
  type PropertyValue,
  type Provider,
  type Urn,
} from "@cairn/protocol";
import { changedKeys, defaultDiff, diffResponse } from "./dynamic-defaults.js";
import type { UserProviderLoader, UserResourceProvider } from "./dynamic-shapes.js";
import { plain, remark, secretKeys } from "./secret-keys.js";
import type { DynamicProviderRef, ResourceProvider } from "@cairn/sdk/dynamic";
import { ensureLoaderHooks } from "./loader-hooks.js";
import { loadSdkModule } from "./sdk-module.js";

/** The input property that carries the serialized provider (as in Pulumi). */
export const PROVIDER_KEY = "__provider";

export interface DynamicProviderRequest {
  rootDirectory: string;
  /** Rebuilds a user provider from its `__provider` text; defaults to the SDK's loadProvider. */
  load?: UserProviderLoader;
}

export function createDynamicProvider(req: DynamicProviderRequest): Provider {
  const load = req.load ?? sdkLoader(resolve(req.rootDirectory));
  const cache = new Map<string, Promise<UserResourceProvider>>();
  const providerFor = (urn: Urn, ...maps: (PropertyMap | undefined)[]): Promise<UserResourceProvider> => {
    const text = providerText(urn, maps);
    let p = cache.get(text);
    if (p === undefined) {
      p = load(text).catch((e: unknown) => {
        cache.delete(text);
        throw providerError(urn, "loading the dynamic provider", e);
      });
      cache.set(text, p);
    }
    return p;
  };
  const call = async <T>(urn: Urn, op: string, f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      throw e instanceof CairnError ? e : providerError(urn, op, e);
    }
  };

  return {
    checkConfig: async (r) => ({ inputs: r.news }),
    configure: async () => ({ acceptSecrets: true }),

    check: async (r) => {
      const p = await providerFor(r.urn, r.news);
      if (p.check === undefined || containsUnknowns(r.news)) return { inputs: r.news };
      const res = await call(r.urn, "check", () => p.check!(plain(r.olds), plain(r.news)));
      const inputs = remark(res.inputs ?? plain(r.news), secretKeys(r.news));
      inputs[PROVIDER_KEY] = r.news[PROVIDER_KEY]!;
      return { inputs, failures: res.failures ?? [] };
    },

    diff: async (r) => {
      const p = await providerFor(r.urn, r.news, r.olds);
      const canUpdate = p.update !== undefined;
      if (p.diff === undefined || containsUnknowns(r.news)) return defaultDiff({ olds: r.oldInputs, news: r.news, canUpdate, ignoreChanges: r.ignoreChanges });
      const res = await call(r.urn, "diff", () => p.diff!(r.id, plain(r.olds), plain(r.news)));
      if (res.changes === undefined && (res.replaces ?? []).length === 0) {
        return defaultDiff({ olds: r.oldInputs, news: r.news, canUpdate, ignoreChanges: r.ignoreChanges });
      }
      const diffs = changedKeys(r.oldInputs, r.news);
      const changed = res.changes ?? true;
      const replaces = res.replaces ?? [];
      if (!changed && replaces.length === 0) return { changes: "none" };
      // Without update, any change replaces: name the changed keys (or __provider when none differ).
      const mustReplace = !canUpdate && replaces.length === 0 ? (diffs.length > 0 ? diffs : [PROVIDER_KEY]) : replaces;
      return diffResponse({ olds: r.oldInputs, news: r.news, diffs, replaces: mustReplace, changed: true, stables: res.stables, deleteBeforeReplace: res.deleteBeforeReplace });
    },

    create: async (r) => {
      const p = await providerFor(r.urn, r.inputs);
      if (r.preview) return { id: "", outputs: r.inputs };
      const res = await call(r.urn, "create", () => p.create(plain(r.inputs)));
      if (typeof res?.id !== "string" || res.id === "") throw invalid(r.urn, "create", "must return a non-empty string id");
      return { id: res.id, outputs: withProvider(remark(res.outs ?? {}, secretKeys(r.inputs)), r.inputs) };
    },

    read: async (r) => {
      const p = await providerFor(r.urn, r.state, r.inputs);
      const recorded = r.state ?? r.inputs ?? {};
      if (p.read === undefined) return { id: r.id, outputs: recorded, ...(r.inputs ? { inputs: r.inputs } : {}) };
      const res = await call(r.urn, "read", () => p.read!(r.id, plain(recorded)));
      if (res?.id === undefined || res.id === "") return {};
      const outputs = withProvider(remark(res.props ?? {}, secretKeys(r.state, r.inputs)), recorded);
      return { id: res.id, outputs, ...(r.inputs ? { inputs: r.inputs } : {}) };
    },

    update: async (r) => {
      const p = await providerFor(r.urn, r.news, r.olds);
      if (r.preview) return { outputs: r.news };
      if (p.update === undefined) throw invalid(r.urn, "update", "has no update method, so a change must replace the resource (this is a bug in Cairn's diff)");
      const res = await call(r.urn, "update", () => p.update!(r.id, plain(r.olds), plain(r.news)));
      return { outputs: withProvider(remark(res?.outs ?? {}, secretKeys(r.news)), r.news) };
    },

    delete: async (r) => {
      const p = await providerFor(r.urn, r.outputs, r.inputs);
      if (p.delete === undefined) return;
      await call(r.urn, "delete", () => p.delete!(r.id, plain(r.outputs)));
    },

    invoke: async (r) => {
      throw new CairnError({ code: ErrorCodes.ProviderError, source: "user", message: `dynamic providers have no functions to invoke (asked for ${r.token})` });
    },
    cancel: async () => {},
  } satisfies Provider;
}

/** The SDK's loadProvider, from the project's copy of @cairn/sdk (else Cairn's), under tsx. */
function sdkLoader(rootDirectory: string): UserProviderLoader {
  interface SdkDynamic {
    loadProvider(ref: DynamicProviderRef, rootDirectory: string): Promise<ResourceProvider>;
  }
  return async (text) => {
    await ensureLoaderHooks();
    const sdk = await loadSdkModule<SdkDynamic>({ specifier: "@cairn/sdk/dynamic", fromFile: join(rootDirectory, "package.json"), format: "esm" });
    return (await sdk.loadProvider(parseRef(text), rootDirectory)) as UserResourceProvider;
  };
}

function parseRef(text: string): DynamicProviderRef {
  let ref: unknown;
  try {
    ref = JSON.parse(text);
  } catch {
    ref = undefined;
  }
  const r = ref as Partial<DynamicProviderRef> | undefined;
  if (typeof r?.module !== "string" || typeof r.exportName !== "string") {
    throw new Error(`"${PROVIDER_KEY}" is not a provider reference written by @cairn/sdk/dynamic: ${text.slice(0, 200)}`);
  }
  return r as DynamicProviderRef;
}

function providerText(urn: Urn, maps: (PropertyMap | undefined)[]): string {
  for (const m of maps) {
    let v: PropertyValue | undefined = m?.[PROVIDER_KEY];
    if (isSecretValue(v)) v = v.value;
    if (typeof v === "string" && v !== "") return v;
  }
  throw new CairnError({
    code: ErrorCodes.ProviderError,
    source: "internal",
    urn,
    property: PROVIDER_KEY,
    message: `${urn}: the resource's inputs have no "${PROVIDER_KEY}" property, so its dynamic provider cannot be loaded`,
    hint: "dynamic resources must be declared with the SDK's dynamic.Resource, which records the provider",
  });
}

/** Keeps `__provider` in the outputs so delete and refresh can load the provider from state. */
function withProvider(outputs: PropertyMap, source: PropertyMap): PropertyMap {
  const v = source[PROVIDER_KEY];
  return v === undefined ? outputs : { ...outputs, [PROVIDER_KEY]: v };
}

function providerError(urn: Urn, op: string, e: unknown): CairnError {
  const message = e instanceof Error ? e.message : String(e);
  return new CairnError({ code: ErrorCodes.ProviderError, source: "provider", urn, message: `${urn}: dynamic provider ${op} failed: ${message}`, cause: e });
}

function invalid(urn: Urn, op: string, what: string): CairnError {
  return new CairnError({ code: ErrorCodes.ProviderInvalidResponse, source: "provider", urn, message: `${urn}: dynamic provider ${op} ${what}` });
}
