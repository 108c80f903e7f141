// runProgram: one program run against a ResourceMonitor. Handshake, a fresh AsyncLocalStorage
// context, the root stack resource, the program, then wait for all its work and register the
// exports as stack outputs. Concurrent runs never see each other's resources.
import { CairnError, ErrorCodes, ROOT_STACK_TYPE, isPropertyMap, type PropertyMap, type ResourceMonitor } from "@cairn/protocol";
import { RootStackResource } from "../resource.js";
import { RESOURCE_STATE } from "../resource-internals.js";
import { RunContext, asCairnError, combineErrors, runInContext } from "../run-context.js";
import { serializeValue } from "../serialize.js";

export const SDK_NAME = "@cairn/sdk";
export const SDK_VERSION = "0.1.0";

export interface RunProgramOptions {
  signal?: AbortSignal;
}

export async function runProgram(monitor: ResourceMonitor, program: () => unknown, opts: RunProgramOptions = {}): Promise<{ outputs: PropertyMap }> {
  const hs = await monitor.handshake({ sdk: SDK_NAME, sdkVersion: SDK_VERSION });
  const ctx = new RunContext({ ...hs, monitor });
  ctx.signal = opts.signal;
  return runInContext(ctx, async () => {
    const root = createRoot(ctx);
    let exports: unknown;
    try {
      checkCancelled(opts.signal);
      exports = await program();
    } catch (err) {
      ctx.fail(programError(err));
    }
    await settle(ctx, opts.signal);
    const outputs = await serializeExports(exports).catch((e: unknown) => {
      ctx.fail(e);
      return {};
    });
    await settle(ctx, opts.signal);
    const { urn } = await root[RESOURCE_STATE].registration;
    await monitor.registerResourceOutputs({ urn, outputs });
    return { outputs };
  });
}

/** Registers the root stack resource `<project>-<stack>` and makes it the default parent. */
export function createRoot(ctx: RunContext): RootStackResource {
  const root = runInContext(ctx, () => new RootStackResource(ROOT_STACK_TYPE, `${ctx.project}-${ctx.stack}`));
  const rootUrn = root[RESOURCE_STATE].registration.then((r) => (ctx.rootUrnKnown = r.urn));
  // A failed root registration is reported through the context; do not leave it unhandled here.
  rootUrn.catch(() => undefined);
  ctx.rootUrn = rootUrn;
  return root;
}

async function settle(ctx: RunContext, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) await ctx.settled();
  else {
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => reject(cancelledError());
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
      ctx.settled().then(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      }, reject);
    });
  }
  if (ctx.errors.length > 0) throw combineErrors(ctx.errors.splice(0));
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

function cancelledError(): CairnError {
  return new CairnError({ code: ErrorCodes.Cancelled, source: "user", message: "the program run was cancelled" });
}

function programError(err: unknown): CairnError {
  if (err instanceof CairnError) return err;
  const e = asCairnError(err);
  return new CairnError({ code: ErrorCodes.ProgramFailed, source: "user", message: e.message, cause: err });
}

/** Stack outputs: the program's exports (an object or module namespace), functions skipped. */
async function serializeExports(exports: unknown): Promise<PropertyMap> {
  if (exports === null || typeof exports !== "object") return {};
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(exports)) {
    const v = (exports as Record<string, unknown>)[key];
    if (typeof v !== "function") picked[key] = v;
  }
  const value = await serializeValue(picked, new Set(), "");
  return isPropertyMap(value) ? value : {};
}
