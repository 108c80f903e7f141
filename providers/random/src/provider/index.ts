// The "./provider" entry of @cairn/random: the host loads it by package name and calls
// createProvider. Imports only @cairn/protocol and Node.
import type { ProviderFactory } from "@cairn/protocol";
import { createRandomProvider } from "./random-provider.js";

export const createProvider: ProviderFactory = () => createRandomProvider();
export { createRandomProvider, RESOURCE_KINDS } from "./random-provider.js";
