// The one way the file backend writes a whole file: write a temp file in the same directory, fsync
// it, then rename it over the target (or link it, for exclusive creation) and fsync the directory.
// A reader sees the old file or the new one, never a half-written one.
import { createHash, randomBytes } from "node:crypto";
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

/** A file written and fsync'd under a temp name, with its SHA-256, waiting to be renamed into place. */
export interface PreparedWrite {
  sha256: string;
  /** Renames the temp file over the target and fsyncs the directory. */
  install(): Promise<void>;
  /** Removes the temp file. */
  discard(): Promise<void>;
}

/** Writes `chunks` to a temp file next to `path` in pieces of about 1 MiB, and fsyncs it. */
export async function prepareAtomicWrite(path: string, chunks: Iterable<string>): Promise<PreparedWrite> {
  const tmp = tempPathFor(path);
  const hash = createHash("sha256");
  const fh = await fs.open(tmp, "wx", 0o600);
  try {
    let pending = "";
    for (const chunk of chunks) {
      hash.update(chunk, "utf8");
      pending += chunk;
      if (pending.length >= 1 << 20) {
        await fh.write(pending, null, "utf8");
        pending = "";
      }
    }
    if (pending.length > 0) await fh.write(pending, null, "utf8");
    await fh.sync();
  } catch (e) {
    await fh.close();
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await fh.close();
  return {
    sha256: hash.digest("hex"),
    install: async () => {
      try {
        await fs.rename(tmp, path);
      } catch (e) {
        await fs.rm(tmp, { force: true });
        throw e;
      }
      await fsyncDir(dirname(path));
    },
    discard: () => fs.rm(tmp, { force: true }),
  };
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
