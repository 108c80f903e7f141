// Cheap capture of where the user's `new X(...)` call is. At construction only a few structured
// V8 call sites are taken (no string formatting); the SDK's own frames are skipped. The chosen
// frame is formatted when the registration is sent, through the installed stack formatter (so
// tools that map TypeScript positions still apply) or Node's source maps; each distinct frame is
// formatted once per run (a loop of `new X(...)` shares one resolved position).
import { findSourceMap } from "node:module";
import { isAbsolute, relative, dirname, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { SourcePosition } from "@cairn/protocol";

const SDK_DIR = dirname(fileURLToPath(import.meta.url)) + sep;
const SDK_URL = pathToFileURL(SDK_DIR).href;
const FRAME = /\(?((?:file:\/\/)?[^()\s]+?):(\d+):(\d+)\)?$/;

type Formatter = (err: Error, sites: NodeJS.CallSite[]) => unknown;

export interface CapturedSite {
  site?: NodeJS.CallSite;
  /** The stack formatter installed when the site was captured (e.g. a source-map tool's). */
  formatter?: Formatter;
}

const collect: Formatter = (_err, sites) => sites;

/** Captures the call site of `new target(...)`: frames up to target's constructor are left out. */
export function captureSite(target?: abstract new (...args: never[]) => unknown): CapturedSite {
  const holder: { stack?: unknown } = {};
  const limit = Error.stackTraceLimit;
  const formatter = Error.prepareStackTrace as Formatter | undefined;
  Error.prepareStackTrace = collect as typeof Error.prepareStackTrace;
  try {
    // Usually the first frame past the constructor is the program's: take one, and three only
    // when it is the SDK's own (a resource the SDK constructs for the program).
    let site = firstProgramFrame(holder, 1, target);
    if (site === null) site = firstProgramFrame(holder, 3, target);
    return site === undefined || site === null ? {} : formatter === undefined ? { site } : { site, formatter };
  } finally {
    Error.prepareStackTrace = formatter as typeof Error.prepareStackTrace;
    Error.stackTraceLimit = limit;
  }
}

/** isSdkFile for a frame's file name, which may be a file:// URL (only SDK URLs are converted). */
function isSdkFrame(file: string): boolean {
  if (!file.startsWith("file://")) return isSdkFile(file);
  if (file.includes("/node_modules/")) return true;
  return file.startsWith(SDK_URL) && isSdkFile(fileURLToPath(file));
}

/** The first non-SDK frame of `limit` frames; null when all of them are the SDK's. */
function firstProgramFrame(holder: { stack?: unknown }, limit: number, target: (abstract new (...args: never[]) => unknown) | undefined): NodeJS.CallSite | undefined | null {
  Error.stackTraceLimit = limit;
  Error.captureStackTrace(holder, (target ?? captureSite) as (...args: never[]) => unknown);
  const sites = holder.stack as NodeJS.CallSite[] | undefined;
  if (sites === undefined || sites.length === 0) return undefined;
  const site = sites.find((s) => {
    const file = s.getFileName();
    return file !== undefined && file !== null && !isSdkFrame(file);
  });
  return site ?? (sites.length < limit ? undefined : null);
}

function isSdkFile(file: string): boolean {
  if (file.startsWith("node:") || file.includes(`${sep}node_modules${sep}`)) return true;
  if (!file.startsWith(SDK_DIR)) return false;
  return !file.includes(`${sep}__fixtures__${sep}`) && !/\.test\.[cm]?[jt]s$/.test(file);
}

/** Resolved positions of one run, by formatter and frame; positions are shared, never mutated. */
export type SourcePositionCache = WeakMap<object, Map<string, SourcePosition | null>>;

const NO_FORMATTER = {};

/** The captured position, relative to rootDirectory when inside it (memoised in `cache` when given). */
export function sourcePositionOf(captured: CapturedSite, rootDirectory: string | undefined, cache?: SourcePositionCache): SourcePosition | undefined {
  const site = captured.site;
  if (site === undefined) return undefined;
  if (cache === undefined) return resolvePosition(site, captured.formatter, rootDirectory);
  const scope = captured.formatter ?? NO_FORMATTER;
  let byFrame = cache.get(scope);
  if (byFrame === undefined) cache.set(scope, (byFrame = new Map()));
  const key = `${site.getFileName() ?? ""}:${site.getLineNumber() ?? ""}:${site.getColumnNumber() ?? ""}:${rootDirectory ?? ""}`;
  const hit = byFrame.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const pos = resolvePosition(site, captured.formatter, rootDirectory);
  byFrame.set(key, pos ?? null);
  return pos;
}

function resolvePosition(site: NodeJS.CallSite, formatter: Formatter | undefined, rootDirectory: string | undefined): SourcePosition | undefined {
  const raw = locate(site, formatter);
  if (raw === undefined) return undefined;
  let file = raw.file.startsWith("file://") ? fileURLToPath(raw.file) : raw.file;
  if (rootDirectory !== undefined && isAbsolute(file)) {
    const rel = relative(rootDirectory, file);
    if (!rel.startsWith("..") && !isAbsolute(rel)) file = rel.split(sep).join("/");
  }
  return raw.column === undefined ? { file, line: raw.line } : { file, line: raw.line, column: raw.column };
}

function locate(site: NodeJS.CallSite, formatter: Formatter | undefined): { file: string; line: number; column?: number } | undefined {
  if (formatter !== undefined) {
    const text = formatter(new Error(), [site]);
    const m = typeof text === "string" ? FRAME.exec(text.trim().split("\n").pop()!.trim()) : null;
    if (m !== null) return { file: m[1]!, line: Number(m[2]), column: Number(m[3]) };
  }
  const file = site.getFileName();
  const line = site.getLineNumber();
  if (file === undefined || file === null || line === null) return undefined;
  if (!process.sourceMapsEnabled) return { file, line };
  const column = site.getColumnNumber() ?? 1;
  const entry = findSourceMap(file)?.findEntry(line - 1, column - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
  if (entry?.originalSource !== undefined && entry.originalLine !== undefined) {
    return { file: entry.originalSource, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
  }
  return { file, line, column };
}
