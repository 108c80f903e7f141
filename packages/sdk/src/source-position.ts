// Cheap capture of where the user's `new X(...)` call is: the raw V8 stack is captured at
// construction and only formatted when the registration is sent, skipping the SDK's own frames.
import { isAbsolute, relative, dirname, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourcePosition } from "@cairn/protocol";

const SDK_DIR = dirname(fileURLToPath(import.meta.url)) + sep;
const FRAME = /\(?((?:file:\/\/)?[^()\s]+?):(\d+):(\d+)\)?$/;

export interface CapturedSite {
  stack?: string;
}

export function captureSite(): CapturedSite {
  const holder: CapturedSite = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 24;
  Error.captureStackTrace(holder, captureSite);
  Error.stackTraceLimit = limit;
  return holder;
}

function isSdkFrame(file: string): boolean {
  if (file.startsWith("node:") || file.includes(`${sep}node_modules${sep}`)) return true;
  if (!file.startsWith(SDK_DIR)) return false;
  return !file.includes(`${sep}__fixtures__${sep}`) && !/\.test\.[cm]?[jt]s$/.test(file);
}

/** The first frame outside the SDK, relative to rootDirectory when inside it. */
export function sourcePositionOf(site: CapturedSite, rootDirectory: string | undefined): SourcePosition | undefined {
  const lines = site.stack?.split("\n") ?? [];
  for (let i = 1; i < lines.length; i++) {
    const m = FRAME.exec(lines[i]!.trim());
    if (m === null) continue;
    let file = m[1]!;
    if (file.startsWith("file://")) file = fileURLToPath(file);
    if (!isAbsolute(file) || isSdkFrame(file)) continue;
    if (rootDirectory !== undefined) {
      const rel = relative(rootDirectory, file);
      if (!rel.startsWith("..") && !isAbsolute(rel)) file = rel.split(sep).join("/");
    }
    return { file, line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}
