// Journal entries: every effect of a deployment, written as it happens. A `begin` is durable
// before the provider mutation starts; its `end` records the result. `replay(base, entries)` (in
// replay.ts) turns a checkpoint plus a journal into the current snapshot.
import type { Urn } from "@cairn/protocol";
import type { ResourceKey, ResourceState } from "./snapshot.js";

export type JournalOp = "create" | "update" | "delete" | "import" | "read";

export type JournalEntry =
  /**
   * A provider mutation is about to start. `old` names the resource it acts on (update, delete);
   * `planned` is the resource as it will be recorded (create, import, read, update).
   */
  | { kind: "begin"; seq: number; op: JournalOp; old?: ResourceKey; planned?: ResourceState }
  /** The operation begun at `begin` succeeded: `state` replaces `old` (absent for delete). */
  | { kind: "end"; seq: number; begin: number; ok: true; state?: ResourceState }
  /** The operation failed; `partial` records a half-made resource so it is never leaked. */
  | { kind: "end"; seq: number; begin: number; ok: false; error: string; partial?: ResourceState }
  /**
   * A state-only change with no provider mutation: an unchanged resource whose options changed,
   * a refresh result, marking a replaced resource for deletion, stack outputs. `state: null`
   * removes `old` (retainOnDelete, refresh found it gone, `state delete`). Without `old`, `state`
   * is added.
   */
  | { kind: "write"; seq: number; old?: ResourceKey; state: ResourceState | null }
  /** Pending operations found at the start of a run were resolved; clears them from the snapshot. */
  | { kind: "clear-pending"; seq: number; urns: Urn[] };

/**
 * Where a deployment writes its journal. `append` resolves once the entries are durable; calls
 * made while earlier ones are still in flight are written in call order (and may share a write).
 */
export interface JournalWriter {
  append(entries: JournalEntry[]): Promise<void>;
  /**
   * The highest seq in the journal this writer appends to: the entries already there when it was
   * opened (those of interrupted runs included) and those it appended since. A deployment numbers
   * its entries after it, so seqs never repeat in a journal that several runs share. Absent or 0:
   * the journal holds no entry yet.
   */
  readonly lastSeq?: number;
}
