// dynamic.Resource: a custom resource whose provider is program code. Its inputs carry
// `__provider`, the JSON DynamicProviderRef the host uses to load the provider later.
import { CustomResource } from "../resource.js";
import type { Inputs } from "../output.js";
import type { ResourceOptions } from "../resource-options.js";
import { currentContext } from "../run-context.js";
import { describeProvider } from "./provider-ref.js";
import type { ResourceProvider } from "./resource-provider.js";

export const DYNAMIC_PACKAGE = "cairn-nodejs";
export const PROVIDER_KEY = "__provider";

export function dynamicResourceType(module?: string, type = "Resource"): string {
  return module === undefined ? `${DYNAMIC_PACKAGE}:dynamic:${type}` : `${DYNAMIC_PACKAGE}:${module}:${type}`;
}

export class Resource extends CustomResource {
  constructor(provider: ResourceProvider, name: string, props: Inputs, opts?: ResourceOptions, module?: string, type?: string) {
    const ctx = currentContext();
    const ref = describeProvider(provider, ctx?.rootDirectory, ctx?.dynamicProviderLocations).then((r) => JSON.stringify(r));
    // The registration awaits it (and reports a failure); it may reject before that happens.
    ref.catch(() => undefined);
    super(dynamicResourceType(module, type), name, { ...props, [PROVIDER_KEY]: ref }, opts);
  }
}
