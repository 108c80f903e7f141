// @cairn/host: runs a user's program against the engine's ResourceMonitor, loads providers by
// package name, and adapts dynamic providers to the Provider interface.
export type { ProgramSource, ProviderLoader } from "./program-types.js";
export { createProgramSource, inlineProgramSource, warmProgramSource, type ProgramFileRequest } from "./program-source.js";
export { checkProgram } from "./check-program.js";
export { resolveMainFile, moduleFormat, type MainFileRequest, type ModuleFormat } from "./main-file.js";
export { createProviderLoader, providerSpecifiers, DYNAMIC_PACKAGE, type ProviderLoaderRequest } from "./provider-loader.js";
export { createDynamicProvider, PROVIDER_KEY, type DynamicProviderRequest } from "./dynamic-provider.js";
export type { UserResourceProvider, UserProviderLoader } from "./dynamic-shapes.js";
