// @cairn/sdk: what Cairn programs import. Same names and behaviour as the Pulumi Node SDK for
// everything they share: Output, all, interpolate, resources, options, Config, StackReference,
// assets, log, and the `dynamic` and `runtime` namespaces.
export {
  Output,
  output,
  all,
  interpolate,
  concat,
  secret,
  unsecret,
  isSecret,
  jsonStringify,
  jsonParse,
  type Input,
  type Inputs,
  type OutputInstance,
  type Unwrap,
  type Lifted,
} from "./output.js";
export { Resource, CustomResource, ComponentResource, ProviderResource } from "./resource.js";
export type { ResourceOptions, CustomResourceOptions, ComponentResourceOptions, Alias, ResourceTransform, ResourceTransformArgs, ResourceTransformResult } from "./resource-options.js";
export { Config, getStack, getProject, getOrganization, type StringConfigOptions, type NumberConfigOptions } from "./config.js";
export { StackReference, type StackReferenceArgs, type StackReferenceOutputDetails } from "./stack-reference.js";
export { Asset, Archive, FileAsset, StringAsset, RemoteAsset, FileArchive, AssetArchive, RemoteArchive } from "./asset.js";
export { CairnError, ErrorCodes } from "@cairn/protocol";
export type { Urn as URN, CustomTimeouts } from "@cairn/protocol";
export type ID = string;
export * as log from "./log.js";
export * as dynamic from "./dynamic/index.js";
export * as runtime from "./runtime/index.js";
