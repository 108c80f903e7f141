// setMocks and the helpers unit tests use: it installs a module-level default run context backed
// by a MockMonitor (the SDK's one allowed piece of module-level state; runProgram ignores it), so
// resources constructed by test code outside runProgram register against the mocks.
import { CairnError, ErrorCodes, type Urn } from "@cairn/protocol";
import { isOutput, outputData, output, type Input } from "../output.js";
import type { Resource } from "../resource.js";
import { RunContext, currentContext, setDefaultContext } from "../run-context.js";
import { MockMonitor, type Mocks } from "./mock-monitor.js";
import { createRoot } from "./run-program.js";
import { RESOURCE_STATE } from "../resource-internals.js";

/**
 * Routes every resource registration (outside runProgram) to `mocks`. Resolves with the
 * MockMonitor once the root stack resource is registered.
 */
export function setMocks(mocks: Mocks, project = "project", stack = "stack", preview = false, organization = "organization"): Promise<MockMonitor> {
  const monitor = new MockMonitor({ mocks, project, stack, dryRun: preview, organization });
  const ctx = new RunContext({ monitor, project, stack, organization, dryRun: preview, config: {}, configSecretKeys: [] });
  setDefaultContext(ctx);
  const root = createRoot(ctx);
  return root[RESOURCE_STATE].registration.then(() => monitor);
}

/** Removes the mocks installed by setMocks. */
export function clearMocks(): void {
  setDefaultContext(undefined);
}

/** Sets config values ("namespace:key" -> string) for the current (usually mocked) run. */
export function setAllConfig(config: Record<string, string>, secretKeys: string[] = []): void {
  const ctx = currentContext();
  if (ctx === undefined) throw noContext("setAllConfig");
  Object.assign(ctx.config, config);
  for (const k of secretKeys) ctx.configSecretKeys.add(k);
}

/** Resolves once every registration, apply and log started so far has settled; rejects with their errors. */
export async function waitForRegistrations(): Promise<void> {
  const ctx = currentContext();
  if (ctx === undefined) return;
  await ctx.settled();
  ctx.throwIfFailed();
}

/** True during preview: outputs of changed resources are unknown. */
export function isDryRun(): boolean {
  return currentContext()?.dryRun ?? false;
}

export interface OutputDetails<T> {
  value: T | undefined;
  known: boolean;
  secret: boolean;
  /** URNs of the resources the value came from. */
  dependencies: Urn[];
}

/** Everything an Output carries, for assertions in tests. */
export async function resolveOutput<T>(value: Input<T>): Promise<OutputDetails<T>> {
  const d = await outputData(isOutput(value) ? value : output(value as Input<unknown>));
  const urns = await Promise.all(d.resources.map(async (r: Resource) => (await r[RESOURCE_STATE].registration).urn));
  return { value: d.value as T | undefined, known: d.known, secret: d.secret, dependencies: [...new Set(urns)] };
}

function noContext(what: string): CairnError {
  return new CairnError({ code: ErrorCodes.ProgramFailed, source: "user", message: `${what} needs a running program or runtime.setMocks(...) first` });
}
