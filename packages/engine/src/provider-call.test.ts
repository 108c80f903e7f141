import { describe, expect, it } from "vitest";
import { ErrorCodes, isCairnError } from "@cairn/protocol";
import { ForceFanout } from "./force-fanout.js";
import { ForcedAbort, callProvider } from "./provider-call.js";

const URN = "urn:cairn:dev::p::t:m:R::a";

describe("callProvider", () => {
  it("stops waiting on a forced cancellation even when the provider ignores its signal", async () => {
    const force = new AbortController();
    let seen: AbortSignal | undefined;
    const call = callProvider({ urn: URN, op: "check", force: new ForceFanout(force.signal) }, (signal) => {
      seen = signal;
      return new Promise<never>(() => undefined);
    });
    force.abort(new Error("stop"));
    await expect(call).rejects.toBeInstanceOf(ForcedAbort);
    expect(seen?.aborted).toBe(true);
  });

  it("hands sequential calls the shared controller's signal and returns their results", async () => {
    const fanout = new ForceFanout(new AbortController().signal);
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    const a = await callProvider({ urn: URN, op: "check", force: fanout, controller }, async (s) => (signals.push(s), 1));
    const b = await callProvider({ urn: URN, op: "diff", force: fanout, controller }, async (s) => (signals.push(s), 2));
    expect([a, b]).toEqual([1, 2]);
    expect(signals[0]).toBe(controller.signal);
    expect(signals[1]).toBe(controller.signal);
  });

  it("names the operation and resource of a failing call, synchronous throws included", async () => {
    const fanout = new ForceFanout(new AbortController().signal);
    const err = await callProvider({ urn: URN, op: "diff", force: fanout }, () => {
      throw new Error("boom");
    }).catch((e: unknown) => e);
    expect(isCairnError(err) && err.code === ErrorCodes.ProviderError && err.message).toBe(`diff of ${URN} failed: boom`);
  });

  it("fails with a timeout error when a custom timeout passes", async () => {
    const fanout = new ForceFanout(new AbortController().signal);
    const err = await callProvider({ urn: URN, op: "create", timeoutMs: 5, force: fanout }, (signal) => new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted"))))).catch((e: unknown) => e);
    expect(isCairnError(err) && err.code).toBe(ErrorCodes.Timeout);
    expect((err as Error).message).toContain(`create of ${URN} timed out after 5ms`);
  });
});
