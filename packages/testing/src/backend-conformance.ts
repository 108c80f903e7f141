// The Backend conformance suite: the behaviour every Backend implementation (file, PostgreSQL,
// in-memory) must show: stacks, lease exclusivity, takeover, breaking and fencing, journal and
// checkpoint round trips, integrity refusal, history with sealed secrets, export/import, backups.
import { CairnError, ErrorCodes, makeUrn, SIG, type ErrorCode, type PropertyMap } from "@cairn/protocol";
import {
  PassphraseSecretsManager,
  TEST_SCRYPT,
  type AcquireLeaseRequest,
  type Backend,
  type JournalEntry,
  type Lease,
  type ResourceState,
  type Snapshot,
  type StackRef,
  type UpdateRecord,
} from "@cairn/state";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

export interface BackendTestContext {
  /** The clock the backend must use (ms since the epoch); the suite moves it to expire leases. */
  clock: () => number;
  /** The host name the backend must treat as its own for dead-process takeover. */
  host: string;
}

export interface BackendUnderTest {
  backend: Backend;
  cleanup(): Promise<void>;
  /** Everything the backend stores (files, rows) as text, to check that secrets are sealed at rest. */
  dumpStorage?: () => Promise<string>;
}

export interface BackendConformanceOptions {
  name: string;
  makeBackend: (ctx: BackendTestContext) => Promise<BackendUnderTest>;
}

export const CONFORMANCE_HOST = "conformance-host";
const START = Date.parse("2026-01-01T00:00:00.000Z");
/** The secret value the sample resources and journal entries carry. */
export const SAMPLE_SECRET = 'hunter2 "quoted" \\ s3cr3t-✓';
const SECRET = SAMPLE_SECRET;

/** The forms a leaked secret could take in stored text: plain, base64 and JSON-escaped. */
export function leakForms(plaintext: string): string[] {
  const json = JSON.stringify(plaintext);
  return [plaintext, Buffer.from(plaintext, "utf8").toString("base64"), json.slice(1, -1), JSON.stringify(json).slice(1, -1)];
}

/** Resources of a small stack: root, a provider, and a custom resource with a secret output. */
export function sampleResources(ref: StackRef, extra: PropertyMap = {}): ResourceState[] {
  const root = makeUrn({ stack: ref.stack, project: ref.project, type: "cairn:cairn:Stack", name: `${ref.project}-root` });
  const prov = makeUrn({ stack: ref.stack, project: ref.project, type: "cairn:providers:random", name: "default", parent: root });
  const pet = makeUrn({ stack: ref.stack, project: ref.project, type: "random:index:Pet", name: "pet", parent: root });
  const base = { inputs: {}, outputs: {}, dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false };
  return [
    { ...base, urn: root, type: "cairn:cairn:Stack", custom: false },
    { ...base, urn: prov, type: "cairn:providers:random", custom: true, id: "prov-1", parent: root },
    {
      ...base,
      urn: pet,
      type: "random:index:Pet",
      custom: true,
      id: "pet-1",
      parent: root,
      provider: `${prov}::prov-1`,
      inputs: { length: 2 },
      outputs: { name: "fluffy-cat", password: { [SIG]: "secret", value: SECRET }, ...extra },
      dependencies: [prov],
    },
  ];
}

export function sampleSnapshot(ref: StackRef, time = "2026-01-01T00:00:00.000Z"): Snapshot {
  return { resources: sampleResources(ref), pendingOperations: [], manifest: { time, cairnVersion: "0.1.0" } };
}

async function expectCode(p: Promise<unknown>, code: ErrorCode): Promise<CairnError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `expected a CairnError ${code}`).toBeInstanceOf(CairnError);
  expect((err as CairnError).code).toBe(code);
  return err as CairnError;
}

export function describeBackendConformance(opts: BackendConformanceOptions): void {
  describe(`Backend conformance: ${opts.name}`, () => {
    let now = START;
    const dead = new Set<number>();
    const isProcessAlive = (pid: number): boolean => !dead.has(pid);
    let under: BackendUnderTest;
    let backend: Backend;
    const secrets = PassphraseSecretsManager.create({ passphrase: "correct horse", kdf: TEST_SCRYPT });
    const ref: StackRef = { project: "proj", stack: "dev" };
    const leases: Lease[] = [];

    const acquire = async (over: Partial<AcquireLeaseRequest> & { pid?: number } = {}): Promise<Lease> => {
      const { pid, ...rest } = over;
      const lease = await backend.acquireLease({
        ref,
        operation: "update",
        holder: { pid: pid ?? 1001, host: CONFORMANCE_HOST, user: "alice" },
        ttlMs: 60_000,
        isProcessAlive,
        ...rest,
      });
      leases.push(lease);
      return lease;
    };

    const commit = async (snapshot: Snapshot, target: StackRef = ref): Promise<void> => {
      const lease = await acquire({ ref: target });
      await backend.commitSnapshot(target, lease, snapshot, secrets);
      await lease.release();
    };

    beforeEach(async () => {
      now = START;
      dead.clear();
      under = await opts.makeBackend({ clock: () => now, host: CONFORMANCE_HOST });
      backend = under.backend;
      await backend.createStack(ref);
    });

    afterEach(async () => {
      for (const l of leases.splice(0)) await l.release().catch(() => undefined);
      await under.cleanup();
    });

    describe("stacks", () => {
      it("creates, lists, finds and removes stacks", async () => {
        await backend.createStack({ project: "proj", stack: "prod" });
        await backend.createStack({ project: "other", stack: "dev" });
        await expectCode(backend.createStack(ref), ErrorCodes.StackExists);
        expect(await backend.stackExists({ project: "proj", stack: "prod" })).toBe(true);
        expect(await backend.stackExists({ project: "proj", stack: "nope" })).toBe(false);
        const all = await backend.listStacks();
        expect(all.map((s) => `${s.project}/${s.stack}`).sort()).toEqual(["other/dev", "proj/dev", "proj/prod"]);
        expect(all.every((s) => s.resourceCount === 0)).toBe(true);
        const proj = await backend.listStacks("proj");
        expect(proj.map((s) => s.stack).sort()).toEqual(["dev", "prod"]);
        await backend.removeStack({ project: "proj", stack: "prod" }, { force: false });
        expect(await backend.stackExists({ project: "proj", stack: "prod" })).toBe(false);
        await expectCode(backend.removeStack({ project: "proj", stack: "prod" }, { force: false }), ErrorCodes.StackNotFound);
        await expectCode(backend.loadState({ project: "proj", stack: "prod" }, secrets), ErrorCodes.StackNotFound);
      });

      it("rejects invalid names with a CairnError", async () => {
        for (const stack of ["a/b", "../x", "", "has space"]) {
          await expect(backend.createStack({ project: "proj", stack })).rejects.toBeInstanceOf(CairnError);
        }
      });

      it("lists resource counts and a held lease", async () => {
        await commit(sampleSnapshot(ref));
        const lease = await acquire({ operation: "refresh" });
        const [summary] = await backend.listStacks("proj");
        expect(summary?.resourceCount).toBe(3);
        expect(summary?.lease?.operation).toBe("refresh");
        expect(summary?.lease?.fencingToken).toBe(lease.info.fencingToken);
      });

      it("refuses to remove a stack with resources unless forced", async () => {
        await commit(sampleSnapshot(ref));
        await expect(backend.removeStack(ref, { force: false })).rejects.toBeInstanceOf(CairnError);
        expect(await backend.stackExists(ref)).toBe(true);
        await backend.removeStack(ref, { force: true });
        expect(await backend.stackExists(ref)).toBe(false);
      });

      it("renames a stack and rewrites the URNs in its state", async () => {
        await commit(sampleSnapshot(ref));
        await backend.createStack({ project: "proj", stack: "taken" });
        await expectCode(backend.renameStack(ref, "taken"), ErrorCodes.StackExists);
        await backend.renameStack(ref, "staging");
        expect(await backend.stackExists(ref)).toBe(false);
        const renamed: StackRef = { project: "proj", stack: "staging" };
        const { snapshot } = await backend.loadState(renamed, secrets);
        expect(snapshot.resources.map((r) => r.urn)).toEqual(sampleResources(renamed).map((r) => r.urn));
        expect(snapshot.resources[2]?.provider).toBe(sampleResources(renamed)[2]?.provider);
        expect(snapshot.resources[2]?.outputs["password"]).toEqual({ [SIG]: "secret", value: SECRET });
      });
    });

    describe("leases", () => {
      it("is exclusive and names the holder", async () => {
        const first = await acquire({ pid: 4242, operation: "up" });
        expect(first.info.holder).toEqual({ pid: 4242, host: CONFORMANCE_HOST, user: "alice" });
        const err = await expectCode(acquire({ pid: 5151, holder: { pid: 5151, host: CONFORMANCE_HOST, user: "bob" } }), ErrorCodes.StackLocked);
        expect(err.message).toContain(`alice@${CONFORMANCE_HOST}`);
        expect(err.message).toContain("4242");
        expect(err.message).toContain("up");
        expect(err.message).toContain("cairn cancel");
        expect((await backend.getLease(ref))?.fencingToken).toBe(first.info.fencingToken);
      });

      it("is free again after release, with a larger fencing token", async () => {
        const first = await acquire();
        await first.release();
        expect(await backend.getLease(ref)).toBeUndefined();
        const second = await acquire();
        expect(second.info.fencingToken).toBeGreaterThan(first.info.fencingToken);
        expect(second.warnings).toEqual([]);
      });

      it("takes over a lease whose holder process is gone on this host, with a warning", async () => {
        const first = await acquire({ pid: 777 });
        dead.add(777);
        const second = await acquire({ pid: 888 });
        expect(second.info.fencingToken).toBeGreaterThan(first.info.fencingToken);
        expect(second.warnings.join("\n")).toContain("777");
        expect((await backend.getLease(ref))?.holder.pid).toBe(888);
      });

      it("does not judge processes on another host", async () => {
        await acquire({ pid: 777, holder: { pid: 777, host: "elsewhere", user: "carol" } });
        dead.add(777);
        await expectCode(acquire({ pid: 888 }), ErrorCodes.StackLocked);
      });

      it("takes over an expired lease, with a warning", async () => {
        const first = await acquire({ pid: 777, ttlMs: 60_000, holder: { pid: 777, host: "elsewhere", user: "carol" } });
        now += 30_000;
        await expectCode(acquire({ pid: 888 }), ErrorCodes.StackLocked);
        now += 60_000;
        const second = await acquire({ pid: 888 });
        expect(second.info.fencingToken).toBeGreaterThan(first.info.fencingToken);
        expect(second.warnings.join("\n")).toContain("carol@elsewhere");
      });

      it("breakLease removes any lease and returns it", async () => {
        const first = await acquire({ operation: "destroy" });
        const broken = await backend.breakLease(ref);
        expect(broken?.fencingToken).toBe(first.info.fencingToken);
        expect(broken?.operation).toBe("destroy");
        expect(await backend.getLease(ref)).toBeUndefined();
        expect(await backend.breakLease(ref)).toBeUndefined();
        await acquire();
      });

      it("fences a holder whose lease was broken: LeaseLost and nothing written", async () => {
        const old = await acquire({ pid: 1 });
        const oldJournal = await backend.openJournal(ref, old, secrets);
        await oldJournal.append([writeEntry(ref, 1)]);
        await backend.breakLease(ref);
        const fresh = await acquire({ pid: 2 });
        const freshJournal = await backend.openJournal(ref, fresh, secrets);
        await freshJournal.append([writeEntry(ref, 2)]);

        await expectCode(oldJournal.append([writeEntry(ref, 3)]), ErrorCodes.LeaseLost);
        await expectCode(backend.commitSnapshot(ref, old, sampleSnapshot(ref), secrets), ErrorCodes.LeaseLost);
        await expectCode(backend.importStack(ref, old, await backend.exportStack(ref)), ErrorCodes.LeaseLost);
        await old.release();

        expect((await backend.getLease(ref))?.fencingToken).toBe(fresh.info.fencingToken);
        const { snapshot, journal } = await backend.loadState(ref, secrets);
        expect(snapshot.resources).toEqual([]);
        expect(journal.map((e) => e.seq)).toEqual([1, 2]);
      });
    });

    describe("journal and checkpoints", () => {
      it("returns appended journal entries in order", async () => {
        const lease = await acquire();
        const journal = await backend.openJournal(ref, lease, secrets);
        await journal.append([writeEntry(ref, 1), writeEntry(ref, 2)]);
        await Promise.all([journal.append([writeEntry(ref, 3)]), journal.append([writeEntry(ref, 4)])]);
        const loaded = await backend.loadState(ref, secrets);
        expect(loaded.journal.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
        const first = loaded.journal[0];
        expect(first?.kind === "write" ? first.state?.outputs["password"] : undefined).toEqual({ [SIG]: "secret", value: SECRET });
      });

      it("an empty stack loads as an empty snapshot", async () => {
        const { snapshot, journal } = await backend.loadState(ref, secrets);
        expect(snapshot.resources).toEqual([]);
        expect(snapshot.pendingOperations).toEqual([]);
        expect(journal).toEqual([]);
      });

      it("commitSnapshot replaces the checkpoint and empties the journal", async () => {
        const lease = await acquire();
        const journal = await backend.openJournal(ref, lease, secrets);
        await journal.append([writeEntry(ref, 1)]);
        const snap = sampleSnapshot(ref);
        await backend.commitSnapshot(ref, lease, snap, secrets);
        const loaded = await backend.loadState(ref, secrets);
        expect(loaded.snapshot).toEqual(snap);
        expect(loaded.journal).toEqual([]);
        await journal.append([writeEntry(ref, 2)]);
        expect((await backend.loadState(ref, secrets)).journal.map((e) => e.seq)).toEqual([2]);
      });

      it("refuses a snapshot that fails integrity and keeps the previous checkpoint", async () => {
        const good = sampleSnapshot(ref);
        await commit(good);
        const bad = sampleSnapshot(ref);
        bad.resources = [bad.resources[2]!, ...bad.resources.slice(0, 2)]; // Child before its parent.
        const lease = await acquire();
        await expectCode(backend.commitSnapshot(ref, lease, bad, secrets), ErrorCodes.StateIntegrity);
        expect((await backend.loadState(ref, secrets)).snapshot).toEqual(good);
      });

      it("keeps earlier checkpoints as backups, newest first", async () => {
        await commit(sampleSnapshot(ref, "2026-01-01T00:00:01.000Z"));
        now += 1000;
        await commit(sampleSnapshot(ref, "2026-01-01T00:00:02.000Z"));
        now += 1000;
        await commit(sampleSnapshot(ref, "2026-01-01T00:00:03.000Z"));
        const backups = await backend.listBackups(ref);
        expect(backups.length).toBeGreaterThanOrEqual(2);
        expect(new Set(backups.map((b) => b.id)).size).toBe(backups.length);
        const times = backups.map((b) => Date.parse(b.time));
        expect([...times].sort((a, b) => b - a)).toEqual(times);
      });
    });

    describe("history", () => {
      it("appends and lists update records, newest first, secrets round-tripping and sealed at rest", async () => {
        const first = await backend.appendHistory(ref, historyRecord("first"), secrets);
        const second = await backend.appendHistory(ref, historyRecord("second"), secrets);
        expect(second.version).toBe(first.version + 1);
        const listed = await backend.listHistory(ref, secrets);
        expect(listed.map((r) => r.message)).toEqual(["second", "first"]);
        expect(listed[0]).toEqual(second);
        expect(listed[0]?.steps[0]?.newOutputs?.["password"]).toEqual({ [SIG]: "secret", value: SECRET });
        expect((await backend.listHistory(ref, secrets, { limit: 1 })).map((r) => r.version)).toEqual([second.version]);
        await commit(sampleSnapshot(ref));
        const lease = await acquire();
        await (await backend.openJournal(ref, lease, secrets)).append([writeEntry(ref, 1)]);
        if (under.dumpStorage !== undefined) {
          const stored = await under.dumpStorage();
          expect(stored).toContain("fluffy-cat"); // The dump does hold the state...
          for (const form of leakForms(SECRET)) expect(stored).not.toContain(form); // ...but never the secret.
        }
      });
    });

    describe("export and import", () => {
      it("round-trips a stack through export and import, secrets sealed in the document", async () => {
        const snap = sampleSnapshot(ref);
        await commit(snap);
        const doc = await backend.exportStack(ref);
        const text = JSON.stringify(doc);
        for (const form of leakForms(SECRET)) expect(text).not.toContain(form);
        const copy: StackRef = { project: "proj", stack: "copy" };
        await backend.createStack(copy);
        const lease = await acquire({ ref: copy });
        await backend.importStack(copy, lease, JSON.parse(text) as unknown);
        expect((await backend.loadState(copy, secrets)).snapshot).toEqual(snap);
      });

      it("refuses a document that is not a valid checkpoint and keeps the state", async () => {
        const snap = sampleSnapshot(ref);
        await commit(snap);
        const lease = await acquire();
        await expect(backend.importStack(ref, lease, { version: 1, checkpoint: { resources: "nope" } })).rejects.toBeInstanceOf(CairnError);
        const doc = (await backend.exportStack(ref)) as { checkpoint: Snapshot };
        doc.checkpoint.resources.reverse(); // Children before parents: fails integrity.
        await expect(backend.importStack(ref, lease, doc)).rejects.toBeInstanceOf(CairnError);
        expect((await backend.loadState(ref, secrets)).snapshot).toEqual(snap);
      });

      it("import clears the journal and backs up the replaced checkpoint", async () => {
        await commit(sampleSnapshot(ref));
        const before = (await backend.listBackups(ref)).length;
        const doc = await backend.exportStack(ref);
        const lease = await acquire();
        await (await backend.openJournal(ref, lease, secrets)).append([writeEntry(ref, 1)]);
        await backend.importStack(ref, lease, doc);
        expect((await backend.loadState(ref, secrets)).journal).toEqual([]);
        expect((await backend.listBackups(ref)).length).toBe(before + 1);
      });
    });
  });
}

/** A journal entry adding one resource (with a secret output) to the stack. */
export function writeEntry(ref: StackRef, seq: number): JournalEntry {
  const urn = makeUrn({ stack: ref.stack, project: ref.project, type: "cairn:cairn:Stack", name: `extra-${seq}` });
  const state: ResourceState = {
    urn,
    type: "cairn:cairn:Stack",
    custom: false,
    inputs: {},
    outputs: { password: { [SIG]: "secret", value: SECRET } },
    dependencies: [],
    propertyDependencies: {},
    protect: false,
    retainOnDelete: false,
  };
  return { kind: "write", seq, state };
}

function historyRecord(message: string): Omit<UpdateRecord, "version"> {
  return {
    kind: "update",
    startTime: "2026-01-01T00:00:00.000Z",
    endTime: "2026-01-01T00:00:05.000Z",
    result: "succeeded",
    counts: { create: 1 },
    user: "alice",
    message,
    cairnVersion: "0.1.0",
    steps: [
      {
        op: "create",
        urn: "urn:cairn:dev::proj::random:index:Pet::pet",
        type: "random:index:Pet",
        newOutputs: { name: "fluffy-cat", password: { [SIG]: "secret", value: SECRET } },
        diff: [],
      },
    ],
  };
}
