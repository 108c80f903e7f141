// Test child: appends journal entries in concurrent bursts of 10 and prints "durable <seq>" as
// each append resolves, until it is killed.
import { plaintextCrypter, type JournalEntry } from "@cairn/state";
import { FileBackend } from "../file-backend.js";

const [root] = process.argv.slice(2);
const ref = { project: "proj", stack: "dev" };
const backend = new FileBackend({ root: root! });
const lease = await backend.acquireLease({ ref, operation: "update", holder: { pid: process.pid, host: "here", user: "child" }, ttlMs: 600_000 });
const journal = await backend.openJournal(ref, lease, plaintextCrypter);

function entry(seq: number): JournalEntry {
  return { kind: "clear-pending", seq, urns: [`urn:cairn:dev::proj::test:index:Thing::t${seq}`] };
}

for (let seq = 1; ; seq += 10) {
  await Promise.all(
    Array.from({ length: 10 }, (_, i) => journal.append([entry(seq + i)]).then(() => process.stdout.write(`durable ${seq + i}\n`))),
  );
}
