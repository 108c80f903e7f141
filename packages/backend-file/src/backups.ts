// Checkpoints of a stack, kept under backups/ as checkpoint-<time>-<n>.json: each checkpoint
// written is copied here (the newest backup is the current checkpoint as written); the newest
// KEEP_BACKUPS are kept.
import { constants as fsConstants, promises as fs } from "node:fs";
import { dirname, join } from "node:path";
import { fsyncDir, isErrno, tempPathFor } from "./atomic-write.js";

export const KEEP_BACKUPS = 20;
const NAME_RE = /^checkpoint-(\d{8}T\d{6}\.\d{3}Z)-(\d+)\.json$/;

export interface BackupEntry {
  /** The file name without ".json". */
  id: string;
  /** ISO-8601 time the backup was taken. */
  time: string;
  n: number;
  path: string;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "");
}

function unstamp(s: string): string {
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 11)}:${s.slice(11, 13)}:${s.slice(13)}`;
}

/** Backups of one stack, newest first. */
export async function listBackupFiles(dir: string): Promise<BackupEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (e) {
    if (isErrno(e, "ENOENT")) return [];
    throw e;
  }
  const out: BackupEntry[] = [];
  for (const name of names) {
    const m = NAME_RE.exec(name);
    if (m) out.push({ id: name.slice(0, -".json".length), time: unstamp(m[1]!), n: Number(m[2]), path: join(dir, name) });
  }
  return out.sort((a, b) => b.n - a.n);
}

export interface SaveBackupRequest {
  dir: string;
  /** The checkpoint file to keep. */
  source: string;
  now: number;
  /**
   * "link": a hard link, for a file about to be renamed over (no bytes are written); "copy": the
   * bytes, for the checkpoint that stays in place (damage to it must not reach the backup).
   */
  mode: "link" | "copy";
}

/** Keeps the checkpoint file at `source` as the newest backup and prunes old ones. */
export async function saveBackup(req: SaveBackupRequest): Promise<BackupEntry> {
  const { dir, now } = req;
  await fs.mkdir(dir, { recursive: true });
  const existing = await listBackupFiles(dir);
  let n = (existing[0]?.n ?? 0) + 1;
  for (;;) {
    const id = `checkpoint-${stamp(now)}-${n}`;
    const path = join(dir, `${id}.json`);
    try {
      if (req.mode === "link") await linkOrCopy(req.source, path);
      else await copyExclusive(req.source, path);
      await prune(dir);
      return { id, time: new Date(now).toISOString(), n, path };
    } catch (e) {
      if (!isErrno(e, "EEXIST")) throw e;
      n++;
    }
  }
}

/** True when the newest backup holds the same bytes as the checkpoint file at `source`. */
export async function newestBackupIsCopyOf(dir: string, source: string): Promise<boolean> {
  const newest = (await listBackupFiles(dir))[0];
  if (newest === undefined) return false;
  const [a, b] = await Promise.all([fs.stat(newest.path), fs.stat(source)]);
  if (a.size !== b.size) return false;
  const [x, y] = await Promise.all([fs.readFile(newest.path), fs.readFile(source)]);
  return x.equals(y);
}

async function linkOrCopy(source: string, target: string): Promise<void> {
  try {
    await fs.link(source, target);
    await fsyncDir(dirname(target));
  } catch (e) {
    if (!isErrno(e, "EPERM", "EXDEV", "ENOTSUP", "EOPNOTSUPP", "EMLINK")) throw e;
    await copyExclusive(source, target);
  }
}

/** Copies `source` to a temp file, fsyncs it and links it into place (EEXIST if taken). */
async function copyExclusive(source: string, target: string): Promise<void> {
  const tmp = tempPathFor(target);
  try {
    // A reflink where the filesystem has them (no bytes written), else a plain copy.
    await fs.copyFile(source, tmp, fsConstants.COPYFILE_EXCL | fsConstants.COPYFILE_FICLONE);
    const fh = await fs.open(tmp, "r+");
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.link(tmp, target);
  } finally {
    await fs.rm(tmp, { force: true });
  }
  await fsyncDir(dirname(target));
}

async function prune(dir: string): Promise<void> {
  const all = await listBackupFiles(dir);
  for (const old of all.slice(KEEP_BACKUPS)) await fs.rm(old.path, { force: true });
}
