// The allowed-imports DAG from ARCHITECTURE.md, and a scanner that reports every import of a
// @cairn package (or a provider's "./provider" entry importing the SDK/engine) that breaks it.
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";

/** For each package, the @cairn packages its library code may import. */
export const ALLOWED: Record<string, string[]> = {
  protocol: [],
  sdk: ["protocol"],
  state: ["protocol"],
  engine: ["protocol", "state"],
  host: ["protocol", "sdk"],
  "backend-file": ["protocol", "state"],
  "backend-postgres": ["protocol", "state"],
  automation: ["engine", "state", "host", "backend-file", "backend-postgres", "protocol"],
  cli: ["automation", "protocol"],
  console: ["automation", "protocol"],
  testing: ["protocol", "sdk", "state", "engine", "host", "backend-file", "backend-postgres", "automation"],
};
/** Provider packages: the program-facing entry and the provider implementation. */
export const PROVIDER_PROGRAM_ALLOWED = ["sdk", "protocol"];
export const PROVIDER_IMPL_ALLOWED = ["protocol"];

export interface Violation {
  file: string;
  imported: string;
  rule: string;
}

/** Folders of test-only code (excluded from the packages' builds, never shipped), like `*.test.ts`. */
const TEST_ONLY_DIRS = ["__fixtures__", "test-support"];

function* sourceFiles(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (entry === "node_modules" || entry === "dist") continue;
    if (statSync(p).isDirectory()) yield* sourceFiles(p);
    else if (/\.(ts|mts|tsx)$/.test(entry) && !/\.test\.ts$/.test(entry) && !TEST_ONLY_DIRS.some((d) => p.includes(`${sep}${d}${sep}`))) yield p;
  }
}

/** Module specifiers a file imports (static, dynamic and re-exports), using the TypeScript scanner so
 * that import-like text inside strings and comments (e.g. project templates) is not counted. */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

function cairnPackage(spec: string): string | undefined {
  const m = /^@cairn\/([^/]+)/.exec(spec);
  return m?.[1];
}

export function checkWorkspace(root: string): Violation[] {
  const violations: Violation[] = [];
  const check = (file: string, allowed: string[], rule: string, self: string) => {
    for (const spec of importsOf(readFileSync(file, "utf8"))) {
      const pkg = cairnPackage(spec);
      if (pkg === undefined || pkg === self) continue;
      const isProvider = existsSync(join(root, "providers", pkg));
      const name = isProvider ? `provider:${pkg}` : pkg;
      if (!allowed.includes(name) && !allowed.includes(pkg)) violations.push({ file: relative(root, file), imported: spec, rule });
    }
  };
  for (const dir of existsSync(join(root, "packages")) ? readdirSync(join(root, "packages")) : []) {
    const allowed = ALLOWED[dir];
    if (allowed === undefined) {
      violations.push({ file: `packages/${dir}`, imported: "-", rule: "package is not in the architecture's DAG (add it to scripts/dependency-rules.ts and ARCHITECTURE.md)" });
      continue;
    }
    for (const f of sourceFiles(join(root, "packages", dir, "src"))) check(f, allowed, `${dir} may import only ${allowed.join(", ") || "nothing of ours"}`, dir);
  }
  for (const dir of existsSync(join(root, "providers")) ? readdirSync(join(root, "providers")) : []) {
    const src = join(root, "providers", dir, "src");
    for (const f of sourceFiles(src)) {
      const rel = relative(src, f);
      const isImpl = rel.startsWith(`provider${sep}`) || rel === "provider.ts";
      if (isImpl) check(f, PROVIDER_IMPL_ALLOWED, "a provider implementation may import only @cairn/protocol (never the SDK or engine)", dir);
      else check(f, PROVIDER_PROGRAM_ALLOWED, "a provider's program entry may import only @cairn/sdk and @cairn/protocol", dir);
    }
  }
  return violations;
}
