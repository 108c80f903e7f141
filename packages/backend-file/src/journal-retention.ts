// The commit policy: a commit leaves the state as checkpoint + journal, and writes nothing, when
// the journal on disk already yields exactly the snapshot being committed and is still small next
// to the checkpoint; otherwise it compacts (writes a new checkpoint and empties the journal). So a
// no-op update writes nothing and an update writes only its journal lines, while loading stays
// bounded (checkpoint + a journal of at most `ratio` of its size).
import { replay, type JournalEntry, type Snapshot } from "@cairn/state";
import { fileIdentity, fileSize } from "./file-identity.js";
import type { FileJournalWriter } from "./journal-writer.js";
import { sameState } from "./same-state.js";
import type { StackPaths } from "./stack-paths.js";

/** Compact once the journal exceeds this fraction of the checkpoint's size. */
export const DEFAULT_COMPACT_RATIO = 0.5;

/** What one loadState read from disk, kept to decide later whether a commit can skip writing. */
export interface LoadedView {
  /** checkpoint.json's identity when it was read. */
  checkpoint: string;
  checkpointBytes: number;
  snapshot: Snapshot;
  /** The journal's entries and the size of the complete lines they came from. */
  journal: JournalEntry[];
  journalBytes: number;
  /** The journal writer opened after loading; its entries follow `journal` on disk. */
  writer?: FileJournalWriter;
}

export interface RetentionRequest {
  paths: StackPaths;
  view: LoadedView | undefined;
  snapshot: Snapshot;
  ratio: number;
}

/**
 * True when checkpoint.json plus journal.jsonl, as they are on disk now, replay to exactly
 * `snapshot`, with no pending operations (a checkpoint is then where they are kept and reported
 * from, whatever order the journal began them in) and a journal within `ratio` of the checkpoint.
 */
export async function journalHolds(req: RetentionRequest): Promise<boolean> {
  const { view, paths, snapshot } = req;
  if (view === undefined || snapshot.pendingOperations.length > 0) return false;
  const written = view.writer ? view.writer.written() : { entries: [], bytes: 0 };
  if (written === undefined) return false;
  const journalBytes = view.journalBytes + written.bytes;
  if (journalBytes > view.checkpointBytes * req.ratio) return false;
  if ((await fileIdentity(paths.checkpoint)) !== view.checkpoint) return false;
  if ((await fileSize(paths.journal)) !== journalBytes) return false;
  const onDisk = written.entries.length === 0 ? replay(view.snapshot, view.journal) : replay(view.snapshot, [...view.journal, ...written.entries]);
  return sameState(onDisk, snapshot);
}
