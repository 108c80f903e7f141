// FileBackend against the shared Backend conformance suite, plus what only a filesystem backend
// must do: its layout, corrupt-checkpoint recovery from backups, torn journal lines, crash between
// checkpoint and journal truncation, secrets never on disk in plaintext, heartbeats.
import { CairnError, ErrorCodes, SIG } from "@cairn/protocol";
import { PassphraseSecretsManager, TEST_SCRYPT, encodeCheckpoint, type StackRef } from "@cairn/state";
import { SAMPLE_SECRET, describeBackendConformance, leakForms, sampleSnapshot, writeEntry } from "@cairn/testing";
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileBackend } from "./file-backend.js";

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await allFiles(p)));
    else out.push(p);
  }
  return out;
}

async function dumpFiles(dir: string): Promise<string> {
  const texts = await Promise.all((await allFiles(dir)).map((f) => fs.readFile(f, "utf8")));
  return texts.join("\n");
}

describeBackendConformance({
  name: "FileBackend",
  makeBackend: async (ctx) => {
    const root = await fs.mkdtemp(join(tmpdir(), "cairn-file-backend-"));
    return {
      backend: new FileBackend({ root, clock: ctx.clock, host: ctx.host }),
      cleanup: () => fs.rm(root, { recursive: true, force: true }),
      dumpStorage: () => dumpFiles(root),
    };
  },
});

describe("FileBackend on disk", () => {
  const ref: StackRef = { project: "proj", stack: "dev" };
  const secrets = PassphraseSecretsManager.create({ passphrase: "pw", kdf: TEST_SCRYPT });
  const holder = { pid: 10, host: "here", user: "alice" };
  let root: string;
  let backend: FileBackend;
  const stackDir = () => join(root, "stacks", "proj", "dev");

  beforeEach(async () => {
    root = await fs.mkdtemp(join(tmpdir(), "cairn-file-backend-"));
    backend = new FileBackend({ root });
    await backend.createStack(ref);
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  const commit = async (time: string) => {
    const lease = await backend.acquireLease({ ref, operation: "update", holder, ttlMs: 60_000 });
    await backend.commitSnapshot(ref, lease, sampleSnapshot(ref, time), secrets);
    await lease.release();
  };

  it("keeps the documented layout", async () => {
    expect(backend.url).toBe(`file://${root}`);
    await commit("2026-01-01T00:00:01.000Z");
    await commit("2026-01-01T00:00:02.000Z");
    const lease = await backend.acquireLease({ ref, operation: "update", holder, ttlMs: 60_000 });
    await (await backend.openJournal(ref, lease, secrets)).append([writeEntry(ref, 1)]);
    await backend.appendHistory(ref, { kind: "update", startTime: "a", endTime: "b", result: "succeeded", counts: {}, user: "u", cairnVersion: "0.1.0", steps: [] }, secrets);
    const files = (await allFiles(root)).map((f) => f.slice(stackDir().length + 1)).sort();
    expect(files).toEqual([
      expect.stringMatching(/^backups\/checkpoint-\d{8}T\d{6}\.\d{3}Z-1\.json$/),
      expect.stringMatching(/^backups\/checkpoint-\d{8}T\d{6}\.\d{3}Z-2\.json$/),
      "checkpoint.json",
      "history/000001.json",
      "journal.jsonl",
      "lease-counter.json",
      "lease.json",
    ]);
    await lease.release();
    expect(await fs.readdir(stackDir())).not.toContain("lease.json");
  });

  it("keeps only the steps that changed something in a history record, without their old values; unchanged ones are counted", async () => {
    const provider = "urn:cairn:dev::proj::pulumi:providers:t::default::id-1";
    const step = (op: "same" | "update", name: string) => ({ op, urn: `urn:cairn:dev::proj::t:m:R::${name}`, type: "t:m:R", provider, diff: [{ path: "x", kind: "update" as const, old: 1, new: 2 }], oldInputs: { x: 1 }, oldOutputs: { x: 1 }, newInputs: { x: 2 }, newOutputs: { x: 2 } });
    const record = { kind: "update" as const, startTime: "a", endTime: "b", result: "succeeded" as const, counts: { same: 2, update: 2 }, user: "u", cairnVersion: "0.1.0" };
    const rec = await backend.appendHistory(ref, { ...record, steps: [step("same", "a"), step("update", "b"), step("same", "c"), step("update", "d")] }, secrets);
    const kept = (name: string) => ({ op: "update", urn: `urn:cairn:dev::proj::t:m:R::${name}`, type: "t:m:R", provider, diff: [{ path: "x", kind: "update", old: 1, new: 2 }], newInputs: { x: 2 }, newOutputs: { x: 2 } });
    expect(rec.steps).toEqual([kept("b"), kept("d")]);
    const stored = await fs.readFile(join(stackDir(), "history", "000001.json"), "utf8");
    expect(stored.split(provider)).toHaveLength(2); // The provider reference is stored once.
    // A record in format 1 (each step with its own provider reference) still reads.
    await fs.writeFile(join(stackDir(), "history", "000002.json"), JSON.stringify({ format: "cairn.update-record", formatVersion: 1, record: { ...record, version: 2, steps: [kept("e")] } }));
    const [older, listed] = (await backend.listHistory(ref, secrets)).reverse();
    expect(listed?.steps).toEqual([kept("e")]);
    expect(older).toEqual(rec);
    expect(older?.counts).toEqual({ same: 2, update: 2 });
  });

  it("keeps each checkpoint it writes as a backup copy that damage to checkpoint.json cannot reach", async () => {
    const checkpoint = join(stackDir(), "checkpoint.json");
    await commit("2026-01-01T00:00:01.000Z");
    await commit("2026-01-01T00:00:02.000Z");
    const [newest, previous] = await backend.listBackups(ref);
    expect(await fs.readFile(newest!.path, "utf8")).toBe(await fs.readFile(checkpoint, "utf8"));
    expect((await fs.stat(newest!.path)).ino).not.toBe((await fs.stat(checkpoint)).ino);
    expect((await backend.readBackup(ref, previous!.id)).checkpoint.manifest.time).toBe("2026-01-01T00:00:01.000Z");
    await fs.writeFile(checkpoint, "{");
    expect((await backend.readBackup(ref, newest!.id)).checkpoint.manifest.time).toBe("2026-01-01T00:00:02.000Z");
  });

  it("keeps a checkpoint that has no copy yet (written by an older Cairn) as a hard link before replacing it", async () => {
    const checkpoint = join(stackDir(), "checkpoint.json");
    await commit("2026-01-01T00:00:01.000Z");
    await fs.rm(join(stackDir(), "backups"), { recursive: true });
    const before = await fs.stat(checkpoint);
    await commit("2026-01-01T00:00:02.000Z");
    const [newest, linked] = await backend.listBackups(ref);
    expect((await fs.stat(linked!.path)).ino).toBe(before.ino);
    expect((await backend.readBackup(ref, newest!.id)).checkpoint.manifest.time).toBe("2026-01-01T00:00:02.000Z");
  });

  it("names a corrupt checkpoint and its backups, and importing a backup recovers", async () => {
    await commit("2026-01-01T00:00:01.000Z");
    await commit("2026-01-01T00:00:02.000Z");
    const [, backup] = await backend.listBackups(ref);
    const backupText = await fs.readFile(backup!.path, "utf8");
    await fs.writeFile(join(stackDir(), "checkpoint.json"), '{"version": 1, "checkpoint": {"resour');

    const err = await backend.loadState(ref, secrets).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CairnError);
    expect((err as CairnError).code).toBe(ErrorCodes.StateCorrupt);
    expect((err as CairnError).message).toContain(join(stackDir(), "checkpoint.json"));
    expect((err as CairnError).message).toContain(join(stackDir(), "backups"));
    expect((err as CairnError).message).toContain("cairn stack import --file <backup>");
    expect(await fs.readFile(backup!.path, "utf8")).toBe(backupText);

    const lease = await backend.acquireLease({ ref, operation: "import", holder, ttlMs: 60_000 });
    await backend.importStack(ref, lease, await backend.readBackup(ref, backup!.id));
    await lease.release();
    const { snapshot } = await backend.loadState(ref, secrets);
    expect(snapshot).toEqual(sampleSnapshot(ref, "2026-01-01T00:00:01.000Z"));
  });

  it("drops a torn last journal line with a warning and cuts it off before appending", async () => {
    const lease = await backend.acquireLease({ ref, operation: "update", holder, ttlMs: 60_000 });
    await (await backend.openJournal(ref, lease, secrets)).append([writeEntry(ref, 1), writeEntry(ref, 2)]);
    await lease.release();
    await fs.appendFile(join(stackDir(), "journal.jsonl"), '{"kind":"write","seq":3,"sta');

    const loaded = await backend.loadState(ref, secrets);
    expect(loaded.journal.map((e) => e.seq)).toEqual([1, 2]);
    expect(loaded.warnings?.join("\n")).toContain("incomplete last line");

    const again = await backend.acquireLease({ ref, operation: "update", holder, ttlMs: 60_000 });
    await (await backend.openJournal(ref, again, secrets)).append([writeEntry(ref, 4)]);
    await again.release();
    const after = await backend.loadState(ref, secrets);
    expect(after.journal.map((e) => e.seq)).toEqual([1, 2, 4]);
    expect(after.warnings).toBeUndefined();
  });

  it("a crash after the checkpoint rename never replays the journal it includes", async () => {
    const lease = await backend.acquireLease({ ref, operation: "update", holder, ttlMs: 60_000 });
    await (await backend.openJournal(ref, lease, secrets)).append([writeEntry(ref, 1)]);
    // The state a crash between writing the new checkpoint and truncating the journal leaves.
    const text = encodeCheckpoint(sampleSnapshot(ref), secrets);
    const sha = createHash("sha256").update(text).digest("hex");
    await fs.writeFile(join(stackDir(), "commit-pending.json"), JSON.stringify({ formatVersion: 1, checkpointSha256: sha }));
    await fs.writeFile(join(stackDir(), "checkpoint.json"), text);
    const loaded = await backend.loadState(ref, secrets);
    expect(loaded.snapshot).toEqual(sampleSnapshot(ref));
    expect(loaded.journal).toEqual([]);
    // Listing and export leave the included journal out too.
    expect((await backend.listStacks())[0]?.resourceCount).toBe(sampleSnapshot(ref).resources.length);
    expect(((await backend.exportStack(ref)) as { checkpoint: { resources: unknown[] } }).checkpoint.resources).toHaveLength(sampleSnapshot(ref).resources.length);
    // The next writer finishes the interrupted commit before appending.
    await (await backend.openJournal(ref, lease, secrets)).append([writeEntry(ref, 2)]);
    expect((await backend.loadState(ref, secrets)).journal.map((e) => e.seq)).toEqual([2]);
    expect(await fs.readdir(stackDir())).not.toContain("commit-pending.json");
    await lease.release();
  });

  it("a crash before the checkpoint rename keeps the journal", async () => {
    await commit("2026-01-01T00:00:01.000Z");
    const lease = await backend.acquireLease({ ref, operation: "update", holder, ttlMs: 60_000 });
    await (await backend.openJournal(ref, lease, secrets)).append([writeEntry(ref, 1)]);
    await fs.writeFile(join(stackDir(), "commit-pending.json"), JSON.stringify({ formatVersion: 1, checkpointSha256: "0".repeat(64) }));
    expect((await backend.loadState(ref, secrets)).journal.map((e) => e.seq)).toEqual([1]);
    await lease.release();
  });

  it("exports the journal not yet compacted along with the checkpoint, secrets still sealed", async () => {
    await commit("2026-01-01T00:00:01.000Z");
    const lease = await backend.acquireLease({ ref, operation: "update", holder, ttlMs: 60_000 });
    await (await backend.openJournal(ref, lease, secrets)).append([writeEntry(ref, 1)]);
    const doc = await backend.exportStack(ref);
    const text = JSON.stringify(doc);
    for (const form of leakForms(SAMPLE_SECRET)) expect(text).not.toContain(form);
    const copy: StackRef = { project: "proj", stack: "copy" };
    await backend.createStack(copy);
    const copyLease = await backend.acquireLease({ ref: copy, operation: "import", holder, ttlMs: 60_000 });
    await backend.importStack(copy, copyLease, JSON.parse(text) as unknown);
    await copyLease.release();
    const { snapshot } = await backend.loadState(copy, secrets);
    const loaded = await backend.loadState(ref, secrets);
    expect(snapshot.resources).toHaveLength(4);
    expect(snapshot.resources.at(-1)).toEqual(loaded.journal[0]?.kind === "write" ? loaded.journal[0].state : undefined);
    await lease.release();
  });

  it("never writes a secret in plaintext, base64 or JSON-escaped form to any file", async () => {
    const secret = 'p@ss "w0rd" \\ ünïcode';
    const snap = sampleSnapshot(ref);
    snap.resources[2]!.outputs["token"] = { [SIG]: "secret", value: { nested: secret } };
    snap.resources[2]!.inputs["token"] = { [SIG]: "secret", value: secret };
    const lease = await backend.acquireLease({ ref, operation: "update", holder, ttlMs: 60_000 });
    await (await backend.openJournal(ref, lease, secrets)).append([{ kind: "write", seq: 1, state: snap.resources[2]! }]);
    await backend.commitSnapshot(ref, lease, snap, secrets);
    await backend.commitSnapshot(ref, lease, snap, secrets);
    await backend.importStack(ref, lease, await backend.exportStack(ref));
    await (await backend.openJournal(ref, lease, secrets)).append([{ kind: "write", seq: 2, state: snap.resources[2]! }]);
    await backend.appendHistory(
      ref,
      {
        kind: "update", startTime: "a", endTime: "b", result: "succeeded", counts: {}, user: "u", cairnVersion: "0.1.0",
        steps: [{ op: "create", urn: snap.resources[2]!.urn, type: "random:index:Pet", newInputs: snap.resources[2]!.inputs, diff: [] }],
        config: {},
      },
      secrets,
    );
    await backend.renameStack({ ...ref }, "dev2").catch(() => undefined); // Held: refused, state unchanged.
    await lease.release();
    await backend.renameStack(ref, "dev2");

    const files = await allFiles(root);
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      const text = await fs.readFile(file, "utf8");
      for (const form of leakForms(secret)) expect(text, `${file} leaks the secret`).not.toContain(form);
    }
    const renamed = await backend.loadState({ project: "proj", stack: "dev2" }, secrets);
    expect(renamed.snapshot.resources[2]?.inputs["token"]).toEqual({ [SIG]: "secret", value: secret });
    expect(renamed.journal[0]?.kind === "write" ? renamed.journal[0].state?.urn : undefined).toContain("urn:cairn:dev2::proj::");
    const history = await backend.listHistory({ project: "proj", stack: "dev2" }, secrets);
    expect(history[0]?.steps[0]?.newInputs?.["token"]).toEqual({ [SIG]: "secret", value: secret });
  });

  it("renews a held lease with heartbeats so it does not expire while the holder runs", async () => {
    const lease = await backend.acquireLease({ ref, operation: "update", holder, ttlMs: 300 });
    await new Promise((r) => setTimeout(r, 1000));
    const other = new FileBackend({ root });
    await expect(other.acquireLease({ ref, operation: "update", holder: { ...holder, pid: 11 }, ttlMs: 300 })).rejects.toMatchObject({
      code: ErrorCodes.StackLocked,
    });
    const info = await backend.getLease(ref);
    expect(Date.parse(info!.heartbeatAt)).toBeGreaterThan(Date.parse(info!.acquiredAt));
    await lease.release();
    expect(await backend.getLease(ref)).toBeUndefined();
  });

  it("keeps the last 20 backups", async () => {
    for (let i = 0; i < 23; i++) await commit(`2026-01-01T00:00:${String(i).padStart(2, "0")}.000Z`);
    const backups = await backend.listBackups(ref);
    expect(backups).toHaveLength(20);
    const newest = JSON.parse(await fs.readFile(backups[0]!.path, "utf8")) as { checkpoint: { manifest: { time: string } } };
    expect(newest.checkpoint.manifest.time).toBe("2026-01-01T00:00:22.000Z");
  });

  it("rejects project and stack names that could leave the state directory", async () => {
    for (const bad of [{ project: "..", stack: "x" }, { project: "p", stack: ".hidden" }, { project: "p/q", stack: "x" }, { project: "p", stack: "a\\b" }]) {
      const err = await backend.createStack(bad).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: ErrorCodes.InvalidInput });
    }
    await expect(backend.renameStack(ref, "../escape")).rejects.toMatchObject({ code: ErrorCodes.InvalidInput });
    await expect(backend.listStacks("..")).rejects.toMatchObject({ code: ErrorCodes.InvalidInput });
    expect(await fs.readdir(join(root, "stacks"))).toEqual(["proj"]);
  });

  it("reports a lease file it cannot read instead of ignoring it", async () => {
    await fs.writeFile(join(stackDir(), "lease.json"), "{not json");
    await expect(backend.acquireLease({ ref, operation: "update", holder, ttlMs: 1000 })).rejects.toMatchObject({ code: ErrorCodes.StateCorrupt });
    expect(await backend.breakLease(ref)).toBeUndefined();
    const lease = await backend.acquireLease({ ref, operation: "update", holder, ttlMs: 1000 });
    await lease.release();
  });
});
