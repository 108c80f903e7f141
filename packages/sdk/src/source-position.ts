// Cheap capture of where the user's `new X(...)` call is: the raw V8 stack is captured at
// construction and only formatted when the registration is sent, skipping the SDK's own frames.
import { isAbsolute, relative, dirname, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourcePosition } from "@cairn/protocol";

const SDK_DIR = dirname(fileURLToPath(import.meta.url)) + sep;
const FRAME = /\(?((?:file:\/\/)?[^()\s]+?):(\d+):(\d+)\)?$/;

export interface CapturedSite {
  stack?: string;
  /** The constructed class (`new.target`): its constructor chain frames are skipped too. */
  target?: abstract new (...args: never[]) => unknown;
}

export function captureSite(target?: CapturedSite["target"]): CapturedSite {
  const holder: CapturedSite = target === undefined ? {} : { target };
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
  const chain = constructorNames(site.target);
  let inChain = true;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const m = FRAME.exec(line);
    if (m === null) continue;
    let file = m[1]!;
    if (file.startsWith("file://")) file = fileURLToPath(file);
    if (!isAbsolute(file) || isSdkFrame(file)) continue;
    // Frames of the resource's own subclass constructors (super calls) are not the call site.
    const ctor = /^at new ([\w$]+) /.exec(line);
    if (inChain && ctor !== null && chain.has(ctor[1]!)) continue;
    inChain = false;
    if (rootDirectory !== undefined) {
      const rel = relative(rootDirectory, file);
      if (!rel.startsWith("..") && !isAbsolute(rel)) file = rel.split(sep).join("/");
    }
    return { file, line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

function constructorNames(target: CapturedSite["target"]): Set<string> {
  const names = new Set<string>();
  for (let c: unknown = target; typeof c === "function" && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    if ((c as { name: string }).name !== "") names.add((c as { name: string }).name);
  }
  return names;
}
