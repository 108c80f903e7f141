// @cairn/command: resource classes for programs (Pulumi's @pulumi/command names: command.local.*).
// The provider implementation is the separate "./provider" entry.
export * as local from "./local/index.js";
export { Provider } from "./command-provider-resource.js";
