// The compile-only check run before a program: esbuild parses the entry file and every local file it
// imports (packages stay external), so syntax errors and missing local imports are reported at once,
// with file:line:column, before any resource is registered. No type-checking (transpile-only).
import { relative, resolve } from "node:path";
import type { Message } from "esbuild";
import { esbuild } from "./esbuild-api.js";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { moduleFormat, resolveMainFile, type MainFileRequest } from "./main-file.js";

/** Resolves when the program compiles; throws CairnError ProgramCompile naming every error. */
export async function checkProgram(request: MainFileRequest): Promise<void> {
  const req = { ...request, rootDirectory: resolve(request.rootDirectory) };
  const mainFile = resolveMainFile(req);
  const result = await esbuild.build({
    entryPoints: [mainFile],
    absWorkingDir: req.rootDirectory,
    bundle: true,
    write: false,
    packages: "external",
    platform: "node",
    format: moduleFormat(mainFile) === "esm" ? "esm" : "cjs",
    target: "node20",
    logLevel: "silent",
    outdir: "out",
  }).catch((e: unknown) => {
    if (isBuildFailure(e)) return { errors: e.errors };
    throw e;
  });
  if (result.errors.length > 0) throw compileError(req.rootDirectory, result.errors);
}

function isBuildFailure(e: unknown): e is { errors: Message[] } {
  return typeof e === "object" && e !== null && Array.isArray((e as { errors?: unknown }).errors);
}

function compileError(rootDirectory: string, errors: Message[]): CairnError {
  const lines = errors.map((m) => {
    const loc = m.location;
    const where = loc === null ? "" : `${relative(rootDirectory, resolve(rootDirectory, loc.file))}:${loc.line}:${loc.column + 1}: `;
    return `${where}${m.text}`;
  });
  const first = errors[0]?.location;
  return new CairnError({
    code: ErrorCodes.ProgramCompile,
    source: "user",
    message: `the program does not compile (${errors.length} error${errors.length === 1 ? "" : "s"}):\n  ${lines.join("\n  ")}`,
    hint: first ? `fix ${resolve(rootDirectory, first.file)}:${first.line}:${first.column + 1} and run again` : "fix the program and run again",
  });
}
