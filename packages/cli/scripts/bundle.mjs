// Bundles the compiled CLI (dist/run-cli.js and everything it loads) into dist/bundle/cli.js, one ES
// module, so start-up reads one file instead of ~150. Run by the build after `tsc -b`. Kept external:
// the packages whose one instance a user's program shares with Cairn (@cairn/sdk and
// @cairn/protocol, which the SDK and providers import themselves), and tsx and esbuild (loaded from
// their own files). dist/bundle/inputs.json lists every bundled file with its size and mtime: bin.js
// runs the bundle only while they all still match.
import { build } from "esbuild";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const finalDir = resolve(pkg, "dist/bundle");
// Built beside the current bundle and swapped in by renames, so a running `cairn` rarely sees a half-written one.
const outdir = `${finalDir}.new-${process.pid}`;
const entry = resolve(pkg, "dist/run-cli.js");
const external = ["@cairn/sdk", "@cairn/sdk/*", "@cairn/protocol", "tsx", "tsx/*", "esbuild"];

// The host's nativeImport exists to keep import() away from bundlers; in this bundle a plain
// import() of a computed URL is left alone by esbuild, so it stands in for the .cjs indirection.
const plainNativeImport = {
  name: "plain-native-import",
  setup(b) {
    b.onLoad({ filter: /[\\/]host[\\/]dist[\\/]native-import\.js$/ }, () => ({
      contents: "export function nativeImport(url) { return import(url); }",
      loader: "js",
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await build({
  entryPoints: { cli: entry },
  outdir,
  bundle: true,
  // Commands are imported on demand; their code goes to shared chunks loaded only when needed.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  platform: "node",
  target: "node20",
  external,
  metafile: true,
  logLevel: "warning",
  plugins: [plainNativeImport],
  // CommonJS dependencies (commander, yaml) require Node's builtins.
  banner: { js: 'import { createRequire as __cairnCreateRequire } from "node:module";\nconst require = __cairnCreateRequire(import.meta.url);' },
});
const root = process.cwd();
const inputs = Object.keys(result.metafile.inputs)
  .filter((p) => !p.includes(":"))
  .map((p) => {
    const abs = resolve(root, p);
    const st = statSync(abs);
    return [relative(outdir, abs), st.size, st.mtimeMs];
  });
writeFileSync(resolve(outdir, "inputs.json"), JSON.stringify({ inputs }));
writeFileSync(resolve(outdir, "package.json"), JSON.stringify({ type: "module" }));
const outputs = Object.keys(result.metafile.outputs).filter((p) => p.endsWith(".js"));
const size = outputs.reduce((n, p) => n + readFileSync(resolve(root, p)).length, 0);
const old = `${finalDir}.old-${process.pid}`;
rmSync(old, { recursive: true, force: true });
try {
  renameSync(finalDir, old);
} catch {
  // no bundle yet
}
renameSync(outdir, finalDir);
rmSync(old, { recursive: true, force: true });
console.log(`cli bundle: ${inputs.length} files -> dist/bundle/cli.js and ${outputs.length - 1} chunks (${(size / 1024).toFixed(0)} KiB)`);
