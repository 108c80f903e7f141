// A stack's checkpoint and journal on disk: loading them (with errors that point at the backups),
// and replacing the checkpoint crash-safely (a compaction: the journal is folded into it). A replace writes commit-pending.json (the new
// checkpoint's hash) before the rename and removes it after the journal is truncated, so a crash
// in between never replays a journal that the new checkpoint already includes.
import { CairnError, ErrorCodes, isCairnError } from "@cairn/protocol";
import { decodeCheckpoint, decodeJournal, type Decrypter, type JournalEntry, type ResourceState, type Snapshot } from "@cairn/state";
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { fsyncDir, isErrno, prepareAtomicWrite, readIfExists, writeFileAtomic } from "./atomic-write.js";
import { newestBackupIsCopyOf, saveBackup } from "./backups.js";
import type { StackPaths } from "./stack-paths.js";

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Explains how to recover from a checkpoint that cannot be used. */
export function checkpointError(paths: StackPaths, e: CairnError): CairnError {
  const restore =
    `Checkpoints are kept in ${paths.backups}; \`cairn stack import --file <backup>\` restores one. ` +
    `The newest is a copy of this checkpoint as it was written: copying it over ${paths.checkpoint} instead also keeps the changes recorded in the journal since.`;
  return new CairnError({
    code: e.code,
    source: e.source,
    message: `the checkpoint ${paths.checkpoint} of stack ${paths.label} cannot be loaded: ${e.message}\n${restore}`,
    hint: restore,
    cause: e,
  });
}

/** The checkpoint as loaded, with its size in bytes (0 when the stack has none yet). */
export interface LoadedCheckpoint {
  snapshot: Snapshot;
  bytes: number;
  exists: boolean;
}

export async function loadCheckpoint(paths: StackPaths, dec: Decrypter, empty: () => Snapshot): Promise<LoadedCheckpoint> {
  const text = await readIfExists(paths.checkpoint);
  if (text === undefined) return { snapshot: empty(), bytes: 0, exists: false };
  try {
    return { snapshot: decodeCheckpoint(text, dec, { source: paths.checkpoint }), bytes: Buffer.byteLength(text, "utf8"), exists: true };
  } catch (e) {
    if (isCairnError(e, ErrorCodes.StateCorrupt) || isCairnError(e, ErrorCodes.StateIntegrity) || isCairnError(e, ErrorCodes.StateVersion)) {
      throw checkpointError(paths, e);
    }
    throw e;
  }
}

/**
 * The journal entries not yet compacted into the checkpoint, with warnings (a torn last line) and
 * `bytes`: the size of the complete lines they came from, which is the journal's size once a
 * writer has settled it (torn tail cut, a landed commit's journal emptied).
 */
export async function loadJournal(paths: StackPaths, dec: Decrypter, base: readonly ResourceState[]): Promise<{ entries: JournalEntry[]; warnings: string[]; bytes: number }> {
  if (await pendingCommitLanded(paths)) return { entries: [], warnings: [], bytes: 0 };
  const text = await readIfExists(paths.journal);
  if (text === undefined || text.length === 0) return { entries: [], warnings: [], bytes: 0 };
  const bytes = Buffer.byteLength(text.slice(0, text.lastIndexOf("\n") + 1), "utf8");
  return { ...decodeJournal(text, dec, { source: paths.journal, base }), bytes };
}

/** The journal's text, or undefined when a landed commit already includes it (or there is none). */
export async function uncompactedJournalText(paths: StackPaths): Promise<string | undefined> {
  if (await pendingCommitLanded(paths)) return undefined;
  return readIfExists(paths.journal);
}

/** True when a commit wrote its checkpoint but crashed before truncating the journal. */
async function pendingCommitLanded(paths: StackPaths): Promise<boolean> {
  const marker = await readIfExists(paths.commitPending);
  if (marker === undefined) return false;
  let hash: unknown;
  try {
    hash = (JSON.parse(marker) as { checkpointSha256?: unknown }).checkpointSha256;
  } catch {
    return false; // The marker is written atomically; an unreadable one predates a finished write.
  }
  const current = await readIfExists(paths.checkpoint);
  return current !== undefined && sha256(current) === hash;
}

/** Finishes or forgets a commit interrupted by a crash. Call under the lease, before writing. */
export async function settlePendingCommit(paths: StackPaths): Promise<void> {
  if (!(await exists(paths.commitPending))) return;
  if (await pendingCommitLanded(paths)) await truncateJournal(paths);
  await fs.rm(paths.commitPending, { force: true });
  await fsyncDir(paths.dir);
}

export interface ReplaceCheckpointRequest {
  paths: StackPaths;
  /** The new checkpoint document, verified, as text in pieces (encodeCheckpointChunks). */
  chunks: Iterable<string>;
  now: number;
  /** Fencing: throws LeaseLost when the lease is gone. */
  assertHeld: () => Promise<void>;
}

/**
 * Writes the new checkpoint atomically, empties the journal and keeps a copy of the new checkpoint
 * as the newest backup. The replaced checkpoint normally has its copy already (from when it was
 * written); if it has none (a crash before the copy, or a stack written by an older Cairn), it is
 * kept too, as a hard link (its file is renamed over, so the link keeps the old bytes).
 */
export async function replaceCheckpoint(req: ReplaceCheckpointRequest): Promise<void> {
  const { paths } = req;
  await req.assertHeld();
  await settlePendingCommit(paths);
  if ((await exists(paths.checkpoint)) && !(await newestBackupIsCopyOf(paths.backups, paths.checkpoint))) {
    await saveBackup({ dir: paths.backups, source: paths.checkpoint, now: req.now, mode: "link" });
  }
  const prepared = await prepareAtomicWrite(paths.checkpoint, req.chunks);
  try {
    await req.assertHeld();
    await writeFileAtomic({ path: paths.commitPending, data: JSON.stringify({ formatVersion: 1, checkpointSha256: prepared.sha256 }) });
  } catch (e) {
    await prepared.discard();
    throw e;
  }
  await prepared.install();
  await truncateJournal(paths);
  await fs.rm(paths.commitPending, { force: true });
  await fsyncDir(paths.dir);
  // A copy, not a link: a link would share the file that a damaged checkpoint.json damages too.
  await saveBackup({ dir: paths.backups, source: paths.checkpoint, now: req.now, mode: "copy" });
}

/**
 * Cuts an incomplete last line (a torn write) off the journal before new lines are appended after
 * it; loading already drops it with a warning. Call under the lease.
 */
export async function repairTornTail(paths: StackPaths): Promise<void> {
  const text = await readIfExists(paths.journal);
  if (text === undefined || text.length === 0 || text.endsWith("\n")) return;
  const keep = Buffer.byteLength(text.slice(0, text.lastIndexOf("\n") + 1), "utf8");
  const h = await fs.open(paths.journal, "r+");
  try {
    await h.truncate(keep);
    await h.sync();
  } finally {
    await h.close();
  }
}

/** Empties the journal in place, so an open append descriptor keeps writing to the same file. */
export async function truncateJournal(paths: StackPaths): Promise<void> {
  let h: fs.FileHandle;
  try {
    h = await fs.open(paths.journal, "r+");
  } catch (e) {
    if (isErrno(e, "ENOENT")) return;
    throw e;
  }
  try {
    await h.truncate(0);
    await h.sync();
  } finally {
    await h.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path);
    return true;
  } catch {
    return false;
  }
}
