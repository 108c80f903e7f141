// One provider call with its timeout and cancellation: the signal the provider receives is aborted
// by a forced cancellation or by the custom timeout. Errors come back as coded CairnErrors that
// name the resource and the operation.
import { CairnError, ErrorCodes, ResourceInitError, isCairnError, type Urn } from "@cairn/protocol";
import type { ForceFanout } from "./force-fanout.js";

export interface ProviderCallRequest {
  urn: Urn;
  op: string;
  timeoutMs?: number;
  /** The run's force-cancel signal, through its fan-out (no listener per call on the shared signal). */
  force: ForceFanout;
}

/** True when the call was interrupted by a forced cancellation (its journal entry stays open). */
export class ForcedAbort extends Error {
  constructor(readonly urn: Urn) {
    super(`${urn}: interrupted by forced cancellation`);
  }
}

export async function callProvider<T>(req: ProviderCallRequest, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ctl = new AbortController();
  let timedOut = false;
  if (req.force.aborted) throw new ForcedAbort(req.urn);
  const unwatch = req.force.watch(() => ctl.abort(req.force.signal.reason));
  const signal = ctl.signal;
  const timer = req.timeoutMs === undefined ? undefined : setTimeout(() => {
    timedOut = true;
    ctl.abort(new Error("timeout"));
  }, req.timeoutMs);
  try {
    const work = fn(signal);
    const aborted = new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }));
    aborted.catch(() => undefined);
    return await Promise.race([work, aborted]);
  } catch (e) {
    if (req.force.aborted) throw new ForcedAbort(req.urn);
    if (timedOut) {
      throw new CairnError({ code: ErrorCodes.Timeout, source: "provider", urn: req.urn, message: `${req.op} of ${req.urn} timed out after ${req.timeoutMs}ms`, hint: "raise customTimeouts for this resource or check the provider", cause: e });
    }
    if (e instanceof ResourceInitError || isCairnError(e)) throw e;
    throw new CairnError({ code: ErrorCodes.ProviderError, source: "provider", urn: req.urn, message: `${req.op} of ${req.urn} failed: ${String((e as Error)?.message ?? e)}`, cause: e });
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    unwatch();
  }
}
