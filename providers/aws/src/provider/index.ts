// @cairn/aws/provider: the AWS Provider implementation, loaded by the host through `createProvider`.
// Imports only @cairn/protocol and the AWS SDK v3 clients.
import type { ProviderFactory } from "@cairn/protocol";
import { AwsProvider } from "./aws-provider.js";
import { RESOURCES } from "./resources/index.js";

export const createProvider: ProviderFactory = (ctx) => new AwsProvider({ factory: ctx, resources: RESOURCES });

export { AwsProvider } from "./aws-provider.js";
export type { ResourceDefinition, FieldSpec, ResourceContext } from "./resource-definition.js";
export { RESOURCES } from "./resources/index.js";
