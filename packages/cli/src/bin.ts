#!/usr/bin/env node
// The `cairn` binary's entry. Runs the CLI from the single-file bundle the build makes
// (dist/bundle/cli.js, see scripts/bundle.mjs) when it was built from exactly the compiled files on
// disk now, else from the compiled modules themselves (after a `tsc -b` without the bundle step).
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const BUNDLE_DIR = fileURLToPath(new URL("./bundle/", import.meta.url));

/** Each input of the bundle as [path relative to the bundle directory, size, mtimeMs]. */
interface BundleManifest {
  inputs: [string, number, number][];
}

function bundleIsCurrent(): boolean {
  try {
    const manifest = JSON.parse(readFileSync(`${BUNDLE_DIR}inputs.json`, "utf8")) as BundleManifest;
    return manifest.inputs.every(([rel, size, mtimeMs]) => {
      const st = statSync(BUNDLE_DIR + rel, { throwIfNoEntry: false });
      return st !== undefined && st.size === size && st.mtimeMs === mtimeMs;
    });
  } catch {
    return false;
  }
}

const entry = bundleIsCurrent() ? "./bundle/cli.js" : "./run-cli.js";
await import(entry);
