// Journal lines that store a resource state as the difference from a state recorded just before
// it (journal format 2). The writer and every reader keep the same memory: for each URN, the most
// recent states recorded in the checkpoint and then in the journal, line by line. A line's
// `{"$delta": {urn, from, set, unset}}` means "state `from` (0 = newest, the default) of `urn`,
// with the top-level fields in `set` replaced and those in `unset` removed". `urn` is left out when
// the line implies it: the URN of its `old`, or for an `end` the URN its `begin` acted on. A replacement's intent, the
// old copy marked for deletion and the result then cost a few fields each instead of a whole state.
import type { JournalEntry } from "./journal.js";
import type { ResourceState } from "./snapshot.js";

/** The journal line format that may carry deltas. */
export const DELTA_JOURNAL_VERSION = 2;

/** How many recent states per URN a delta may start from. */
const DEPTH = 2;

/** The fields of a journal entry that carry a whole resource state. */
const STATE_FIELDS = ["planned", "state", "partial"] as const;

export interface StateDelta {
  urn?: string;
  from?: number;
  set: Record<string, unknown>;
  unset?: string[];
}

/** The recent states recorded per URN; kept identically by the writer and by readers. */
export class StateMemory {
  readonly #byUrn = new Map<string, ResourceState[]>();
  /** The URN each begin (by seq, the latest one) acted on. */
  readonly #begun = new Map<number, string>();

  constructor(base: readonly ResourceState[] = []) {
    for (const r of base) this.record(r);
  }

  record(state: ResourceState): void {
    const list = this.#byUrn.get(state.urn);
    if (list === undefined) return void this.#byUrn.set(state.urn, [state]);
    list.unshift(state); // Even the same object again: readers see two copies, the memories must agree.
    if (list.length > DEPTH) list.length = DEPTH;
  }

  /** Records every state an entry carries, in field order. */
  recordEntry(entry: Record<string, unknown>): void {
    if (entry["kind"] === "begin" && typeof entry["seq"] === "number") {
      const urn = urnOf(entry["planned"]) ?? urnOf(entry["old"]);
      if (urn !== undefined) this.#begun.set(entry["seq"], urn);
    }
    for (const f of STATE_FIELDS) {
      const s = entry[f];
      if (isObject(s) && typeof s["urn"] === "string") this.record(s as unknown as ResourceState);
    }
  }

  candidates(urn: string): readonly ResourceState[] {
    return this.#byUrn.get(urn) ?? [];
  }

  /** The URN a line names without a state: its `old`'s, or for an `end` its begin's. */
  impliedUrn(entry: Record<string, unknown>): string | undefined {
    const old = urnOf(entry["old"]);
    if (old !== undefined) return old;
    return entry["kind"] === "end" && typeof entry["begin"] === "number" ? this.#begun.get(entry["begin"]) : undefined;
  }
}

/**
 * The entry with each state replaced by a delta where one is smaller, or undefined when none is
 * (the entry is then written whole, in format 1). Records the entry's states in `memory`.
 */
export function deltaEntry(entry: JournalEntry, memory: StateMemory): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  const fields = entry as unknown as Record<string, unknown>;
  for (const f of STATE_FIELDS) {
    const s = fields[f];
    if (!isObject(s) || typeof s["urn"] !== "string") continue;
    const delta = bestDelta(s as unknown as ResourceState, memory.candidates(s["urn"]));
    if (delta === undefined) continue;
    if (memory.impliedUrn(fields) === delta.urn) delete delta.urn;
    out ??= { ...fields, v: DELTA_JOURNAL_VERSION };
    out[f] = { $delta: delta };
  }
  memory.recordEntry(fields);
  return out;
}

/** Replaces each `$delta` field of a parsed line with the state it stands for (and drops `v`). */
export function expandDeltas(line: Record<string, unknown>, memory: StateMemory): { line: Record<string, unknown>; problems: string[] } {
  let out = line;
  const problems: string[] = [];
  if (line["v"] !== undefined) {
    out = { ...line };
    delete out["v"];
  }
  for (const f of STATE_FIELDS) {
    const v = line[f];
    if (!isObject(v) || !("$delta" in v)) continue;
    const d = v["$delta"];
    if (!isDelta(d)) {
      problems.push(`"${f}" has a malformed "$delta"`);
      continue;
    }
    const urn = d.urn ?? memory.impliedUrn(line);
    const base = urn === undefined ? undefined : memory.candidates(urn)[d.from ?? 0];
    if (base === undefined) {
      problems.push(`"${f}" is recorded as a change to ${urn ?? "a resource it does not name"}, but the checkpoint and the lines before it hold no such earlier state`);
      continue;
    }
    const state: Record<string, unknown> = { ...base, ...d.set };
    for (const k of d.unset ?? []) delete state[k];
    if (out === line) out = { ...line };
    out[f] = state;
  }
  return { line: out, problems };
}

function bestDelta(state: ResourceState, candidates: readonly ResourceState[]): StateDelta | undefined {
  let best: StateDelta | undefined;
  let bestCount = Math.floor(Object.keys(state).length / 2); // Only a delta of under half the fields pays.
  candidates.forEach((base, from) => {
    const set: Record<string, unknown> = {};
    const unset: string[] = [];
    const s = state as unknown as Record<string, unknown>;
    const b = base as unknown as Record<string, unknown>;
    for (const k of Object.keys(s)) if (s[k] !== undefined && !sameJson(s[k], b[k])) set[k] = s[k];
    for (const k of Object.keys(b)) if (b[k] !== undefined && s[k] === undefined) unset.push(k);
    const count = Object.keys(set).length + unset.length;
    if (count >= bestCount) return;
    bestCount = count;
    best = { urn: state.urn, set };
    if (from > 0) best.from = from;
    if (unset.length > 0) best.unset = unset;
  });
  return best;
}

/** Equality of two JSON-like values as JSON would store them (key order and undefined fields aside). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isObject(a) || !isObject(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown as unknown[];
    if (a.length !== bs.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], bs[i])) return false;
    return true;
  }
  const xs = Object.keys(a).filter((k) => a[k] !== undefined);
  const ys = Object.keys(b).filter((k) => b[k] !== undefined);
  if (xs.length !== ys.length) return false;
  for (const k of xs) if (!Object.prototype.hasOwnProperty.call(b, k) || !sameJson(a[k], b[k])) return false;
  return true;
}

function urnOf(v: unknown): string | undefined {
  return isObject(v) && typeof v["urn"] === "string" ? v["urn"] : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function isDelta(d: unknown): d is StateDelta {
  if (!isObject(d)) return false;
  const unsetOk = d["unset"] === undefined || (Array.isArray(d["unset"]) && d["unset"].every((k) => typeof k === "string"));
  const fromOk = d["from"] === undefined || (Number.isInteger(d["from"]) && (d["from"] as number) >= 0);
  const urnOk = d["urn"] === undefined || typeof d["urn"] === "string";
  return urnOk && fromOk && isObject(d["set"]) && !Array.isArray(d["set"]) && unsetOk;
}
