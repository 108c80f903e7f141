// The journal's line format: one entry per line, secrets sealed, torn last lines dropped with a
// warning, other bad lines reported with their line numbers.
import { CairnError, ErrorCodes, SIG } from "@cairn/protocol";
import { describe, expect, it } from "vitest";
import { res } from "./__fixtures__/resources.js";
import type { JournalEntry } from "./journal.js";
import { decodeJournal, encodeJournalEntry } from "./journal-codec.js";
import { PassphraseSecretsManager, TEST_SCRYPT } from "./passphrase-secrets-manager.js";

const m = PassphraseSecretsManager.create({ passphrase: "p", kdf: TEST_SCRYPT });
const entries: JournalEntry[] = [
  { kind: "begin", seq: 1, op: "create", planned: res("a", { inputs: { pw: { [SIG]: "secret", value: "pw-hunter2" } } }) },
  { kind: "end", seq: 2, begin: 1, ok: true, state: res("a", { id: "1", outputs: { x: [{ [SIG]: "secret", value: "pw-hunter3" }] } }) },
  { kind: "end", seq: 3, begin: 9, ok: false, error: "boom", partial: res("b", { id: "2" }) },
  { kind: "write", seq: 4, old: { urn: res("a").urn, delete: true }, state: null },
  { kind: "clear-pending", seq: 5, urns: [res("c").urn] },
];
const text = entries.map((e) => encodeJournalEntry(e, m) + "\n").join("");

function errorOf(f: () => unknown): CairnError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CairnError);
    return e as CairnError;
  }
  throw new Error("expected an error");
}

describe("journal codec", () => {
  it("writes one line per entry with secrets sealed, and reads them back", () => {
    for (const e of entries) expect(encodeJournalEntry(e, m)).not.toContain("\n");
    expect(text).not.toMatch(/hunter/);
    expect(decodeJournal(text, m)).toEqual({ entries, warnings: [] });
  });

  it("writes only the resource an entry is about", () => {
    const big = Array.from({ length: 200 }, (_, i) => res(`r${i}`));
    const line = encodeJournalEntry({ kind: "write", seq: 1, old: { urn: big[7]!.urn }, state: { ...big[7]!, protect: true } }, m);
    for (const r of big) if (r !== big[7]) expect(line).not.toContain(`${r.urn}"`);
    expect(line.length).toBeLessThan(500);
  });

  it("drops a torn last line (no newline, not JSON) with a warning naming the source", () => {
    const torn = text + encodeJournalEntry({ kind: "clear-pending", seq: 6, urns: [] }, m).slice(0, 15);
    const out = decodeJournal(torn, m, { source: "/s/journal.jsonl" });
    expect(out.entries).toEqual(entries);
    expect(out.warnings).toEqual(["/s/journal.jsonl: dropped an incomplete last line (line 6), left by an interrupted write"]);
  });

  it("keeps a complete last line that lacks only its newline", () => {
    expect(decodeJournal(text.slice(0, -1), m).entries).toEqual(entries);
  });

  it("reports any other bad line with the source and line number", () => {
    const lines = text.split("\n");
    lines[2] = "{not json";
    const e = errorOf(() => decodeJournal(lines.join("\n"), m, { source: "/s/journal.jsonl" }));
    expect(e.code).toBe(ErrorCodes.StateCorrupt);
    expect(e.message).toContain("/s/journal.jsonl is corrupt");
    expect(e.message).toContain("line 3 is not valid JSON");
    // A bad last line that did end with a newline was fully written: corruption, not a torn write.
    expect(errorOf(() => decodeJournal(text + "{oops\n", m)).message).toContain("line 6 is not valid JSON");
  });

  it("reports entries of the wrong shape, all at once", () => {
    const bad = ['{"kind":"begin","seq":1,"op":"explode"}', '{"kind":"end","seq":"x","begin":1,"ok":false}', '{"kind":"nope","seq":3}', "[]"].join("\n") + "\n";
    const e = errorOf(() => decodeJournal(bad, m, { source: "j" }));
    expect(e.message).toContain('line 1: "op" must be one of');
    expect(e.message).toContain('line 2: "seq" must be an integer');
    expect(e.message).toContain('line 2: "error" must be a string');
    expect(e.message).toContain('line 3: unknown kind "nope"');
    expect(e.message).toContain("line 4 must be a JSON object");
  });

  it("rejects lines from a newer journal format", () => {
    const e = errorOf(() => decodeJournal('{"v":3,"kind":"clear-pending","seq":1,"urns":[]}\n', m, { source: "j" }));
    expect(e.code).toBe(ErrorCodes.StateVersion);
    expect(e.message).toContain("newer Cairn");
  });

  it("reads an empty journal and skips blank lines", () => {
    expect(decodeJournal("", m)).toEqual({ entries: [], warnings: [] });
    expect(decodeJournal("\n" + text + "\n", m).entries).toEqual(entries);
  });
});
