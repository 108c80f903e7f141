// Property tests: a model executor journals random sequences of resource operations the way a
// correct engine would (creates, updates, replaces both ways, deletes, writes, imports, reads,
// failures with partial state, crashes between begin and end), and replay must agree with it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commandArb, runModel, type ModelRun } from "./__fixtures__/journal-model.js";
import { decodeCheckpoint, encodeCheckpoint } from "./checkpoint-codec.js";
import { integrityProblems } from "./integrity.js";
import { decodeJournal, encodeJournalEntry } from "./journal-codec.js";
import { PassphraseSecretsManager, TEST_SCRYPT } from "./passphrase-secrets-manager.js";
import { replay } from "./replay.js";
import type { PendingOperation, ResourceState, Snapshot } from "./snapshot.js";

const commands = fc.array(commandArb, { minLength: 5, maxLength: 80, size: "max" });
const RUNS = { numRuns: 300 };

/** JSON with sorted keys, so equal values compare equal whatever their key order. */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}
const asSet = (xs: Array<ResourceState | PendingOperation>): string[] => xs.map(stable).sort();

function pendingUrns(s: Snapshot): Set<string> {
  return new Set(s.pendingOperations.map((op) => op.resource.urn));
}

describe("replay against the model executor", () => {
  it("replaying the whole journal gives the model's expected state", () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        const run = runModel(cmds);
        const snap = replay(run.base, run.entries);
        expect(asSet(snap.resources)).toEqual(asSet(run.expected.resources));
        expect(asSet(snap.pendingOperations)).toEqual(asSet(run.expected.pendingOperations));
        expect(integrityProblems(snap)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("after a crash anywhere, the state is sound and holds every resource the cloud holds", () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        const run = runModel(cmds);
        for (let k = 0; k <= run.entries.length; k++) {
          const snap = replay(run.base, run.entries.slice(0, k));
          expect(integrityProblems(snap), `prefix ${k}`).toEqual([]);
          const pending = pendingUrns(snap);
          for (const obj of run.cloudAt[k]!) {
            const recorded = snap.resources.some((r) => r.urn === obj.urn && r.id === obj.id) || pending.has(obj.urn);
            expect(recorded, `prefix ${k}: cloud object ${obj.id} of ${obj.urn} is lost`).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("replaying in two parts equals replaying at once when the first part leaves nothing pending", () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        const run = runModel(cmds);
        const whole = replay(run.base, run.entries);
        for (const q of run.quiescent) {
          const first = replay(run.base, run.entries.slice(0, q));
          expect(first.pendingOperations).toEqual([]);
          expect(replay(first, run.entries.slice(q))).toEqual(whole);
        }
      }),
      RUNS,
    );
  });

  it("a checkpoint taken right after a crash, replayed with the recovery entries, equals replaying at once", () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        const run = runModel(cmds);
        const whole = replay(run.base, run.entries);
        for (const c of run.crashes) {
          const atCrash = replay(run.base, run.entries.slice(0, c));
          expect(atCrash.pendingOperations.length).toBeGreaterThan(0);
          expect(replay(atCrash, run.entries.slice(c))).toEqual(whole);
        }
      }),
      RUNS,
    );
  });

  it("generates runs that exercise every kind of entry and crash", () => {
    // Guards the generator: the properties above mean little if these never happen.
    const seen = new Set<string>();
    fc.assert(
      fc.property(commands, (cmds) => {
        const run: ModelRun = runModel(cmds);
        for (const e of run.entries) seen.add(e.kind === "begin" ? `begin:${e.op}` : e.kind === "end" ? `end:${e.ok}:${"partial" in e && e.partial !== undefined}` : e.kind);
        if (run.expected.resources.some((r) => r.delete)) seen.add("replaced-copy");
        if (run.expected.resources.some((r) => r.pendingReplacement)) seen.add("pending-replacement");
        if (run.expected.pendingOperations.length > 0) seen.add("pending");
        if (run.crashes.length > 0) seen.add("crash");
      }),
      RUNS,
    );
    expect([...seen].sort()).toEqual(
      ["begin:create", "begin:delete", "begin:import", "begin:read", "begin:update", "clear-pending", "crash", "end:false:false", "end:false:true", "end:true:false", "pending", "pending-replacement", "replaced-copy", "write"].sort(),
    );
  });
});

describe("codec round trips (property)", () => {
  const manager = PassphraseSecretsManager.create({ passphrase: "correct horse", kdf: TEST_SCRYPT });

  it("reads a journal cut off anywhere as its complete lines, warning only about a torn one", () => {
    fc.assert(
      fc.property(commands, fc.nat(), (cmds, cutAt) => {
        const run = runModel(cmds);
        const lines = run.entries.map((e) => encodeJournalEntry(e, manager) + "\n");
        const text = lines.join("");
        const cut = cutAt % (text.length + 1);
        const decoded = decodeJournal(text.slice(0, cut), manager);
        let complete = 0;
        let offset = 0;
        // A line is kept when all of its JSON made it to disk (its newline may not have).
        while (complete < lines.length && offset + lines[complete]!.length - 1 <= cut) offset += lines[complete++]!.length;
        expect(decoded.entries).toEqual(run.entries.slice(0, complete));
        expect(decoded.warnings.length).toBe(cut > offset ? 1 : 0);
      }),
      { numRuns: 200 },
    );
  });

  it("journal lines and checkpoints decode to what was encoded, with no secret in the text", () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        const run = runModel(cmds);
        const text = run.entries.map((e) => encodeJournalEntry(e, manager) + "\n").join("");
        expect(text).not.toContain("sekrit");
        const decoded = decodeJournal(text, manager, { source: "journal.jsonl" });
        expect(decoded.warnings).toEqual([]);
        expect(decoded.entries).toEqual(run.entries);

        const snap = replay(run.base, run.entries);
        const checkpoint = encodeCheckpoint(snap, manager);
        expect(checkpoint).not.toContain("sekrit");
        expect(decodeCheckpoint(checkpoint, manager, { source: "stack.json" })).toEqual(snap);
      }),
      { numRuns: 150 },
    );
  });
});
