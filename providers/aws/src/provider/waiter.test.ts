import { describe, expect, it } from "vitest";
import { makeWaiter } from "./waiter.js";

describe("makeWaiter", () => {
  it("polls until done", async () => {
    let calls = 0;
    const wait = makeWaiter({ urn: "urn:cairn:s::p::t::n", method: "create", timeoutMs: 10_000, now: Date.now });
    await wait({ what: "it", intervalMs: 1, done: async () => ++calls === 3 });
    expect(calls).toBe(3);
  });

  it("throws a Timeout CairnError naming the resource and what it waited for", async () => {
    let clock = 0;
    const wait = makeWaiter({ urn: "urn:cairn:s::p::t::n", method: "delete", timeoutMs: 1_000, now: () => clock });
    const err = await wait({ what: "vpc-1 to be deleted", intervalMs: 1, done: async () => ((clock += 600), false) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CAIRN_TIMEOUT", urn: "urn:cairn:s::p::t::n" });
    expect((err as Error).message).toMatch(/delete of urn:cairn:s::p::t::n timed out after 1000 ms waiting for vpc-1 to be deleted/);
  });

  it("stops when the signal aborts", async () => {
    const ac = new AbortController();
    const wait = makeWaiter({ urn: "urn:cairn:s::p::t::n", method: "create", timeoutMs: 60_000, signal: ac.signal, now: Date.now });
    const pending = wait({ what: "never", intervalMs: 50, done: async () => false });
    ac.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
  });
});
