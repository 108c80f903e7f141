// Finds the file a project's `main` names (a file, or a directory with a package.json "main" or an
// index file) and whether Node loads it as an ES module or as CommonJS.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { CairnError, ErrorCodes } from "@cairn/protocol";

const INDEX_FILES = ["index.ts", "index.mts", "index.cts", "index.js", "index.mjs", "index.cjs"];

export interface MainFileRequest {
  rootDirectory: string;
  main: string;
}

/** The absolute path of the program's entry file; a clear user error when there is none. */
export function resolveMainFile(req: MainFileRequest): string {
  const target = resolve(req.rootDirectory, req.main);
  if (!existsSync(target)) {
    throw notFound(req, target, "does not exist");
  }
  if (!statSync(target).isDirectory()) return target;
  const pkgMain = packageMain(target);
  const candidates = pkgMain === undefined ? INDEX_FILES : [pkgMain, `${pkgMain}.ts`, `${pkgMain}.js`, ...INDEX_FILES];
  for (const c of candidates) {
    const p = join(target, c);
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  throw notFound(req, target, `is a directory with no entry file (looked for ${pkgMain === undefined ? "" : `package.json "main" (${pkgMain}), `}${INDEX_FILES.join(", ")})`);
}

function notFound(req: MainFileRequest, target: string, what: string): CairnError {
  return new CairnError({
    code: ErrorCodes.ProjectInvalid,
    source: "user",
    message: `program not found: Cairn.yaml's main (${JSON.stringify(req.main)}) resolves to ${target}, which ${what}`,
    hint: `set "main" in Cairn.yaml to the program's entry file (relative to ${req.rootDirectory}), or create that file`,
  });
}

function packageMain(dir: string): string | undefined {
  const pkg = join(dir, "package.json");
  if (!existsSync(pkg)) return undefined;
  const parsed = JSON.parse(readFileSync(pkg, "utf8")) as { main?: unknown };
  return typeof parsed.main === "string" ? parsed.main : undefined;
}

export type ModuleFormat = "esm" | "cjs";

/** How Node (with tsx) loads the file: by extension, else by the nearest package.json "type". */
export function moduleFormat(file: string): ModuleFormat {
  const ext = extname(file);
  if (ext === ".mts" || ext === ".mjs") return "esm";
  if (ext === ".cts" || ext === ".cjs") return "cjs";
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      const parsed = JSON.parse(readFileSync(pkg, "utf8")) as { type?: unknown };
      return parsed.type === "module" ? "esm" : "cjs";
    }
    if (dirname(dir) === dir) return "cjs";
  }
}
