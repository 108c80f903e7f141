// The journal's text form: one JSON object per line, secrets sealed. A final line cut short by a
// crash (no trailing newline, not valid JSON) is a torn write: dropped with a warning. Any other
// bad line is corruption naming the source and line number.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { JournalEntry } from "./journal.js";
import { openSecrets, sealSecrets } from "./secret-sealing.js";
import type { Decrypter, Encrypter } from "./secrets.js";
import type { ResourceState } from "./snapshot.js";
import { DELTA_JOURNAL_VERSION, deltaEntry, expandDeltas, StateMemory } from "./journal-delta.js";
import { journalEntryShapeProblems } from "./state-shape.js";
import { describeSource, stateCorrupt } from "./state-errors.js";

/** The journal line format this Cairn writes. Lines carry no version field while it is 1. */
export const JOURNAL_VERSION = 1;

/** One entry as a single line of JSON (no newline), secrets sealed. */
export function encodeJournalEntry(entry: JournalEntry, enc: Encrypter): string {
  return JSON.stringify(sealSecrets(entry, enc));
}

/** What a journal continues from: the checkpoint's resources and the entries already in it. */
export interface JournalBase {
  resources: readonly ResourceState[];
  journal: readonly JournalEntry[];
}

/**
 * Encodes a journal's lines in order, storing a state as a delta from an earlier one where that
 * is smaller (journal-delta.ts). Without a base it writes whole entries. Readers must decode the
 * journal with the same checkpoint (`decodeJournal`'s `base`).
 */
export class JournalEncoder {
  #memory: StateMemory | undefined;

  constructor(base?: JournalBase) {
    if (base === undefined) return;
    this.#memory = new StateMemory(base.resources);
    for (const e of base.journal) this.#memory.recordEntry(e as unknown as Record<string, unknown>);
  }

  encode(entry: JournalEntry, enc: Encrypter): string {
    if (this.#memory === undefined) return encodeJournalEntry(entry, enc);
    return JSON.stringify(sealSecrets(deltaEntry(entry, this.#memory) ?? entry, enc));
  }

  /** Writes whole entries from now on: the journal was compacted into a new checkpoint. */
  forget(): void {
    this.#memory = undefined;
  }
}

export interface DecodedJournal {
  entries: JournalEntry[];
  warnings: string[];
}

/**
 * Decodes journal lines. `base` is the checkpoint's resources (opened with `dec`, or sealed when
 * `dec` carries sealed values through); lines that store a state as a delta need it.
 */
export function decodeJournal(text: string, dec: Decrypter, opts: { source?: string; base?: readonly ResourceState[] } = {}): DecodedJournal {
  const { source } = opts;
  const memory = new StateMemory(opts.base ?? []);
  const where = describeSource(source, "the journal");
  const lines = text.split("\n");
  const endsWithNewline = text.endsWith("\n");
  if (endsWithNewline) lines.pop();
  const entries: JournalEntry[] = [];
  const warnings: string[] = [];
  const problems: string[] = [];
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch (e) {
      if (i === lines.length - 1 && !endsWithNewline) {
        warnings.push(`${where}: dropped an incomplete last line (line ${lineNo}), left by an interrupted write`);
        return;
      }
      problems.push(`line ${lineNo} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      return;
    }
    checkVersion(value, lineNo, source);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const expanded = expandDeltas(value as Record<string, unknown>, memory);
      if (expanded.problems.length > 0) return void problems.push(...expanded.problems.map((p) => `line ${lineNo}: ${p}`));
      value = expanded.line;
    }
    const lineProblems = journalEntryShapeProblems(value, `line ${lineNo}`);
    if (lineProblems.length > 0) problems.push(...lineProblems);
    else {
      memory.recordEntry(value as Record<string, unknown>);
      entries.push(value as JournalEntry);
    }
  });
  if (problems.length > 0) throw stateCorrupt({ source: where, detail: problems.join("; ") });
  return { entries: entries.map((e) => openSecrets(e, dec)), warnings };
}

function checkVersion(value: unknown, lineNo: number, source: string | undefined): void {
  const v = (value as Record<string, unknown> | null)?.["v"];
  if (v === undefined || v === JOURNAL_VERSION || v === DELTA_JOURNAL_VERSION) return;
  throw new CairnError({
    code: ErrorCodes.StateVersion,
    source: "user",
    message: `${describeSource(source, "the journal")} line ${lineNo} was written by a newer Cairn (journal format ${JSON.stringify(v)}; this Cairn reads ${JOURNAL_VERSION}). Upgrade Cairn to use this stack.`,
  });
}

/**
 * The highest `seq` among the journal's complete lines (0 when there is none), where a writer that
 * appends to it continues. Only the top-level `seq` of each line is read: no secret is opened and
 * no delta expanded. A line that does not parse is skipped (loading reports it).
 */
export function highestJournalSeq(text: string): number {
  let highest = 0;
  const complete = text.slice(0, text.lastIndexOf("\n") + 1);
  for (const line of complete.split("\n")) {
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch {
      continue;
    }
    const seq = (value as Record<string, unknown> | null)?.["seq"];
    if (typeof seq === "number" && Number.isSafeInteger(seq) && seq > highest) highest = seq;
  }
  return highest;
}
