// @cairn/sdk/dynamic: program-defined providers (dynamic.Resource, ResourceProvider) and the
// describe/load pair the host's dynamic-provider adapter uses.
export * from "./resource-provider.js";
export { Resource, DYNAMIC_PACKAGE, PROVIDER_KEY, dynamicResourceType } from "./resource.js";
export { describeProvider, loadProvider, type DynamicProviderRef } from "./provider-ref.js";
