// The two seams the host fills for the engine, declared structurally here because the host may not
// import the engine: identical to ProgramSource and ProviderLoader in @cairn/engine's
// deployment-types.ts, so the values this package returns plug straight into a DeploymentRequest.
import type { Provider, ResourceMonitor } from "@cairn/protocol";

/** Runs the user's program against the monitor and resolves when the program has finished. */
export type ProgramSource = (monitor: ResourceMonitor, signal: AbortSignal) => Promise<void>;

/** Returns the Provider implementation for a package ("aws", "random", "cairn-nodejs" for dynamic). */
export type ProviderLoader = (req: { package: string; version?: string }) => Promise<Provider>;
