// The fast way to run a program: esbuild bundles the entry and the project's own files it imports
// into one ES module (with a source map back to the original files) in a cache directory, and the
// host imports that file plainly, with no module hooks. Only for programs where this is exactly
// what tsx would run; anything else returns undefined and takes the hooked path.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Plugin } from "esbuild";
import { esbuild } from "./esbuild-api.js";
import { isCairnPackage } from "./commonjs-fallback.js";
import { OWN_INSTALL, resolveFrom } from "./sdk-module.js";

export interface ProgramBundleRequest {
  rootDirectory: string;
  mainFile: string;
  /** Where bundles are kept, one file per distinct program text. */
  cacheDirectory: string;
}

/**
 * What a bundled program cannot do the same way: know its own file or format (`__dirname`,
 * `import.meta`, `module`), load modules at run time (`require`, `import()`), or define a dynamic
 * provider (the SDK records the defining module's file, which must stay the user's own). The free
 * names are found by esbuild itself (`define` replaces only unbound uses); the rest by their text.
 */
const PLAIN_JS = /\.(?:m|c)?js$/;
const FREE_MARK = "__cairnFreeName_";
const FREE_NAMES = ["__dirname", "__filename", "require", "module", "exports", "import.meta"];
const NEEDS_OWN_MODULE = /\bimport\s*\(|\bdynamic\b/;

export interface ProgramBundle {
  file: string;
  /** The Cairn packages the program imports (specifier as written -> the file it loads). */
  packages: Map<string, string>;
}

/** The bundle, or undefined when the program needs the hooked path. Never throws. */
export async function bundleProgram(req: ProgramBundleRequest): Promise<ProgramBundle | undefined> {
  try {
    const eligible = { value: true, packages: new Map<string, string>() };
    const result = await esbuild.build({
      entryPoints: [req.mainFile],
      absWorkingDir: req.rootDirectory,
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "esm",
      target: "node20",
      sourcemap: "inline",
      sourcesContent: false,
      logLevel: "silent",
      outdir: req.cacheDirectory,
      define: Object.fromEntries(FREE_NAMES.map((n, i) => [n, `${FREE_MARK}${i}`])),
      plugins: [externalPackages(eligible)],
    });
    const text = result.outputFiles.find((f) => f.path.endsWith(".js"))?.text;
    const runtime = resolveFrom("@cairn/sdk/runtime", [req.mainFile, OWN_INSTALL]);
    if (!eligible.value || text === undefined || text.includes(FREE_MARK) || runtime === undefined || !PLAIN_JS.test(runtime)) return undefined;
    for (const [file, input] of Object.entries(result.metafile.inputs)) {
      if (input.format === "cjs" || NEEDS_OWN_MODULE.test(readFileSync(resolve(req.rootDirectory, file), "utf8"))) return undefined;
    }
    const file = writeCached(req, text);
    return file === undefined ? undefined : { file, packages: eligible.packages };
  } catch {
    return undefined;
  }
}

/**
 * Package imports stay imports, rewritten to the absolute URL of the copy the program would load:
 * `@cairn/*` and `cairn-provider-*` from the project, else from Cairn's own install (as the host
 * resolves the SDK runtime, so both share one instance). Builtins stay as they are. Any other
 * package makes the program ineligible: its resolution could differ from a file elsewhere; so does
 * a Cairn package that resolves to TypeScript sources (a development checkout), which needs tsx.
 */
function externalPackages(eligible: { value: boolean; packages: Map<string, string> }): Plugin {
  return {
    name: "cairn-external-packages",
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith("node:") || isBuiltin(args.path)) return { path: args.path, external: true };
        const path = isCairnPackage(args.path) ? resolveFrom(args.path, [args.importer, OWN_INSTALL]) : undefined;
        if (path === undefined || !PLAIN_JS.test(path)) eligible.value = false;
        else eligible.packages.set(args.path, path);
        return { path: path === undefined ? args.path : pathToFileURL(path).href, external: true };
      });
    },
  };
}

/** Writes the bundle under a name made of its content's hash (atomically), unless already there. */
function writeCached(req: ProgramBundleRequest, text: string): string | undefined {
  const dir = req.cacheDirectory;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!ownedPrivately(dir)) return undefined;
  const hash = createHash("sha256").update(req.mainFile).update("\0").update(text).digest("hex").slice(0, 32);
  const file = join(dir, `${basename(req.mainFile).replace(/\.[^.]*$/, "")}-${hash}.mjs`);
  try {
    if (readFileSync(file, "utf8") === text) return file;
  } catch {
    // not cached yet
  }
  const tmp = `${file}.${randomUUID()}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
  return file;
}

/** Only a directory nobody else can write into is trusted with code that is about to run. */
function ownedPrivately(dir: string): boolean {
  if (typeof process.getuid !== "function") return true;
  const st = statSync(dir);
  return st.uid === process.getuid() && (st.mode & 0o022) === 0;
}
