// Consecutive kills on one journal, in process: the real engine with a FakeProvider writes to a real
// FileBackend through a journal writer that stops writing after a chosen entry (what a killed
// process leaves: a prefix of its entries, a lease nobody releases, no commit). Run 1 is killed
// with an operation begun, run 2 (which reports it) is killed at every possible entry, and run 3
// must load the state, report what is pending, converge and lose no resource of the fake cloud.
// Seqs are unique across the runs, also through a wrapper that hides the writer's lastSeq; a
// journal written by an older Cairn that numbered every run from 1 loads too.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EngineEvent } from "@cairn/protocol";
import { FileBackend } from "@cairn/backend-file";
import { runDeployment, type DeploymentResult } from "@cairn/engine";
import { CustomResource, type Input } from "@cairn/sdk";
import { runProgram } from "@cairn/sdk/runtime";
import { encodeJournalEntry, plaintextCrypter, replay, type JournalEntry, type JournalWriter, type Snapshot, type StackRef } from "@cairn/state";
import { FakeCloud, FakeProvider } from "@cairn/testing";

class Res extends CustomResource {
  constructor(name: string, args: { size?: Input<number>; ref?: Input<string> }) {
    super("fake:index:Res", name, { ...args, arn: undefined });
  }
}

const ref: StackRef = { project: "proj", stack: "dev" };
type Program = () => unknown;
/** a, b (depends on a), c. */
const v1: Program = () => {
  const a = new Res("a", { size: 1 });
  new Res("b", { ref: (a as unknown as { arn: Input<string> }).arn });
  new Res("c", { size: 1 });
};
/** a updated, c deleted, d created. */
const v2: Program = () => {
  const a = new Res("a", { size: 2 });
  new Res("b", { ref: (a as unknown as { arn: Input<string> }).arn });
  new Res("d", { size: 1 });
};

/**
 * How runs number their entries: after the writer's lastSeq; from 1 through a wrapper that hides
 * it (the file writer then shifts them); or from 1, appended as an older Cairn did.
 */
type Seqs = "continue" | "hidden" | "legacy";

/** Where a run stops writing: after the entry this predicate first accepts, or after `entries`. */
type StopAt = ((e: JournalEntry) => boolean) | { entries: number };

interface RunOutcome {
  /** Undefined when the run was killed. */
  result?: DeploymentResult;
  events: EngineEvent[];
  base: Snapshot;
  written: JournalEntry[];
}

class World {
  readonly cloud = new FakeCloud();
  readonly provider = new FakeProvider({ cloud: this.cloud });
  private runs = 0;
  private time = Date.parse("2026-01-01T00:00:00.000Z");
  constructor(readonly backend: FileBackend, private readonly seqs: Seqs, readonly journalPath: string) {}

  /** One `up`: lease (taking over a killed run's), load, journal, deploy, and commit unless killed. */
  async up(program: Program, stop?: StopAt): Promise<RunOutcome> {
    const pid = 1000 + ++this.runs;
    const lease = await this.backend.acquireLease({ ref, operation: "update", holder: { pid, host: "here", user: "t" }, ttlMs: 600_000, isProcessAlive: (p) => p === pid });
    const loaded = await this.backend.loadState(ref, plaintextCrypter);
    const base = replay(loaded.snapshot, loaded.journal);
    const journal = await this.backend.openJournal(ref, lease, plaintextCrypter);
    const written: JournalEntry[] = [];
    let killed!: () => void;
    const killedAt = new Promise<void>((res) => (killed = res));
    let stopped = false;
    const seqs = this.seqs;
    const path = this.journalPath;
    const writer: JournalWriter = {
      get lastSeq() {
        return seqs === "continue" ? journal.lastSeq : undefined;
      },
      append: async (entries) => {
        if (stopped) return new Promise<void>(() => undefined); // A killed process writes nothing more.
        if (seqs === "legacy") await fs.appendFile(path, entries.map((e) => `${encodeJournalEntry(e, plaintextCrypter)}\n`).join(""));
        else await journal.append(entries);
        written.push(...entries);
        const last = entries[entries.length - 1]!;
        if (stop !== undefined && (typeof stop === "function" ? stop(last) : written.length >= stop.entries)) {
          stopped = true;
          killed();
          return new Promise<void>(() => undefined);
        }
      },
    };
    const events: EngineEvent[] = [];
    const deployment = runDeployment({
      kind: "update", dryRun: false, project: ref.project, stack: ref.stack, base,
      program: async (monitor, signal) => void (await runProgram(monitor, program, { signal })),
      providers: async () => this.provider,
      journal: writer,
      events: { emit: (e) => void events.push(e) },
      clock: () => this.time++,
      parallel: 1,
      config: {}, configSecretKeys: [], cairnVersion: "0.1.0",
    });
    const result = await Promise.race([deployment, killedAt.then(() => undefined)]);
    if (result === undefined) {
      await new Promise((r) => setTimeout(r, 5)); // Provider calls already in flight land, as they would in the cloud.
      return { events, base, written };
    }
    await this.backend.commitSnapshot(ref, lease, result.snapshot, plaintextCrypter);
    await lease.release();
    return { result, events, base, written };
  }

  async state(): Promise<Snapshot> {
    const loaded = await this.backend.loadState(ref, plaintextCrypter);
    return replay(loaded.snapshot, loaded.journal);
  }
}

const isBegin = (op: string) => (e: JournalEntry) => e.kind === "begin" && e.op === op;
const named = (name: string) => (urn: string | undefined) => urn?.endsWith(`::${name}`) ?? false;

/** The state knows every resource of the fake cloud, or names its create as pending; none is made up. */
function expectNothingLost(state: Snapshot, cloud: FakeCloud, where: string): void {
  const ids = new Set(state.resources.filter((r) => r.type === "fake:index:Res" && r.id !== undefined).map((r) => r.id));
  const pendingCreates = new Set(state.pendingOperations.filter((o) => o.kind === "creating").map((o) => o.resource.urn));
  const untracked = [...cloud.resources.values()].filter((r) => !ids.has(r.id) && !pendingCreates.has(r.urn)).map((r) => `${r.urn} (${r.id})`);
  expect(untracked, `${where}: cloud resources the state lost`).toEqual([]);
  const stale = [...ids].filter((id) => cloud.get(id!) === undefined);
  expect(stale, `${where}: state resources gone from the cloud`).toEqual([]);
  const unexplained = state.pendingOperations.filter((o) => !(o.kind === "creating" && o.resource.id === undefined));
  expect(unexplained.map((o) => `${o.kind} ${o.resource.urn}`), `${where}: unresolved pending operations`).toEqual([]);
}

describe("consecutive kills on one journal", () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(join(tmpdir(), "cairn-kills-"));
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  async function world(s: Scenario): Promise<World> {
    const dir = await fs.mkdtemp(join(root, "w-"));
    const backend = new FileBackend({ root: dir, host: "here", ...(s.compactRatio !== undefined ? { compactRatio: s.compactRatio } : {}) });
    await backend.createStack(ref);
    return new World(backend, s.seqs ?? "continue", join(dir, "stacks", ref.project, ref.stack, "journal.jsonl"));
  }

  /** The seqs of the journal's complete lines, in file order. */
  async function journalSeqs(w: World): Promise<number[]> {
    const text = await fs.readFile(w.journalPath, "utf8").catch(() => "");
    return text.slice(0, text.lastIndexOf("\n") + 1).split("\n").filter((l) => l !== "").map((l) => (JSON.parse(l) as JournalEntry).seq);
  }

  interface Scenario {
    name: string;
    /** Successful runs before the first kill. */
    setup: Program[];
    compactRatio?: number;
    program: Program;
    /** Where run 1 stops. */
    first: StopAt;
    seqs?: Seqs;
  }

  const scenarios: Scenario[] = [
    { name: "a create with no ID, on a new stack", setup: [], program: v1, first: (e) => isBegin("create")(e) && named("b")(e.kind === "begin" ? e.planned?.urn : undefined) },
    { name: "a create with no ID, journal kept from an earlier run", setup: [v1, v1], compactRatio: 1000, program: v2, first: (e) => isBegin("create")(e) && named("d")(e.kind === "begin" ? e.planned?.urn : undefined) },
    { name: "a create with no ID, journal kept, lastSeq hidden by a wrapper", setup: [v1, v1], compactRatio: 1000, program: v2, seqs: "hidden", first: (e) => isBegin("create")(e) && named("d")(e.kind === "begin" ? e.planned?.urn : undefined) },
    { name: "a create with no ID, journal kept, every run numbered from 1 by an older Cairn", setup: [v1, v1], compactRatio: 1000, program: v2, seqs: "legacy", first: (e) => isBegin("create")(e) && named("d")(e.kind === "begin" ? e.planned?.urn : undefined) },
    { name: "a delete, journal kept", setup: [v1, v1], compactRatio: 1000, program: v2, first: isBegin("delete") },
    { name: "an update, journal kept", setup: [v1, v1], compactRatio: 1000, program: v2, first: isBegin("update") },
    { name: "an update, after a compaction", setup: [v1], program: v2, first: isBegin("update") },
  ];

  for (const s of scenarios) {
    it(`run 1 killed with ${s.name}, run 2 killed at every entry: run 3 loads, reports, converges, loses nothing`, async () => {
      for (let n = 1; ; n++) {
        const w = await world(s);
        for (const p of s.setup) expect((await w.up(p)).result?.result).toBe("succeeded");
        const run1 = await w.up(s.program, s.first);
        expect(run1.result, "run 1 is killed").toBeUndefined();
        const pending1 = (await w.state()).pendingOperations;
        expect(pending1.length, "run 1 leaves an operation pending").toBeGreaterThan(0);

        const run2 = await w.up(s.program, { entries: n });
        const where = `${s.name}, run 2 killed after ${n} entries`;
        for (const op of pending1) expect(run2.events.some((e) => e.code === "pending-operation" && e.urn === op.resource.urn), `${where}: run 2 reports ${op.resource.urn}`).toBe(true);

        if (s.seqs !== "legacy") {
          const seqs = await journalSeqs(w);
          expect(seqs, `${where}: seqs strictly increase across runs`).toEqual([...seqs].sort((x, y) => x - y));
          expect(new Set(seqs).size, `${where}: no seq repeats`).toBe(seqs.length);
        }
        const before = await w.state(); // Loads: checkpoint + the journal of two killed runs.
        const run3 = await w.up(s.program);
        expect(run3.result?.result, where).toBe("succeeded");
        for (const op of before.pendingOperations) {
          expect(run3.events.some((e) => e.code === "pending-operation" && e.urn === op.resource.urn), `${where}: run 3 reports ${op.kind} ${op.resource.urn}`).toBe(true);
        }
        const after = await w.state();
        expect(after.resources.filter((r) => r.type === "fake:index:Res" && !r.delete).map((r) => r.urn.split("::").pop()).sort(), where)
          .toEqual(s.program === v1 ? ["a", "b", "c"] : ["a", "b", "d"]);
        expectNothingLost(after, w.cloud, where);
        if (run2.result !== undefined) break; // n went past run 2's last entry: it finished.
      }
    });
  }
});
