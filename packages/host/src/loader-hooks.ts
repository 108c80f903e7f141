// Installs, once per process, the module hooks programs run under: tsx (TypeScript, transpile-only,
// ESM and CommonJS) and Cairn's resolve hook. Node's loader hooks are process-wide by nature, so the
// "installed" promise below is the one piece of module state in this package.
import { register } from "node:module";
import { installCommonJsFallback } from "./commonjs-fallback.js";

/** Query parameter that marks one run of a program; local imports inherit it (fresh modules per run). */
export const RUN_PARAM = "cairn-run";

// The resolve hook runs in Node's loader thread, so it is plain JavaScript shipped as a data: URL.
// 1. "@cairn/*" and "cairn-provider-*" that the project does not have resolve to Cairn's own copy.
// 2. A relative import from a module loaded for run N is loaded for run N too (same query), so every
//    local file of the program is evaluated again on each run; packages are shared.
// 3. A plain import of a local file that a run has loaded (the SDK locating a dynamic provider's
//    module by path) gets that latest run's instance, so class identity holds and nothing re-runs.
const HOOKS_SOURCE = `
const RUN = ${JSON.stringify(RUN_PARAM)};
const latestRun = new Map();
let fallbackParentURL;
export async function initialize(data) { fallbackParentURL = data.fallbackParentURL; }
function runOf(url) {
  if (typeof url !== "string" || !url.startsWith("file:")) return null;
  return new URL(url).searchParams.get(RUN);
}
function isLocal(s) { return s.startsWith("./") || s.startsWith("../") || s.startsWith("/") || s.startsWith("file:"); }
function isCairnPackage(s) { return s.startsWith("@cairn/") || s.startsWith("cairn-provider-"); }
function withRun(url, run) {
  const u = new URL(url);
  u.searchParams.set(RUN, run);
  return u.href;
}
export async function resolve(specifier, context, nextResolve) {
  let result;
  try {
    result = await nextResolve(specifier, context);
  } catch (err) {
    if (!isCairnPackage(specifier) || !err || err.code !== "ERR_MODULE_NOT_FOUND") throw err;
    // Cairn's own copy; when Cairn has none either, the project's error is the one to show.
    result = await nextResolve(specifier, { ...context, parentURL: fallbackParentURL }).catch(() => { throw err; });
  }
  if (!result.url.startsWith("file:") || result.url.includes("/node_modules/") || !isLocal(specifier)) return result;
  const own = runOf(result.url);
  const base = result.url.split("?")[0];
  if (own !== null) {
    latestRun.set(base, own);
    return result;
  }
  const run = runOf(context.parentURL) ?? (result.url.includes("?") ? null : latestRun.get(base) ?? null);
  if (run === null) return result;
  latestRun.set(base, run);
  return { ...result, url: withRun(result.url, run) };
}
`;

let installed: Promise<void> | undefined;

/** Registers tsx and Cairn's resolve hook the first time it is called; later calls wait for that. */
export function ensureLoaderHooks(): Promise<void> {
  installed ??= install();
  return installed;
}

async function install(): Promise<void> {
  const tsxEsm = await import("tsx/esm/api");
  const tsxCjs = await import("tsx/cjs/api");
  tsxEsm.register();
  tsxCjs.register();
  installCommonJsFallback(import.meta.url);
  // Registered after tsx, so it runs first and sees tsx's answer (or its "not found").
  register(`data:text/javascript,${encodeURIComponent(HOOKS_SOURCE)}`, {
    parentURL: import.meta.url,
    data: { fallbackParentURL: import.meta.url },
  });
}
