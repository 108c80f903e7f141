// Earlier checkpoints of a stack, kept under backups/ as checkpoint-<time>-<n>.json. Before a
// checkpoint is replaced it is copied here; the newest KEEP_BACKUPS are kept.
import { promises as fs } from "node:fs";
import { dirname, join } from "node:path";
import { fsyncDir, isErrno, writeFileAtomic } from "./atomic-write.js";

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

/**
 * Keeps the checkpoint file at `source` (about to be replaced by a rename) as the newest backup and
 * prunes old ones. The backup is a hard link to the same bytes, so a commit writes one checkpoint;
 * where links are not supported the bytes are copied.
 */
export async function saveBackup(dir: string, source: string, now: number): Promise<BackupEntry> {
  await fs.mkdir(dir, { recursive: true });
  const existing = await listBackupFiles(dir);
  let n = (existing[0]?.n ?? 0) + 1;
  for (;;) {
    const id = `checkpoint-${stamp(now)}-${n}`;
    const path = join(dir, `${id}.json`);
    try {
      await linkOrCopy(source, path);
      await prune(dir);
      return { id, time: new Date(now).toISOString(), n, path };
    } catch (e) {
      if (!isErrno(e, "EEXIST")) throw e;
      n++;
    }
  }
}

async function linkOrCopy(source: string, target: string): Promise<void> {
  try {
    await fs.link(source, target);
    await fsyncDir(dirname(target));
  } catch (e) {
    if (!isErrno(e, "EPERM", "EXDEV", "ENOTSUP", "EOPNOTSUPP", "EMLINK")) throw e;
    await writeFileAtomic({ path: target, data: await fs.readFile(source), exclusive: true });
  }
}

async function prune(dir: string): Promise<void> {
  const all = await listBackupFiles(dir);
  for (const old of all.slice(KEEP_BACKUPS)) await fs.rm(old.path, { force: true });
}
