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
  /**
   * For calls without a timeout: the controller whose signal the provider gets, shared by the
   * sequential calls of one resource (check then diff); a fresh one when absent.
   */
  controller?: AbortController;
}

/** True when the call was interrupted by a forced cancellation (its journal entry stays open). */
export class ForcedAbort extends Error {
  constructor(readonly urn: Urn) {
    super(`${urn}: interrupted by forced cancellation`);
  }
}

export async function callProvider<T>(req: ProviderCallRequest, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (req.force.aborted) throw new ForcedAbort(req.urn);
  try {
    return await (req.timeoutMs === undefined ? untimed(req.force, req.controller ?? new AbortController(), fn) : timed(req.force, req.timeoutMs, fn));
  } catch (e) {
    if (req.force.aborted) throw new ForcedAbort(req.urn);
    if (e instanceof TimedOut) {
      throw new CairnError({ code: ErrorCodes.Timeout, source: "provider", urn: req.urn, message: `${req.op} of ${req.urn} timed out after ${req.timeoutMs}ms`, hint: "raise customTimeouts for this resource or check the provider", cause: e.cause });
    }
    if (e instanceof ResourceInitError || isCairnError(e)) throw e;
    throw new CairnError({ code: ErrorCodes.ProviderError, source: "provider", urn: req.urn, message: `${req.op} of ${req.urn} failed: ${String((e as Error)?.message ?? e)}`, cause: e });
  }
}

/** The call's failure after its custom timeout fired (the provider's own error as the cause). */
class TimedOut extends Error {}

/**
 * No timeout: a signal of the call's own (providers may add listeners to it freely), aborted with
 * the force signal; the call stops waiting then, so a provider that ignores it cannot hold the run.
 */
function untimed<T>(force: ForceFanout, ctl: AbortController, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const unwatch = force.watch(() => {
      ctl.abort(force.signal.reason);
      reject(force.signal.reason);
    });
    let work: Promise<T>;
    try {
      work = fn(ctl.signal);
    } catch (e) {
      unwatch();
      reject(e);
      return;
    }
    Promise.resolve(work).then(
      (v) => (unwatch(), resolve(v)),
      (e: unknown) => (unwatch(), reject(e)),
    );
  });
}

/** With a timeout: a signal of the call's own, aborted by the force signal or by the timer. */
async function timed<T>(force: ForceFanout, timeoutMs: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ctl = new AbortController();
  let timedOut = false;
  const unwatch = force.watch(() => ctl.abort(force.signal.reason));
  const signal = ctl.signal;
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort(new Error("timeout"));
  }, timeoutMs);
  try {
    const work = fn(signal);
    const aborted = new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }));
    aborted.catch(() => undefined);
    return await Promise.race([work, aborted]);
  } catch (e) {
    if (timedOut) throw new TimedOut("timeout", { cause: e });
    throw e;
  } finally {
    clearTimeout(timer);
    unwatch();
  }
}
