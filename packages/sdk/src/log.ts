// log.info/warn/error/debug: messages from the program to the engine's event stream, attached to
// a resource's URN when one is given. The run waits for them like any other program work.
import type { LogLevel } from "@cairn/protocol";
import { stateOf } from "./resource-internals.js";
import type { Resource } from "./resource.js";
import { currentContext } from "./run-context.js";

function send(level: LogLevel, message: string, resource: Resource | undefined): void {
  const ctx = currentContext();
  if (ctx === undefined) return;
  const done = (async () => {
    const state = resource === undefined ? undefined : stateOf(resource);
    const urn = state === undefined ? undefined : (await state.registration).urn;
    await ctx.monitor.log(urn === undefined ? { level, message } : { level, message, urn });
  })();
  done.catch((e: unknown) => ctx.fail(e));
  ctx.track(done);
}

export function debug(message: string, resource?: Resource): void {
  send("debug", message, resource);
}
export function info(message: string, resource?: Resource): void {
  send("info", message, resource);
}
export function warn(message: string, resource?: Resource): void {
  send("warning", message, resource);
}
export function error(message: string, resource?: Resource): void {
  send("error", message, resource);
}
