// A stack's checkpoint and journal on disk: loading them (with errors that point at the backups),
// and replacing the checkpoint crash-safely. A replace writes commit-pending.json (the new
// checkpoint's hash) before the rename and removes it after the journal is truncated, so a crash
// in between never replays a journal that the new checkpoint already includes.
import { CairnError, ErrorCodes, isCairnError } from "@cairn/protocol";
import { decodeCheckpoint, decodeJournal, type Decrypter, type JournalEntry, type Snapshot } from "@cairn/state";
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { fsyncDir, isErrno, readIfExists, writeFileAtomic } from "./atomic-write.js";
import { saveBackup } from "./backups.js";
import type { StackPaths } from "./stack-paths.js";

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Explains how to recover from a checkpoint that cannot be used. */
export function checkpointError(paths: StackPaths, e: CairnError): CairnError {
  const restore = `Earlier checkpoints are kept in ${paths.backups}; \`cairn stack import --file <backup>\` restores one.`;
  return new CairnError({
    code: e.code,
    source: e.source,
    message: `the checkpoint ${paths.checkpoint} of stack ${paths.label} cannot be loaded: ${e.message}\n${restore}`,
    hint: restore,
    cause: e,
  });
}

export async function loadCheckpoint(paths: StackPaths, dec: Decrypter, empty: () => Snapshot): Promise<Snapshot> {
  const text = await readIfExists(paths.checkpoint);
  if (text === undefined) return empty();
  try {
    return decodeCheckpoint(text, dec, { source: paths.checkpoint });
  } catch (e) {
    if (isCairnError(e, ErrorCodes.StateCorrupt) || isCairnError(e, ErrorCodes.StateIntegrity) || isCairnError(e, ErrorCodes.StateVersion)) {
      throw checkpointError(paths, e);
    }
    throw e;
  }
}

/** The journal entries not yet compacted into the checkpoint, with warnings (a torn last line). */
export async function loadJournal(paths: StackPaths, dec: Decrypter): Promise<{ entries: JournalEntry[]; warnings: string[] }> {
  if (await pendingCommitLanded(paths)) return { entries: [], warnings: [] };
  const text = await readIfExists(paths.journal);
  if (text === undefined || text.length === 0) return { entries: [], warnings: [] };
  return decodeJournal(text, dec, { source: paths.journal });
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
  /** The new checkpoint document, already encoded and verified. */
  text: string;
  now: number;
  /** Fencing: throws LeaseLost when the lease is gone. */
  assertHeld: () => Promise<void>;
}

/** Backs up the current checkpoint, writes the new one atomically and empties the journal. */
export async function replaceCheckpoint(req: ReplaceCheckpointRequest): Promise<void> {
  const { paths } = req;
  await req.assertHeld();
  await settlePendingCommit(paths);
  if (await exists(paths.checkpoint)) await saveBackup(paths.backups, paths.checkpoint, req.now);
  await req.assertHeld();
  await writeFileAtomic({ path: paths.commitPending, data: JSON.stringify({ formatVersion: 1, checkpointSha256: sha256(req.text) }) });
  await writeFileAtomic({ path: paths.checkpoint, data: req.text });
  await truncateJournal(paths);
  await fs.rm(paths.commitPending, { force: true });
  await fsyncDir(paths.dir);
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
