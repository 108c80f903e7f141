// Group commit: concurrent appends are all durable and in call order, and batched into fewer
// fsyncs than appends. Where a writer's seqs continue: after every entry already in the file.
import { plaintextCrypter, replay, type JournalEntry, type StackRef } from "@cairn/state";
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FileBackend } from "./file-backend.js";

const ref: StackRef = { project: "proj", stack: "dev" };
const entry = (seq: number): JournalEntry => ({ kind: "clear-pending", seq, urns: [] });

describe("journal group commit", () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(join(tmpdir(), "cairn-journal-"));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await fs.rm(root, { recursive: true, force: true });
  });

  it("writes concurrent appends durably, in order, batched into fewer fsyncs", async () => {
    const backend = new FileBackend({ root });
    await backend.createStack(ref);
    const lease = await backend.acquireLease({ ref, operation: "update", holder: { pid: 1, host: "h", user: "u" }, ttlMs: 60_000 });
    const journal = await backend.openJournal(ref, lease, plaintextCrypter);
    const probe = await fs.open(join(root, "probe"), "w");
    const datasync = vi.spyOn(Object.getPrototypeOf(probe) as fs.FileHandle, "datasync");
    await probe.close();

    const resolved: number[] = [];
    const appends = Array.from({ length: 300 }, (_, i) => journal.append([entry(i + 1), entry(i + 1001)]).then(() => resolved.push(i + 1)));
    await Promise.all(appends);

    const expected = Array.from({ length: 300 }, (_, i) => [i + 1, i + 1001]).flat();
    const text = await fs.readFile(join(root, "stacks", "proj", "dev", "journal.jsonl"), "utf8");
    expect(text.trimEnd().split("\n").map((l) => (JSON.parse(l) as JournalEntry).seq)).toEqual(expected);
    expect(resolved).toHaveLength(300);
    expect(datasync.mock.calls.length).toBeGreaterThan(0);
    expect(datasync.mock.calls.length).toBeLessThan(300);
    await lease.release();
    await expect(journal.append([entry(9999)])).rejects.toMatchObject({ code: "CAIRN_LEASE_LOST" });
  });

  it("continues after the highest seq in the file: entries of killed runs counted, a torn last line not", async () => {
    const backend = new FileBackend({ root });
    await backend.createStack(ref);
    const file = join(root, "stacks", "proj", "dev", "journal.jsonl");
    const holder = { pid: 1, host: "h", user: "u" };
    const open = async () => {
      const lease = await backend.acquireLease({ ref, operation: "update", holder, ttlMs: 60_000, isProcessAlive: () => false });
      return { lease, journal: await backend.openJournal(ref, lease, plaintextCrypter) };
    };
    const first = await open();
    expect(first.journal.lastSeq).toBe(0);
    await first.journal.append([entry(1), entry(2)]);
    expect(first.journal.lastSeq).toBe(2);
    // Killed: never released. Two older runs' lines, numbered from 1, and a torn line follow.
    await fs.appendFile(file, `${JSON.stringify(entry(1))}\n${JSON.stringify({ ...entry(7), note: { seq: 99 } })}\n{"kind":"clear-pending","seq":50`);
    const second = await open();
    expect(second.journal.lastSeq).toBe(7);
    await second.journal.append([entry(8)]);
    expect(second.journal.lastSeq).toBe(8);
    const seqs = (await fs.readFile(file, "utf8")).trimEnd().split("\n").map((l) => (JSON.parse(l) as JournalEntry).seq);
    expect(seqs).toEqual([1, 2, 1, 7, 8]);
    // A compaction empties the journal: the next run may start from 1 again.
    await backend.commitSnapshot(ref, second.lease, (await backend.loadState(ref, plaintextCrypter)).snapshot, plaintextCrypter);
    await second.lease.release();
    const third = await open();
    expect(third.journal.lastSeq).toBe(0);
    await third.lease.release();
  });

  it("shifts the seqs of a caller that numbers from 1 past those in the file, ends with their begins", async () => {
    const backend = new FileBackend({ root });
    await backend.createStack(ref);
    const file = join(root, "stacks", "proj", "dev", "journal.jsonl");
    await fs.mkdir(join(root, "stacks", "proj", "dev"), { recursive: true });
    await fs.writeFile(file, `${JSON.stringify(entry(1))}\n${JSON.stringify(entry(5))}\n`);
    const lease = await backend.acquireLease({ ref, operation: "update", holder: { pid: 1, host: "h", user: "u" }, ttlMs: 60_000 });
    const journal = await backend.openJournal(ref, lease, plaintextCrypter);
    const planned = { urn: "urn:cairn:dev::proj::t:index:R::a", type: "t:index:R", custom: true, inputs: {}, outputs: {}, dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false };
    await journal.append([{ kind: "begin", seq: 1, op: "create", planned }]);
    await journal.append([{ kind: "end", seq: 2, begin: 1, ok: true, state: { ...planned, id: "x" } }]);
    const lines = (await fs.readFile(file, "utf8")).trimEnd().split("\n").map((l) => JSON.parse(l) as JournalEntry);
    expect(lines.map((e) => e.seq)).toEqual([1, 5, 6, 7]);
    expect(lines[3]).toMatchObject({ kind: "end", begin: 6 });
    expect(journal.lastSeq).toBe(7);
    const loaded = await backend.loadState(ref, plaintextCrypter);
    expect(replay(loaded.snapshot, loaded.journal).resources.map((r) => r.id)).toEqual(["x"]);
    await lease.release();
  });
});
