// The force fan-out: every watcher in flight hears the abort once; unwatched ones do not; a
// thousand concurrent watchers add no listener to the shared signal (no leak warning).
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { ForceFanout } from "./force-fanout.js";

describe("ForceFanout", () => {
  it("calls the watchers still subscribed when the signal aborts, once", () => {
    const ctl = new AbortController();
    const fan = new ForceFanout(ctl.signal);
    const heard: string[] = [];
    fan.watch(() => heard.push("a"));
    const stopB = fan.watch(() => heard.push("b"));
    stopB();
    expect(fan.aborted).toBe(false);
    ctl.abort(new Error("forced"));
    ctl.abort(new Error("again"));
    expect(heard).toEqual(["a"]);
    expect(fan.aborted).toBe(true);
  });

  it("keeps one listener on the shared signal however many calls watch it", () => {
    const ctl = new AbortController();
    const fan = new ForceFanout(ctl.signal);
    const stops = Array.from({ length: 1000 }, () => fan.watch(() => undefined));
    expect(getEventListeners(ctl.signal, "abort")).toHaveLength(1);
    for (const s of stops) s();
    expect(getEventListeners(ctl.signal, "abort")).toHaveLength(1);
  });
});
