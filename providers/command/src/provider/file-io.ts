// Exact, crash-safe file operations for local.File: write a synced temp file next to the target,
// then rename it over the target (or hard-link it, which fails if the target exists, for an
// exclusive create), then sync the directory. Readers never see a half-written file.
import { randomBytes } from "node:crypto";
import { link, mkdir, open, readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CairnError, ErrorCodes } from "@cairn/protocol";

export interface WriteFileRequest {
  path: string;
  content: string;
  /** Permission bits to set exactly (umask does not apply); undefined keeps the default. */
  mode?: number;
  /** Fail when the target already exists. */
  exclusive: boolean;
  urn: string;
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

async function syncDir(dir: string): Promise<void> {
  try {
    const h = await open(dir, "r");
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // Some filesystems cannot sync a directory; the rename itself is still atomic.
  }
}

function ioError(urn: string, what: string, path: string, e: unknown): CairnError {
  return new CairnError({ code: ErrorCodes.ProviderError, source: "provider", urn, property: "path", message: `${urn}: could not ${what} ${path}: ${(e as Error).message}`, cause: e });
}

function tempName(path: string): string {
  return `.${basename(path)}.cairn-${randomBytes(6).toString("hex")}.tmp`;
}

/** Removes temp files that a killed write of `path` left next to it (our names, this path only). */
async function removeStaleTemps(path: string): Promise<void> {
  const prefix = `.${basename(path)}.cairn-`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  const stale = names.filter((n) => n.startsWith(prefix) && n.endsWith(".tmp") && /^[0-9a-f]{12}$/.test(n.slice(prefix.length, -4)));
  await Promise.all(stale.map((n) => unlink(join(dirname(path), n)).catch(() => undefined)));
}

export async function writeFileAtomic(req: WriteFileRequest): Promise<void> {
  const dir = dirname(req.path);
  const tmp = join(dir, tempName(req.path));
  try {
    await mkdir(dir, { recursive: true });
    const h = await open(tmp, "wx", req.mode ?? 0o666);
    try {
      await h.writeFile(req.content, "utf8");
      if (req.mode !== undefined) await h.chmod(req.mode);
      await h.sync();
    } finally {
      await h.close();
    }
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw ioError(req.urn, "write", req.path, e);
  }
  try {
    if (req.exclusive) {
      await link(tmp, req.path);
      await unlink(tmp);
    } else await rename(tmp, req.path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    if (errno(e) === "EEXIST") {
      throw new CairnError({
        code: ErrorCodes.ProviderError,
        source: "user",
        urn: req.urn,
        property: "path",
        message: `${req.urn}: ${req.path} already exists and Cairn did not create it`,
        hint: "remove the file, import it (cairn import), or set overwrite: true to replace its content",
      });
    }
    throw ioError(req.urn, "write", req.path, e);
  }
  await removeStaleTemps(req.path);
  await syncDir(dir);
}

export interface FileState {
  bytes: Buffer;
  content: string;
  /** Permission bits as a 4-digit octal string, e.g. "0644". */
  mode: string;
}

/** What is on disk at `path`, or undefined when nothing is there. */
export async function readFileState(path: string, urn: string): Promise<FileState | undefined> {
  try {
    const [bytes, st] = await Promise.all([readFile(path), stat(path)]);
    return { bytes, content: bytes.toString("utf8"), mode: `0${(st.mode & 0o7777).toString(8).padStart(3, "0")}` };
  } catch (e) {
    if (errno(e) === "ENOENT" || errno(e) === "ENOTDIR") return undefined;
    throw ioError(urn, "read", path, e);
  }
}

/** Removes the file (and temp files a killed write left); one already gone counts as removed. */
export async function removeFile(path: string, urn: string): Promise<void> {
  await removeStaleTemps(path);
  try {
    await unlink(path);
  } catch (e) {
    if (errno(e) === "ENOENT" || errno(e) === "ENOTDIR") return;
    throw ioError(urn, "remove", path, e);
  }
  await syncDir(dirname(path));
}
