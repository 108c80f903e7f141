// Loads the SDK entry points the host drives (runtime, dynamic) from the same copy of @cairn/sdk the
// program itself imports: the project's own install when it has one, else Cairn's. An ES module
// program gets the ES module; a CommonJS program gets the copy `require` gives it.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { nativeImport } from "./native-import.js";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { ModuleFormat } from "./main-file.js";

export interface SdkModuleRequest {
  /** "@cairn/sdk/runtime" or "@cairn/sdk/dynamic". */
  specifier: string;
  /** A file of the program (or any file in the project) to resolve from. */
  fromFile: string;
  format: ModuleFormat;
}

/** Resolves `specifier` from `fromFile`, else from Cairn's own install; undefined when neither has it. */
export function resolveFrom(specifier: string, fromFiles: string[]): string | undefined {
  for (const from of fromFiles) {
    try {
      return createRequire(from).resolve(specifier);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
  return undefined;
}

export function isNotFound(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND" || code === "ERR_PACKAGE_PATH_NOT_EXPORTED";
}

/** Cairn's own install location, used when a project does not have a package itself. */
export const OWN_INSTALL = import.meta.url;

export async function loadSdkModule<T>(req: SdkModuleRequest): Promise<T> {
  const path = resolveFrom(req.specifier, [req.fromFile, OWN_INSTALL]);
  if (path === undefined) {
    throw new CairnError({
      code: ErrorCodes.Internal,
      source: "internal",
      message: `cannot resolve ${req.specifier} from ${req.fromFile} nor from Cairn's own install (${OWN_INSTALL}): Cairn's installation is incomplete`,
      hint: "reinstall Cairn, or run `npm install @cairn/sdk` in the project",
    });
  }
  // A CommonJS program gets the copy its own `require` gets (the project's, else Cairn's).
  if (req.format === "cjs") return createRequire(req.fromFile)(req.specifier) as T;
  return (await nativeImport(pathToFileURL(path).href)) as T;
}
