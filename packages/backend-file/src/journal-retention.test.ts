// The file backend's commit policy on disk: a commit that the journal already records writes
// nothing (the journal stays, loading replays it), anything else compacts into a new checkpoint,
// and so does a journal grown past the ratio or one that leaves operations pending.
import { PassphraseSecretsManager, TEST_SCRYPT, replay, type JournalEntry, type Snapshot, type StackRef } from "@cairn/state";
import { sampleSnapshot, writeEntry } from "@cairn/testing";
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileBackend } from "./file-backend.js";

describe("FileBackend commit policy", () => {
  const ref: StackRef = { project: "proj", stack: "dev" };
  const secrets = PassphraseSecretsManager.create({ passphrase: "pw", kdf: TEST_SCRYPT });
  const holder = { pid: 10, host: "here", user: "alice" };
  let root: string;
  const dir = () => join(root, "stacks", "proj", "dev");
  const checkpointIno = async () => (await fs.stat(join(dir(), "checkpoint.json"))).ino;
  const journalText = () => fs.readFile(join(dir(), "journal.jsonl"), "utf8").catch(() => "");

  beforeEach(async () => {
    root = await fs.mkdtemp(join(tmpdir(), "cairn-file-retention-"));
    const backend = new FileBackend({ root });
    await backend.createStack(ref);
    const lease = await backend.acquireLease({ ref, operation: "update", holder, ttlMs: 60_000 });
    await backend.commitSnapshot(ref, lease, sampleSnapshot(ref), secrets);
    await lease.release();
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  /** What a deployment does: load, journal its entries, commit `commitOf(result)`. */
  async function deploy(backend: FileBackend, entries: JournalEntry[], commitOf: (s: Snapshot) => Snapshot = (s) => s): Promise<Snapshot> {
    const lease = await backend.acquireLease({ ref, operation: "update", holder, ttlMs: 60_000 });
    try {
      const loaded = await backend.loadState(ref, secrets);
      const base = replay(loaded.snapshot, loaded.journal);
      const writer = await backend.openJournal(ref, lease, secrets);
      for (const e of entries) await writer.append([e]);
      const result = commitOf(replay(base, entries));
      await backend.commitSnapshot(ref, lease, result, secrets);
      return result;
    } finally {
      await lease.release();
    }
  }

  it("a no-op deployment writes nothing, and one the journal records keeps the journal instead of a checkpoint", async () => {
    const backend = new FileBackend({ root });
    const ino = await checkpointIno();
    const backups = (await backend.listBackups(ref)).length;
    await deploy(backend, []);
    expect(await journalText()).toBe("");
    const result = await deploy(backend, [writeEntry(ref, 1)]);
    const after = await deploy(backend, [writeEntry(ref, 2)]);
    expect(await checkpointIno()).toBe(ino);
    expect((await backend.listBackups(ref)).length).toBe(backups);
    expect((await journalText()).trim().split("\n")).toHaveLength(2);
    const loaded = await new FileBackend({ root }).loadState(ref, secrets);
    expect(loaded.journal.map((e) => e.seq)).toEqual([1, 2]);
    expect(replay(loaded.snapshot, loaded.journal)).toEqual(after);
    expect(after.resources.length).toBe(result.resources.length + 1);
  });

  it("stores states as deltas from the loaded ones, and loading, export, listing and rename read them", async () => {
    const backend = new FileBackend({ root });
    const old = (await backend.loadState(ref, secrets)).snapshot.resources[1]!;
    const changed = { ...old, protect: true, modified: "2026-01-02T00:00:00.000Z" };
    const result = await deploy(backend, [{ kind: "write", seq: 1, old: { urn: old.urn }, state: changed }]);
    const text = await journalText();
    expect(text).toContain('"$delta"');
    expect(text.length).toBeLessThan(JSON.stringify(changed).length);
    const fresh = new FileBackend({ root });
    const loaded = await fresh.loadState(ref, secrets);
    expect(replay(loaded.snapshot, loaded.journal)).toEqual(result);
    const exported = (await fresh.exportStack(ref)) as { checkpoint: Snapshot };
    expect(exported.checkpoint.resources.find((r) => r.urn === old.urn)?.protect).toBe(true);
    expect((await fresh.listStacks())[0]?.resourceCount).toBe(result.resources.length);
    await fresh.renameStack(ref, "prod");
    const renamed = await fresh.loadState({ project: "proj", stack: "prod" }, secrets);
    expect(replay(renamed.snapshot, renamed.journal).resources.find((r) => r.urn.endsWith(old.urn.split("::").pop()!))?.protect).toBe(true);
  });

  it("compacts when the committed snapshot is not what the journal records, and backs up the new checkpoint", async () => {
    const backend = new FileBackend({ root });
    const ino = await checkpointIno();
    const backups = (await backend.listBackups(ref)).length;
    const result = await deploy(backend, [writeEntry(ref, 1)], (s) => ({ ...s, resources: s.resources.slice(0, 1) }));
    expect(await checkpointIno()).not.toBe(ino);
    expect(await journalText()).toBe("");
    expect((await backend.listBackups(ref)).length).toBe(backups + 1);
    expect((await backend.loadState(ref, secrets)).snapshot).toEqual(result);
  });

  it("compacts once the journal outgrows the configured fraction of the checkpoint", async () => {
    const backend = new FileBackend({ root, compactRatio: 0 });
    const ino = await checkpointIno();
    const result = await deploy(backend, [writeEntry(ref, 1)]);
    expect(await checkpointIno()).not.toBe(ino);
    expect(await journalText()).toBe("");
    expect((await backend.loadState(ref, secrets)).snapshot).toEqual(result);
  });

  it("compacts a deployment that leaves an operation pending, so a later run's sequence numbers never meet it", async () => {
    const backend = new FileBackend({ root });
    const planned = (writeEntry(ref, 1) as Extract<JournalEntry, { kind: "write" }>).state!;
    const result = await deploy(backend, [{ kind: "begin", seq: 1, op: "create", planned }]);
    expect(result.pendingOperations).toHaveLength(1);
    expect(await journalText()).toBe("");
    await deploy(backend, [{ kind: "begin", seq: 1, op: "create", planned: { ...planned, urn: `${planned.urn}-b` } }]);
    expect((await backend.loadState(ref, secrets)).snapshot.pendingOperations).toHaveLength(2);
  });

  it("compacts when the files changed behind the loaded state", async () => {
    const backend = new FileBackend({ root });
    const lease = await backend.acquireLease({ ref, operation: "update", holder, ttlMs: 60_000 });
    const loaded = await backend.loadState(ref, secrets);
    const writer = await backend.openJournal(ref, lease, secrets);
    await writer.append([writeEntry(ref, 1)]);
    await fs.appendFile(join(dir(), "journal.jsonl"), `${JSON.stringify(writeEntry(ref, 2))}\n`);
    const result = replay(loaded.snapshot, [writeEntry(ref, 1)]);
    await backend.commitSnapshot(ref, lease, result, secrets);
    await lease.release();
    expect(await journalText()).toBe("");
    expect((await backend.loadState(ref, secrets)).snapshot).toEqual(result);
  });
});
