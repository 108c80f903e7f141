// Test child: commits ever larger checkpoints in a loop, printing "committed <n>" after each,
// until it is killed. Resource count of commit n is 1 + BASE + n.
import { plaintextCrypter, type ResourceState } from "@cairn/state";
import { FileBackend } from "../file-backend.js";

export const BASE = 300;
const [root] = process.argv.slice(2);
const ref = { project: "proj", stack: "dev" };
const backend = new FileBackend({ root: root! });
const lease = await backend.acquireLease({ ref, operation: "update", holder: { pid: process.pid, host: "here", user: "child" }, ttlMs: 600_000 });

function resource(name: string, parent?: string): ResourceState {
  const urn = `urn:cairn:dev::proj::${parent === undefined ? "cairn:cairn:Stack" : "test:index:Thing"}::${name}`;
  const r: ResourceState = {
    urn, type: parent === undefined ? "cairn:cairn:Stack" : "test:index:Thing", custom: false,
    inputs: {}, outputs: { padding: "x".repeat(400) }, dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false,
  };
  if (parent !== undefined) r.parent = parent;
  return r;
}

for (let n = 1; ; n++) {
  const root = resource("root");
  const resources = [root, ...Array.from({ length: BASE + n }, (_, i) => resource(`thing-${i}`, root.urn))];
  await backend.commitSnapshot(ref, lease, { resources, pendingOperations: [], manifest: { time: new Date().toISOString(), cairnVersion: "0.1.0" } }, plaintextCrypter);
  process.stdout.write(`committed ${n}\n`);
}
