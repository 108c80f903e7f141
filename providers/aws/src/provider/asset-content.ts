// Reads the bytes behind an asset or archive marker (text, a local path resolved against the
// program directory, or a file:// URI) for uploads such as S3 objects, and their MD5 (S3's ETag).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CairnError, ErrorCodes, isArchiveValue, isAssetValue, type PropertyValue, type Urn } from "@cairn/protocol";

export interface ContentRequest {
  urn?: Urn;
  property: string;
  value: PropertyValue;
  rootDirectory?: string;
}

function pathOf(p: string, root: string | undefined): string {
  return isAbsolute(p) || root === undefined ? p : resolve(root, p);
}

/** The bytes of an asset, or of an archive given as a path to a ready-made file (e.g. a .zip). */
export async function contentBytes(req: ContentRequest): Promise<Buffer> {
  const v = req.value;
  const fail = (why: string) =>
    new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `${req.urn ?? "resource"}: ${req.property} ${why}`, property: req.property, ...(req.urn !== undefined ? { urn: req.urn } : {}) });
  if (typeof v === "string") return Buffer.from(v, "utf8");
  if (isAssetValue(v)) {
    if (v.text !== undefined) return Buffer.from(v.text, "utf8");
    if (v.path !== undefined) return readFile(pathOf(v.path, req.rootDirectory));
    if (v.uri !== undefined && v.uri.startsWith("file:")) return readFile(fileURLToPath(v.uri));
    throw fail("is a remote asset; only text, file and file:// assets can be uploaded");
  }
  if (isArchiveValue(v)) {
    if (v.path !== undefined) return readFile(pathOf(v.path, req.rootDirectory));
    throw fail("is an archive built from assets; give a FileArchive of a ready-made file instead");
  }
  throw fail("must be an asset, an archive or a string");
}

export function md5Hex(bytes: Buffer): string {
  return createHash("md5").update(bytes).digest("hex");
}
