// The CommonJS side of the "projects without node_modules" fallback: `require("@cairn/...")` that
// the project cannot resolve resolves from Cairn's own install. CommonJS resolution has no public
// hook in Node 20, so this wraps Module._resolveFilename (as tsx itself does); installed once.
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

interface ModuleInternals {
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _nodeModulePaths(dir: string): string[];
}

export function isCairnPackage(specifier: string): boolean {
  return specifier.startsWith("@cairn/") || specifier.startsWith("cairn-provider-");
}

/** Makes CommonJS requires of Cairn packages fall back to the copies next to `ownInstallUrl`. */
export function installCommonJsFallback(ownInstallUrl: string): void {
  const Module = createRequire(import.meta.url)("node:module") as ModuleInternals;
  const ownFile = fileURLToPath(ownInstallUrl);
  const ownParent = { id: ownFile, filename: ownFile, paths: Module._nodeModulePaths(dirname(ownFile)) };
  const original = Module._resolveFilename;
  Module._resolveFilename = function resolveWithCairnFallback(this: unknown, request, parent, isMain, options) {
    try {
      return original.call(this, request, parent, isMain, options);
    } catch (err) {
      if (!isCairnPackage(request) || (err as { code?: unknown }).code !== "MODULE_NOT_FOUND") throw err;
      try {
        return original.call(this, request, ownParent, isMain, options);
      } catch {
        throw err;
      }
    }
  };
}
