// Test child: tries once to acquire the stack's lease and prints "won" or "lost <code>", then
// holds what it got until its stdin closes, releases it and exits.
import { isCairnError } from "@cairn/protocol";
import type { Lease } from "@cairn/state";
import { FileBackend } from "../file-backend.js";

const [root, user] = process.argv.slice(2);
const backend = new FileBackend({ root: root! });
let lease: Lease | undefined;
try {
  lease = await backend.acquireLease({
    ref: { project: "proj", stack: "dev" },
    operation: "update",
    holder: { pid: process.pid, host: "here", user: user! },
    ttlMs: 600_000,
  });
  process.stdout.write("won\n");
} catch (e) {
  process.stdout.write(`lost ${isCairnError(e) ? e.code : String(e)}\n`);
}
process.stdin.resume();
process.stdin.on("end", () => {
  void (async () => {
    await lease?.release();
    process.exit(0);
  })();
});
