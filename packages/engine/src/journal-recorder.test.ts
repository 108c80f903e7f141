// The recorder's numbering: a deployment's seqs continue after the writer's lastSeq (the journal it
// shares with earlier runs, killed ones included) and start at 1 without one.
import type { JournalEntry, JournalWriter } from "@cairn/state";
import { describe, expect, it } from "vitest";
import { JournalRecorder } from "./journal-recorder.js";

const planned = { urn: "urn:cairn:dev::p::t:index:R::a", type: "t:index:R", custom: true, inputs: {}, outputs: {}, dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false };

function writer(lastSeq?: number): JournalWriter & { lines: JournalEntry[] } {
  const lines: JournalEntry[] = [];
  return { lines, ...(lastSeq !== undefined ? { lastSeq } : {}), append: async (entries) => void lines.push(...entries) };
}

describe("JournalRecorder", () => {
  it("numbers entries after the writer's lastSeq, and an end refers to its begin's number", async () => {
    const w = writer(41);
    const rec = new JournalRecorder(w);
    const begin = await rec.begin({ op: "create", planned });
    await rec.endOk(begin, { ...planned, id: "x" });
    await rec.clearPending([planned.urn]);
    expect(w.lines.map((e) => e.seq)).toEqual([42, 43, 44]);
    expect(w.lines[1]).toMatchObject({ kind: "end", begin: 42 });
    expect(rec.entries).toEqual(w.lines);
  });

  it("starts at 1 without a lastSeq (a new journal, or a preview with no writer)", async () => {
    const w = writer();
    await new JournalRecorder(w).write(undefined, planned);
    expect(w.lines.map((e) => e.seq)).toEqual([1]);
    const preview = new JournalRecorder(undefined);
    expect(await preview.begin({ op: "create", planned })).toBe(1);
  });
});
