// ResourceOptions: the per-resource settings a program passes as the last constructor argument
// (same names and meaning as Pulumi's). Inheritance from the parent is applied in resource.ts.
import type { CustomTimeouts, Urn } from "@cairn/protocol";
import type { Input, Inputs } from "./output.js";
import type { ProviderResource, Resource } from "./resource.js";

/** A previous identity of a resource: its URN, or the parts of its URN that changed. */
export interface Alias {
  name?: Input<string>;
  type?: Input<string>;
  parent?: Resource | Input<Urn>;
  stack?: Input<string>;
  project?: Input<string>;
  /** The resource used to have no parent (was directly under the stack). */
  noParent?: boolean;
}

export interface ResourceTransformArgs {
  custom: boolean;
  type: string;
  name: string;
  props: Inputs;
  opts: ResourceOptions;
}
export interface ResourceTransformResult {
  props: Inputs;
  opts: ResourceOptions;
}
/** Rewrites a resource's props and options before it is registered; undefined keeps them. */
export type ResourceTransform = (
  args: ResourceTransformArgs,
) => ResourceTransformResult | undefined | Promise<ResourceTransformResult | undefined>;

export interface ResourceOptions {
  /** Read an existing resource with this ID instead of managing it (CustomResource.get). */
  id?: Input<string>;
  parent?: Resource;
  dependsOn?: Input<Input<Resource>[]> | Input<Resource>;
  /** Refuse to delete. Inherited from the parent. */
  protect?: boolean;
  ignoreChanges?: string[];
  replaceOnChanges?: string[];
  aliases?: Input<Urn | Alias>[];
  /** Remove from state without deleting in the cloud. Inherited from the parent. */
  retainOnDelete?: boolean;
  /** Skip the delete call when this other resource is deleted too. */
  deletedWith?: Resource;
  customTimeouts?: CustomTimeouts;
  /** The provider for a custom resource; on a component it joins the providers its children use. */
  provider?: ProviderResource;
  /** Providers by package (or a list) for this resource's children. Inherited by descendants. */
  providers?: Record<string, ProviderResource> | ProviderResource[];
  /** Inherited by children; run own transforms first, then the parent's. */
  transforms?: ResourceTransform[];
  version?: string;
  pluginDownloadURL?: string;
  /** Delete the old resource before creating its replacement. */
  deleteBeforeReplace?: boolean;
  /** Output names to treat as secret. */
  additionalSecretOutputs?: string[];
  /** Adopt the existing cloud resource with this ID. */
  import?: string;
}

export type CustomResourceOptions = ResourceOptions;
export type ComponentResourceOptions = ResourceOptions;
