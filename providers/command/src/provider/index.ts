// The "./provider" entry of @cairn/command: the host loads it by package name and calls
// createProvider, passing its environment in ctx.env (the base environment of every command).
// Imports only @cairn/protocol and Node.
import type { ProviderFactory } from "@cairn/protocol";
import { createCommandProvider } from "./command-provider.js";

export const createProvider: ProviderFactory = (ctx) => createCommandProvider(ctx);
export { createCommandProvider } from "./command-provider.js";
export { COMMAND_TOKEN, STDOUT_ENV, STDERR_ENV, DEFAULT_INTERPRETER } from "./local-command.js";
export { FILE_TOKEN } from "./local-file.js";
