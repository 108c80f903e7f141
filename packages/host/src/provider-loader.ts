// Loads providers by package name: "random" -> the `createProvider` export of "@cairn/random/provider"
// (or "cairn-provider-random/provider"), from the project's own dependencies first, then from
// Cairn's install. "cairn-nodejs" is the dynamic-provider adapter. One module per package is cached.
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { CairnError, ErrorCodes, type Provider, type ProviderFactory, type ProviderFactoryContext } from "@cairn/protocol";
import { createDynamicProvider } from "./dynamic-provider.js";
import { nativeImport } from "./native-import.js";
import type { ProviderLoader } from "./program-types.js";
import { OWN_INSTALL, resolveFrom } from "./sdk-module.js";

/** The package name of dynamic providers (as in Pulumi). */
export const DYNAMIC_PACKAGE = "cairn-nodejs";

export interface ProviderLoaderRequest {
  rootDirectory: string;
  /** Passed to each provider (e.g. as the base environment of the commands it runs). */
  env: Record<string, string | undefined>;
  /** Factories that win over installed packages (tests, embedders). */
  builtins?: Record<string, ProviderFactory>;
  /** A file in Cairn's own install, where packages the project lacks resolve from (default: this package). */
  ownInstall?: string;
}

export function createProviderLoader(request: ProviderLoaderRequest): ProviderLoader {
  const req = { ...request, rootDirectory: resolve(request.rootDirectory) };
  const factories = new Map<string, Promise<ProviderFactory>>();
  return async ({ package: pkg, version }) => {
    const ctx: ProviderFactoryContext = { package: pkg, rootDirectory: req.rootDirectory, env: req.env, ...(version === undefined ? {} : { version }) };
    const builtin = req.builtins?.[pkg];
    if (builtin !== undefined) return builtin(ctx);
    if (pkg === DYNAMIC_PACKAGE) return createDynamicProvider({ rootDirectory: req.rootDirectory });
    let factory = factories.get(pkg);
    if (factory === undefined) {
      factory = loadFactory(pkg, req.rootDirectory, req.ownInstall ?? OWN_INSTALL);
      factories.set(pkg, factory);
      void factory.catch(() => factories.delete(pkg)); // a failed load is retried next time
    }
    return instantiate(await factory, ctx);
  };
}

/** The entry points tried for a package, in order. */
export function providerSpecifiers(pkg: string): string[] {
  return [`@cairn/${pkg}/provider`, `cairn-provider-${pkg}/provider`];
}

async function loadFactory(pkg: string, rootDirectory: string, ownInstall: string): Promise<ProviderFactory> {
  const specifiers = providerSpecifiers(pkg);
  const path = providerEntry(pkg, rootDirectory, ownInstall);
  if (path === undefined) {
    throw new CairnError({
      code: ErrorCodes.ProviderNotFound,
      source: "user",
      message: `provider package "${pkg}" is not installed: looked for ${specifiers.join(" and ")} in ${rootDirectory} and in Cairn's own install`,
      hint: `run \`npm install @cairn/${pkg}\` in ${rootDirectory}`,
    });
  }
  let mod: Record<string, unknown>;
  try {
    mod = await nativeImport(pathToFileURL(path).href);
  } catch (e) {
    throw new CairnError({ code: ErrorCodes.ProviderError, source: "provider", message: `provider package "${pkg}" failed to load from ${path}: ${(e as Error).message}`, cause: e });
  }
  const create = mod.createProvider;
  if (typeof create !== "function") {
    throw new CairnError({
      code: ErrorCodes.ProviderNotFound,
      source: "provider",
      message: `provider package "${pkg}" (${path}) does not export a createProvider function`,
      hint: "a provider's \"./provider\" entry point must export createProvider(ctx) returning a Provider",
    });
  }
  return create as ProviderFactory;
}

/** The file of a provider package's entry point: the project's dependencies first, then Cairn's install. */
export function providerEntry(pkg: string, rootDirectory: string, ownInstall: string = OWN_INSTALL): string | undefined {
  return findEntry(providerSpecifiers(pkg), [join(rootDirectory, "package.json"), ownInstall]);
}

/** Project dependencies first (every name), then Cairn's install. */
function findEntry(specifiers: string[], fromFiles: string[]): string | undefined {
  for (const from of fromFiles) {
    for (const spec of specifiers) {
      const path = resolveFrom(spec, [from]);
      if (path !== undefined) return path;
    }
  }
  return undefined;
}

function instantiate(factory: ProviderFactory, ctx: ProviderFactoryContext): Provider {
  try {
    return factory(ctx);
  } catch (e) {
    if (e instanceof CairnError) throw e;
    throw new CairnError({ code: ErrorCodes.ProviderError, source: "provider", message: `provider package "${ctx.package}" failed to start: ${(e as Error).message}`, cause: e });
  }
}
