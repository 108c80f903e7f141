// Builds a .zip in memory from an archive marker (AssetArchive of StringAsset/FileAsset/nested
// archives, FileArchive of a directory, or a ready-made .zip/.jar file) for uploads such as Lambda
// code. Entries are sorted and timestamps fixed, so the same content always gives the same bytes
// (and the same SHA-256, which AWS reports back as a function's CodeSha256).
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";
import { CairnError, ErrorCodes, isArchiveValue, isAssetValue, type ArchiveValue, type AssetValue, type PropertyValue, type Urn } from "@cairn/protocol";

export interface ZipRequest {
  urn?: Urn;
  property: string;
  value: PropertyValue;
  rootDirectory?: string;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = (CRC_TABLE[(c ^ (buf[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** 1980-01-01 00:00 in DOS time/date: the fixed timestamp of every entry. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Encodes entries (name -> bytes) as a zip file with deflate compression. */
export function zipEntries(entries: ReadonlyMap<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of [...entries.keys()].sort()) {
    const data = entries.get(name) as Buffer;
    const nameBuf = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4); // made by Unix, v3.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + packed.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

function fail(req: ZipRequest, why: string): CairnError {
  return new CairnError({
    code: ErrorCodes.InvalidInput, source: "user", property: req.property,
    message: `${req.urn ?? "resource"}: ${req.property} ${why}`,
    ...(req.urn !== undefined ? { urn: req.urn } : {}),
  });
}

function localPath(p: string, root: string | undefined): string {
  return isAbsolute(p) || root === undefined ? p : resolve(root, p);
}

async function addDirectory(dir: string, prefix: string, out: Map<string, Buffer>): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await addDirectory(full, `${prefix}${entry.name}/`, out);
    else if (entry.isFile()) out.set(`${prefix}${entry.name}`, await readFile(full));
  }
}

async function assetBytes(req: ZipRequest, a: AssetValue): Promise<Buffer> {
  if (a.text !== undefined) return Buffer.from(a.text, "utf8");
  if (a.path !== undefined) return readFile(localPath(a.path, req.rootDirectory));
  if (a.uri !== undefined && a.uri.startsWith("file:")) return readFile(fileURLToPath(a.uri));
  throw fail(req, "contains a remote asset; only text, file and file:// assets can be archived");
}

async function addArchive(req: ZipRequest, a: ArchiveValue, prefix: string, out: Map<string, Buffer>): Promise<void> {
  if (a.assets !== undefined) {
    for (const [name, member] of Object.entries(a.assets)) {
      if (isAssetValue(member)) out.set(`${prefix}${name}`, await assetBytes(req, member));
      else await addArchive(req, member, `${prefix}${name.replace(/\/?$/, "/")}`, out);
    }
    return;
  }
  const path = a.path ?? (a.uri !== undefined && a.uri.startsWith("file:") ? fileURLToPath(a.uri) : undefined);
  if (path === undefined) throw fail(req, "contains a remote archive; only local archives can be zipped");
  const full = localPath(path, req.rootDirectory);
  if (!(await stat(full)).isDirectory()) throw fail(req, `nests the archive file ${path}; nest a directory or assets instead`);
  await addDirectory(full, prefix, out);
}

/** The zip bytes of an archive marker: a ready-made .zip/.jar file as is, anything else zipped here. */
export async function zipBytes(req: ZipRequest): Promise<Buffer> {
  const v = req.value;
  if (!isArchiveValue(v)) throw fail(req, "must be an archive (AssetArchive or FileArchive)");
  if (v.path !== undefined) {
    const full = localPath(v.path, req.rootDirectory);
    const info = await stat(full).catch(() => undefined);
    if (info === undefined) throw fail(req, `names ${full}, which does not exist`);
    if (info.isFile()) return readFile(full);
  }
  const entries = new Map<string, Buffer>();
  await addArchive(req, v, "", entries);
  return zipEntries(entries);
}

/** Base64 SHA-256, the form AWS Lambda reports as CodeSha256. */
export function sha256Base64(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("base64");
}
