// A dynamic import that always goes through Node's own module loader (and so through the loader
// hooks the host registers), even when this package was itself transformed by a bundler or a test
// runner that rewrites `import()` calls: the call lives in ../native-import.cjs, loaded with require.
import { createRequire } from "node:module";

const importer = createRequire(import.meta.url)("../native-import.cjs") as (url: string) => Promise<unknown>;

/** Imports a module by absolute URL with Node's loader. */
export function nativeImport(url: string): Promise<Record<string, unknown>> {
  return importer(url) as Promise<Record<string, unknown>>;
}
