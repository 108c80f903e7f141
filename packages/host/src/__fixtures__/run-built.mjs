// Test driver run in a child process without the test runner's "development" conditions, so the
// built host and SDK load as installed (the bundled fast path applies). Runs the program twice and
// prints one JSON line per run: registrations (type, name, source position), outputs or the error.
// Usage: node run-built.mjs <rootDirectory> <main> <cacheDirectory>
import { makeUrn } from "@cairn/protocol";
import { createProgramSource } from "../../dist/index.js";

const [rootDirectory, main, cacheDirectory] = process.argv.slice(2);
const source = createProgramSource({ rootDirectory, main, cacheDirectory });
for (let i = 0; i < 2; i++) {
  const registrations = [];
  const outputs = [];
  const monitor = {
    handshake: async () => ({ project: "proj", stack: "dev", dryRun: false, config: {}, configSecretKeys: [], rootDirectory }),
    registerResource: async (r) => {
      registrations.push({ type: r.type, name: r.name, at: r.sourcePosition });
      return { urn: makeUrn({ project: "proj", stack: "dev", type: r.type, name: r.name }), ...(r.custom ? { id: `${r.name}-id` } : {}), object: r.object };
    },
    registerResourceOutputs: async (r) => void outputs.push(r.outputs),
    readResource: async (r) => ({ urn: makeUrn({ project: "proj", stack: "dev", type: r.type, name: r.name }), properties: r.properties }),
    invoke: async () => ({ return: {} }),
    log: async () => {},
  };
  try {
    await source(monitor, new AbortController().signal);
    console.log(JSON.stringify({ registrations, outputs }));
  } catch (e) {
    console.log(JSON.stringify({ registrations, error: { code: e.code, message: e.message } }));
  }
}
