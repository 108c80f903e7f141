// Journal format 2: states written as deltas from an earlier state of the same URN read back
// exactly, with secrets sealed, are far smaller for a replacement, and need the same checkpoint.
import { CairnError, ErrorCodes, SIG } from "@cairn/protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { res } from "./__fixtures__/resources.js";
import type { JournalEntry } from "./journal.js";
import { decodeJournal, encodeJournalEntry, JournalEncoder } from "./journal-codec.js";
import { PassphraseSecretsManager, TEST_SCRYPT } from "./passphrase-secrets-manager.js";
import type { ResourceState } from "./snapshot.js";

const m = PassphraseSecretsManager.create({ passphrase: "p", kdf: TEST_SCRYPT });
const secret = (value: string) => ({ [SIG]: "secret", value });

function big(name: string, gen: string, extra: Partial<ResourceState> = {}): ResourceState {
  const outputs = { hex: `${name}-${gen}-hex`, token: secret(`pw-${name}-${gen}`), keepers: { gen }, list: Array.from({ length: 8 }, (_, i) => `${name}-${i}`) };
  return res(name, { inputs: { keepers: { gen }, size: 8 }, outputs, id: `${name}-${gen}`, ...extra });
}

/** What the engine journals for replacing `r` (create the new copy, mark the old one, delete it). */
function replacement(r: ResourceState, seq: number): JournalEntry[] {
  const planned = { ...r, inputs: { ...r.inputs, keepers: { gen: "2" } }, modified: "later" };
  const done = big(r.urn.split("::").pop()!, "2", { modified: "later" });
  return [
    { kind: "begin", seq, op: "create", planned },
    { kind: "write", seq: seq + 1, old: { urn: r.urn }, state: { ...r, delete: true } },
    { kind: "end", seq: seq + 2, begin: seq, ok: true, state: done },
    { kind: "begin", seq: seq + 3, op: "delete", old: { urn: r.urn, delete: true } },
    { kind: "end", seq: seq + 4, begin: seq + 3, ok: true },
  ];
}

const lines = (enc: JournalEncoder, entries: JournalEntry[]) => entries.map((e) => enc.encode(e, m) + "\n").join("");

describe("journal deltas", () => {
  const base = ["a", "b", "c"].map((n) => big(n, "1"));
  const entries = base.flatMap((r, i) => replacement(r, i * 5 + 1));

  it("reads back exactly what was journalled, secrets sealed, in a fraction of the bytes", () => {
    const text = lines(new JournalEncoder({ resources: base, journal: [] }), entries);
    const whole = entries.map((e) => encodeJournalEntry(e, m) + "\n").join("");
    expect(text).not.toMatch(/pw-/);
    expect(text).toContain('"v":2');
    expect(decodeJournal(text, m, { base })).toEqual({ entries, warnings: [] });
    expect(text.length).toBeLessThan(whole.length * 0.6);
  });

  it("continues a journal that already has lines, and writes whole entries once told the checkpoint changed", () => {
    const first = entries.slice(0, 5);
    const firstText = lines(new JournalEncoder({ resources: base, journal: [] }), first);
    const enc = new JournalEncoder({ resources: base, journal: first });
    const text = firstText + lines(enc, entries.slice(5));
    expect(decodeJournal(text, m, { base }).entries).toEqual(entries);
    enc.forget();
    const after = lines(enc, replacement(big("d", "1"), 40));
    expect(after).not.toContain("$delta");
  });

  it("a delta with no earlier state to start from is corruption naming the line and the URN", () => {
    const text = lines(new JournalEncoder({ resources: base, journal: [] }), entries);
    const err = (() => {
      try {
        decodeJournal(text, m, { source: "/s/journal.jsonl" });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(CairnError);
    expect((err as CairnError).code).toBe(ErrorCodes.StateCorrupt);
    expect((err as CairnError).message).toMatch(/\/s\/journal\.jsonl.*line 1: "planned" is recorded as a change to urn:.*::a/s);
  });

  it("round-trips any sequence of writes over any base", () => {
    const names = ["a", "b", "c"];
    const state = fc.record({ name: fc.constantFrom(...names), gen: fc.constantFrom("1", "2", "3"), protect: fc.boolean(), del: fc.boolean() });
    fc.assert(
      fc.property(fc.array(state, { maxLength: 4 }), fc.array(state, { maxLength: 12 }), (baseSpec, writes) => {
        const baseStates = baseSpec.map((s) => big(s.name, s.gen, { protect: s.protect }));
        const journal: JournalEntry[] = writes.map((s, i) => ({ kind: "write", seq: i + 1, state: big(s.name, s.gen, s.del ? { delete: true, protect: s.protect } : { protect: s.protect }) }));
        const text = lines(new JournalEncoder({ resources: baseStates, journal: [] }), journal);
        expect(decodeJournal(text, m, { base: baseStates }).entries).toEqual(journal);
      }),
      { numRuns: 60 },
    );
  });
});
