// Turns whatever a program threw into a CairnError: errors that already carry a Cairn code keep it
// (from any copy of @cairn/protocol); anything else becomes ProgramFailed with the message and the
// user's own stack frames (file:line:column inside the project, Cairn and package frames stripped).
import { createRequire, findSourceMap } from "node:module";
import { dirname, isAbsolute, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { CairnError, ErrorCodes, type ErrorCode, type ErrorSource } from "@cairn/protocol";

const MAX_FRAMES = 8;
const HOST_DIR = dirname(fileURLToPath(import.meta.url)) + sep;
const SDK_DIR = sdkPackageDir();

function sdkPackageDir(): string | undefined {
  try {
    // ".../sdk/dist/index.js" -> ".../sdk/"
    return dirname(dirname(createRequire(import.meta.url).resolve("@cairn/sdk"))) + sep;
  } catch {
    return undefined;
  }
}

/** A frame of the user's program: "index.ts:12:5" (relative to the project) plus the function name. */
export interface UserFrame {
  file: string;
  line: number;
  column: number;
  text: string;
}

/**
 * `rootDirectory` is the project's directory: only frames inside it (outside its node_modules) are
 * the user's. Without one (inline programs), every frame outside node_modules and Cairn's own
 * packages is.
 */
export function toProgramError(err: unknown, rootDirectory: string | undefined): CairnError {
  const coded = asCairnError(err);
  // The SDK wraps a plain error in ProgramFailed with the original as `cause`: its stack is the user's.
  const origin = coded === undefined ? err : coded.code === ErrorCodes.ProgramFailed ? (err as { cause?: unknown }).cause : undefined;
  const frames = origin instanceof Error && !isCoded(origin) ? userFrames(origin.stack ?? "", rootDirectory) : [];
  if (coded !== undefined && frames.length === 0 && (coded.hint !== undefined || !isMissingModule(origin))) return coded;
  const message = coded?.message ?? `the program failed: ${err instanceof Error ? err.message : String(err)}`;
  const first = frames[0];
  const where = first === undefined ? "" : ` (at ${first.file}:${first.line}:${first.column})`;
  const trace = frames.map((f) => `\n    at ${f.text}`).join("");
  return new CairnError({
    code: coded?.code ?? ErrorCodes.ProgramFailed,
    source: coded?.source ?? "user",
    message: `${message}${where}${trace}`,
    hint: coded?.hint ?? (isMissingModule(origin) ? "a module the program imports is not installed: add it to the project's dependencies and run `npm install`" : first === undefined ? "see the error above" : `see ${first.file} line ${first.line}`),
    ...(coded?.urn === undefined ? {} : { urn: coded.urn }),
    cause: err,
  });
}

function isMissingModule(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND";
}

function isCoded(e: Error): boolean {
  return e.name === "CairnError";
}

/** A CairnError from this or another copy of @cairn/protocol, re-made as ours so `instanceof` works. */
function asCairnError(err: unknown): CairnError | undefined {
  if (err instanceof CairnError) return err;
  if (!(err instanceof Error) || err.name !== "CairnError") return undefined;
  const e = err as Error & { code?: unknown; source?: unknown; urn?: unknown; property?: unknown; hint?: unknown };
  if (typeof e.code !== "string" || !(Object.values(ErrorCodes) as string[]).includes(e.code)) return undefined;
  return new CairnError({
    code: e.code as ErrorCode,
    source: (typeof e.source === "string" ? e.source : "user") as ErrorSource,
    message: e.message,
    ...(typeof e.urn === "string" ? { urn: e.urn } : {}),
    ...(typeof e.property === "string" ? { property: e.property } : {}),
    ...(typeof e.hint === "string" ? { hint: e.hint } : {}),
    cause: err,
  });
}

const FRAME_RE = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/;

/** The stack frames that point into the project (not its node_modules), nearest first. */
export function userFrames(stack: string, rootDirectory: string | undefined): UserFrame[] {
  const out: UserFrame[] = [];
  for (const line of stack.split("\n")) {
    const m = FRAME_RE.exec(line);
    if (m === null) continue;
    const pos = original(m[2]!, Number(m[3]), Number(m[4]));
    const file = toPath(pos.location);
    if (file === undefined || file.split(sep).includes("node_modules") || isCairnInternal(file)) continue;
    const rel = rootDirectory === undefined ? file : relative(rootDirectory, file);
    if (rootDirectory !== undefined && (rel.startsWith("..") || isAbsolute(rel))) continue;
    const at = `${rel}:${pos.line}:${pos.column}`;
    out.push({ file: rel, line: pos.line, column: pos.column, text: m[1] && m[1] !== "<anonymous>" ? `${m[1]} (${at})` : at });
    if (out.length === MAX_FRAMES) break;
  }
  return out;
}

/** Files of the host itself (not its tests) and of the SDK it drives. */
function isCairnInternal(file: string): boolean {
  if (dirname(file) + sep === HOST_DIR && !file.endsWith(".test.ts")) return true;
  return SDK_DIR !== undefined && file.startsWith(SDK_DIR);
}

/**
 * Node prints source-mapped positions when source maps are on and nothing replaced its stack
 * formatter; a frame still showing a module URL (file://) is unmapped, so map it here.
 */
function original(location: string, line: number, column: number): { location: string; line: number; column: number } {
  if (!location.startsWith("file://")) return { location, line, column };
  let map: ReturnType<typeof findSourceMap>;
  try {
    map = findSourceMap(location);
  } catch {
    map = undefined;
  }
  const entry = map?.findEntry(line - 1, column - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
  if (entry?.originalSource === undefined || entry.originalLine === undefined || entry.originalColumn === undefined) return { location, line, column };
  return { location: entry.originalSource, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
}

function toPath(location: string): string | undefined {
  const withoutQuery = location.replace(/\?[^:]*$/, "");
  if (withoutQuery.startsWith("file://")) return fileURLToPath(withoutQuery);
  return isAbsolute(withoutQuery) ? withoutQuery : undefined;
}
