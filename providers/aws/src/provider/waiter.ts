// Polling with a deadline (the operation's custom timeout or a default) and the AbortSignal:
// the one place create/update/delete wait for AWS to reach a state.
import { CairnError, ErrorCodes, type Urn } from "@cairn/protocol";
import type { WaitRequest } from "./resource-definition.js";

export const DEFAULT_TIMEOUT_MS = 20 * 60_000;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export interface WaiterOptions {
  urn: Urn;
  method: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  now: () => number;
}

export function makeWaiter(opts: WaiterOptions): (req: WaitRequest) => Promise<void> {
  const start = opts.now();
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async (req) => {
    let interval = req.intervalMs ?? 250;
    for (;;) {
      if (await req.done()) return;
      if (opts.now() - start >= timeout) {
        throw new CairnError({
          code: ErrorCodes.Timeout,
          source: "provider",
          urn: opts.urn,
          message: `${opts.method} of ${opts.urn} timed out after ${timeout} ms waiting for ${req.what}`,
          hint: "raise the resource's customTimeouts if AWS needs longer",
        });
      }
      await sleep(Math.min(interval, Math.max(1, timeout - (opts.now() - start))), opts.signal);
      interval = Math.min(interval * 2, 5_000);
    }
  };
}
