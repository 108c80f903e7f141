// Runs counted-program.ts the way the host does (a file URL with a per-run query) in a real Node
// process and prints what happened as JSON.
import { pathToFileURL } from "node:url";
import { MockMonitor, runProgram } from "@cairn/sdk/runtime";

const monitor = new MockMonitor({
  mocks: { newResource: (a) => ({ id: a.name, state: a.inputs }), call: () => ({}) },
  rootDirectory: new URL("..", import.meta.url).pathname,
});
const url = `${pathToFileURL(new URL("./counted-program.ts", import.meta.url).pathname).href}?cairn-run=1`;
await runProgram(monitor, () => import(url));
const reg = monitor.registrations.find((r) => r.name === "inline");
process.stdout.write(JSON.stringify({ evaluations: (globalThis as { cairnCountedEvaluations?: number }).cairnCountedEvaluations, provider: reg?.object["__provider"] }));
