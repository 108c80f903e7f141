// What a stack listing shows without the stack's key: the resource count (checkpoint plus any
// journal not yet compacted, secrets left sealed) and the time of the last recorded update.
import { decodeJournal, parseCheckpointDocument, replay, type Snapshot } from "@cairn/state";
import { readIfExists } from "./atomic-write.js";
import { checkpointError, uncompactedJournalText } from "./checkpoint-store.js";
import { historyVersions, readHistoryFile } from "./history-store.js";
import { carrySealed } from "./sealed-crypters.js";
import type { StackPaths } from "./stack-paths.js";
import { isCairnError } from "@cairn/protocol";

/** The checkpoint with its secrets still sealed, or undefined when none was written yet. */
export async function readSealedCheckpoint(paths: StackPaths): Promise<Snapshot | undefined> {
  const text = await readIfExists(paths.checkpoint);
  if (text === undefined) return undefined;
  try {
    return parseCheckpointDocument(text, { source: paths.checkpoint }).checkpoint;
  } catch (e) {
    throw isCairnError(e) ? checkpointError(paths, e) : e;
  }
}

export async function countResources(paths: StackPaths): Promise<number> {
  const checkpoint = await readSealedCheckpoint(paths);
  const base: Snapshot = checkpoint ?? { resources: [], pendingOperations: [], manifest: { time: "", cairnVersion: "" } };
  const journal = await uncompactedJournalText(paths);
  if (journal === undefined || journal.length === 0) return base.resources.length;
  const { entries } = decodeJournal(journal, carrySealed, { source: paths.journal, base: base.resources });
  return replay(base, entries).resources.length;
}

export async function lastUpdateTime(paths: StackPaths): Promise<string | undefined> {
  const newest = (await historyVersions(paths.history))[0];
  if (newest === undefined) return undefined;
  return (await readHistoryFile(paths.history, newest)).endTime;
}
