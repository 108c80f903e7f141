// Program sources for the engine: a program file run in this process (TypeScript or JavaScript, ESM
// or CommonJS: bundled by esbuild and imported plainly when it can be, else transpile-only through
// tsx's hooks) or an inline function. Each run checks that the program compiles, then hands it to
// the SDK's runProgram, whose exports become the stack's outputs.
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { CairnError, ErrorCodes, type ResourceMonitor } from "@cairn/protocol";
import { checkProgram } from "./check-program.js";
import { watchEscapedErrors } from "./escaped-errors.js";
import { ensureLoaderHooks, RUN_PARAM } from "./loader-hooks.js";
import { moduleFormat, resolveMainFile, type ModuleFormat } from "./main-file.js";
import { nativeImport } from "./native-import.js";
import { toProgramError } from "./program-error.js";
import { bundleProgram, type ProgramBundle } from "./program-bundle.js";
import { programExports } from "./program-exports.js";
import type { ProgramSource } from "./program-types.js";
import { providerEntry } from "./provider-loader.js";
import { loadSdkModule } from "./sdk-module.js";

/** The part of "@cairn/sdk/runtime" the host drives. */
interface SdkRuntime {
  runProgram(monitor: ResourceMonitor, program: () => unknown, opts?: { signal?: AbortSignal }): Promise<unknown>;
}

export interface ProgramFileRequest {
  rootDirectory: string;
  /** Cairn.yaml's `main`: a file, or a directory with a package.json "main" or an index file. */
  main: string;
  /** Where bundled programs are cached (default: a private directory under the system's temp dir). */
  cacheDirectory?: string;
}

/** How one run loads the program: its module URL (unique to the run) and the format to read it as. */
interface LoadPlan {
  url: string;
  format: ModuleFormat;
}

/** Runs the program file afresh on every call (its local modules are evaluated again each run). */
export function createProgramSource(request: ProgramFileRequest): ProgramSource {
  const req = { ...request, rootDirectory: resolve(request.rootDirectory) };
  return async (monitor, signal) => {
    throwIfAborted(signal);
    const mainFile = resolveMainFile(req);
    await checkProgram(req);
    const plan = await loadPlan(req, mainFile);
    const runtime = await loadSdkModule<SdkRuntime>({ specifier: "@cairn/sdk/runtime", fromFile: mainFile, format: plan.format });
    const program = async (): Promise<unknown> => programExports(await nativeImport(plan.url), plan.format, mainFile);
    const escaped = watchEscapedErrors();
    try {
      await Promise.race([runtime.runProgram(monitor, program, { signal }), escaped.failed]);
    } catch (e) {
      throw toProgramError(e, req.rootDirectory);
    } finally {
      escaped.stop();
    }
  };
}

/**
 * The bundle when the program can run from one (see program-bundle.ts): no hooks, an ES module.
 * Otherwise the entry file itself under tsx's hooks, in its own format.
 */
async function loadPlan(req: ProgramFileRequest & { rootDirectory: string }, mainFile: string): Promise<LoadPlan> {
  const run = `${RUN_PARAM}=${randomUUID()}`;
  const bundle = await bundleProgram({ rootDirectory: req.rootDirectory, mainFile, cacheDirectory: cacheDirectoryOf(req) });
  if (bundle !== undefined) {
    process.setSourceMapsEnabled(true);
    return { url: `${pathToFileURL(bundle.file).href}?${run}`, format: "esm" };
  }
  await ensureLoaderHooks();
  const format = moduleFormat(mainFile);
  if (format === "cjs") forgetLocalCommonJs(req.rootDirectory);
  return { url: `${pathToFileURL(mainFile).href}?${run}`, format };
}

function cacheDirectoryOf(req: ProgramFileRequest): string {
  const uid = typeof process.getuid === "function" ? `-${process.getuid()}` : "";
  return req.cacheDirectory ?? join(tmpdir(), `cairn-programs${uid}`);
}

/**
 * Loads what running the program file needs (the SDK runtime, and the module hooks when the
 * program cannot run bundled) ahead of the run, so callers can overlap it with other waiting.
 * Never rejects: any problem surfaces when it runs.
 */
export async function warmProgramSource(request: ProgramFileRequest): Promise<void> {
  try {
    const req = { ...request, rootDirectory: resolve(request.rootDirectory) };
    const mainFile = resolveMainFile(req);
    const bundle = await bundleProgram({ rootDirectory: req.rootDirectory, mainFile, cacheDirectory: cacheDirectoryOf(req) });
    if (bundle === undefined) await ensureLoaderHooks();
    await loadSdkModule<SdkRuntime>({ specifier: "@cairn/sdk/runtime", fromFile: mainFile, format: bundle === undefined ? moduleFormat(mainFile) : "esm" });
    if (bundle !== undefined) await warmPackages(bundle, req.rootDirectory);
  } catch {
    // Reported by the run itself, in its place.
  }
}

/**
 * Loads the Cairn packages a bundled program imports, and their providers' entry points, into
 * Node's module cache (the same files the run and the provider loader import later), so that this
 * happens while the caller waits for something else. Failures are left for the run to report.
 */
async function warmPackages(bundle: ProgramBundle, rootDirectory: string): Promise<void> {
  const names = new Set<string>();
  const files = new Set<string>();
  for (const [specifier, file] of bundle.packages) {
    files.add(file);
    const pkg = /^(?:@cairn\/|cairn-provider-)([^/]+)/.exec(specifier)?.[1];
    if (pkg !== undefined && pkg !== "sdk" && pkg !== "protocol") names.add(pkg);
  }
  for (const pkg of names) {
    const entry = providerEntry(pkg, rootDirectory);
    if (entry !== undefined) files.add(entry);
  }
  await Promise.all([...files].map((f) => nativeImport(pathToFileURL(f).href).catch(() => undefined)));
}

/** Runs a program given as a function (automation's inline programs), with Cairn's own SDK. */
export function inlineProgramSource(program: () => unknown): ProgramSource {
  return async (monitor, signal) => {
    throwIfAborted(signal);
    const runtime = (await import("@cairn/sdk/runtime")) as unknown as SdkRuntime;
    try {
      await runtime.runProgram(monitor, program, { signal });
    } catch (e) {
      throw toProgramError(e, undefined);
    }
  };
}

/** CommonJS modules are cached by file name, not URL: drop the project's own so they run again. */
function forgetLocalCommonJs(rootDirectory: string): void {
  const cache = createRequire(import.meta.url).cache;
  const prefix = rootDirectory.endsWith(sep) ? rootDirectory : rootDirectory + sep;
  for (const key of Object.keys(cache)) {
    if (key.startsWith(prefix) && !key.slice(prefix.length).split(sep).includes("node_modules")) delete cache[key];
  }
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new CairnError({ code: ErrorCodes.Cancelled, source: "user", message: "the run was cancelled before the program started" });
}
