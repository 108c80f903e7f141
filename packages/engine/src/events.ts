// Emitting engine events: the injected clock stamps each one before it reaches the sink.
import type { EngineEvent, EventSink } from "@cairn/protocol";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type EventInput = DistributiveOmit<EngineEvent, "time">;
export type EventEmitter = (event: EventInput) => void;

export function makeEmitter(sink: EventSink, clock: () => number): EventEmitter {
  // Object.assign, not `{ ...event, time }`: a spread followed by a new key gives each event a V8
  // hidden class of its own, which costs an allocation and GC work per event.
  return (event) => sink.emit(Object.assign({}, event, { time: clock() }) as EngineEvent);
}
