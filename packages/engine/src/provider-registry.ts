// Provider instances for one deployment: default providers per package (configured from the
// stack config keys "<pkg>:*"), explicit provider resources registered by the program, and those
// recorded in state (for deletes, refresh, destroy). Also serves the built-in stack-reference reads.
import {
  CairnError,
  ErrorCodes,
  STACK_REFERENCE_TYPE,
  defaultProviderName,
  makeProviderReference,
  makeSecret,
  makeUrn,
  parseProviderReference,
  typePackage,
  unwrapSecretsMap,
  type PropertyMap,
  type Provider,
  type ProviderReference,
  type Urn,
} from "@cairn/protocol";
import type { ResourceState } from "@cairn/state";
import type { ProviderLoader, StackReferenceResolver } from "./deployment-types.js";
import { stackReferenceProvider } from "./stack-reference-provider.js";

export interface ProviderRegistryOptions {
  loader: ProviderLoader;
  project: string;
  stack: string;
  config: Record<string, string>;
  configSecretKeys: string[];
  preview: boolean;
  /** Recorded resources, to configure providers that manage resources in state. */
  recorded: (urn: Urn) => ResourceState | undefined;
  stackReferences?: StackReferenceResolver;
}

/** The provider inputs a package's default provider gets from stack config ("aws:region" -> region). */
export function providerConfigFromStack(pkg: string, config: Record<string, string>, secretKeys: string[]): PropertyMap {
  const out: PropertyMap = {};
  for (const [key, value] of Object.entries(config)) {
    if (!key.startsWith(`${pkg}:`)) continue;
    const name = key.slice(pkg.length + 1);
    out[name] = secretKeys.includes(key) ? makeSecret(value) : value;
  }
  return out;
}

export class ProviderRegistry {
  private readonly instances = new Map<Urn, Promise<Provider>>();
  /** Configured instances by provider reference, once ready (lookups without a promise). */
  private readonly ready = new Map<ProviderReference, Provider>();
  private readonly builtin: Provider;

  constructor(private readonly opts: ProviderRegistryOptions) {
    this.builtin = stackReferenceProvider(opts.stackReferences);
  }

  defaultProviderUrn(pkg: string, version?: string): Urn {
    return makeUrn({ stack: this.opts.stack, project: this.opts.project, type: `cairn:providers:${pkg}`, name: defaultProviderName(version) });
  }

  defaultProviderInputs(pkg: string): PropertyMap {
    return providerConfigFromStack(pkg, this.opts.config, this.opts.configSecretKeys);
  }

  /** A fresh, unconfigured instance of a package's provider (for checkConfig). */
  async load(pkg: string, version?: string): Promise<Provider> {
    try {
      return await this.opts.loader(version === undefined ? { package: pkg } : { package: pkg, version });
    } catch (cause) {
      throw new CairnError({
        code: ErrorCodes.ProviderNotFound,
        source: "user",
        message: `could not load the provider for package "${pkg}"${version ? ` version ${version}` : ""}: ${String((cause as Error)?.message ?? cause)}`,
        hint: `install the provider package for "${pkg}"`,
        cause,
      });
    }
  }

  /** Configures `instance` as the provider resource `urn` and keeps it for this run. */
  async configure(urn: Urn, instance: Provider, inputs: PropertyMap): Promise<Provider> {
    this.ready.clear();
    const ready = instance.configure({ inputs: unwrapSecretsMap(inputs), preview: this.opts.preview }).then(
      () => instance,
      (cause: unknown) => {
        throw new CairnError({ code: ErrorCodes.ProviderError, source: "provider", urn, message: `configuring provider ${urn} failed: ${String((cause as Error)?.message ?? cause)}`, hint: "check the provider's configuration (`cairn config set <pkg>:<key> <value>`)", cause });
      },
    );
    this.instances.set(urn, ready);
    return ready;
  }

  /** The provider for a resource: built-in for stack references, else by its provider reference. */
  async forResource(r: { type: string; provider?: ProviderReference }): Promise<Provider> {
    if (r.type === STACK_REFERENCE_TYPE) return this.builtin;
    if (r.provider === undefined) {
      throw new CairnError({ code: ErrorCodes.ProviderNotFound, source: "internal", message: `no provider recorded for a resource of type ${r.type}` });
    }
    return this.forReference(r.provider);
  }

  /** The configured provider of a resource when it is ready already; otherwise use forResource. */
  readyFor(r: { type: string; provider?: ProviderReference }): Provider | undefined {
    if (r.type === STACK_REFERENCE_TYPE) return this.builtin;
    return r.provider === undefined ? undefined : this.ready.get(r.provider);
  }

  async forReference(ref: ProviderReference): Promise<Provider> {
    const { urn } = parseProviderReference(ref);
    const known = this.instances.get(urn);
    if (known) {
      const instance = await known;
      if (this.instances.get(urn) === known) this.ready.set(ref, instance);
      return instance;
    }
    const recorded = this.opts.recorded(urn);
    if (!recorded) {
      throw new CairnError({ code: ErrorCodes.ProviderNotFound, source: "user", urn, message: `provider ${urn} is neither declared by the program nor recorded in state` });
    }
    const pkg = typePackage(recorded.type);
    const instance = await this.load(pkg);
    return this.configure(urn, instance, recorded.inputs);
  }

  reference(urn: Urn, id: string): ProviderReference {
    return makeProviderReference(urn, id);
  }

  /** Asks every provider in use to stop its work (forced cancellation). */
  async cancelAll(): Promise<void> {
    for (const p of this.instances.values()) {
      try {
        await (await p).cancel();
      } catch {
        // A provider that cannot cancel is left to its aborted signal.
      }
    }
  }
}
