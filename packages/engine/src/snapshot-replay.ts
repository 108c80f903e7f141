// The result snapshot of a deployment: the base state with the journal entries applied, by
// @cairn/state's pure replay (the same function that rebuilds state from a stored journal).
import { replay, type JournalEntry, type Snapshot } from "@cairn/state";

export function replaySnapshot(base: Snapshot, entries: JournalEntry[]): Snapshot {
  return replay(base, entries);
}
