// Emitting engine events: the injected clock stamps each one before it reaches the sink.
import type { EngineEvent, EventSink } from "@cairn/protocol";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type EventInput = DistributiveOmit<EngineEvent, "time">;
export type EventEmitter = (event: EventInput) => void;

export function makeEmitter(sink: EventSink, clock: () => number): EventEmitter {
  return (event) => sink.emit({ ...event, time: clock() } as EngineEvent);
}
