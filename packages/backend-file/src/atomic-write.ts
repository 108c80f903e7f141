// The one way the file backend writes a whole file: write a temp file in the same directory, fsync
// it, then rename it over the target (or link it, for exclusive creation) and fsync the directory.
// A reader sees the old file or the new one, never a half-written one.
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import { basename, dirname, join } from "node:path";

export interface AtomicWriteRequest {
  path: string;
  data: string | Uint8Array;
  /** Fail with EEXIST instead of replacing a file that is already there. */
  exclusive?: boolean;
}

/** Temp files start with "." and end with ".tmp"; every listing in the backend skips them. */
export function isTempName(name: string): boolean {
  return name.startsWith(".") && name.endsWith(".tmp");
}

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
}

export async function writeFileAtomic(req: AtomicWriteRequest): Promise<void> {
  const tmp = tempPathFor(req.path);
  const fh = await fs.open(tmp, "wx", 0o600);
  try {
    await fh.writeFile(req.data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    if (req.exclusive) {
      await fs.link(tmp, req.path);
      await fs.unlink(tmp);
    } else {
      await fs.rename(tmp, req.path);
    }
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(dirname(req.path));
}

/** Makes a directory entry change (create, rename, unlink) durable. */
export async function fsyncDir(dir: string): Promise<void> {
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(dir, "r");
    await fh.sync();
  } catch (e) {
    // Some platforms cannot open or fsync a directory; the rename is still atomic there.
    if (!isErrno(e, "EISDIR", "EPERM", "EINVAL", "EACCES")) throw e;
  } finally {
    await fh?.close();
  }
}

export function isErrno(e: unknown, ...codes: string[]): boolean {
  return e instanceof Error && codes.includes((e as NodeJS.ErrnoException).code ?? "");
}

/** Reads a file as UTF-8, or undefined when it does not exist. */
export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, "utf8");
  } catch (e) {
    if (isErrno(e, "ENOENT")) return undefined;
    throw e;
  }
}
