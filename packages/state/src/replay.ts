// Replay: a pure function from a checkpoint snapshot plus journal entries to the current snapshot.
// Begun-but-unended operations become pending operations; entries that refer to resources that
// are not there are state corruption (never skipped). After every entry the resources are in
// reference order (sortResources), so replaying in two parts gives exactly the same snapshot.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { JournalEntry, JournalOp } from "./journal.js";
import { ResourceLedger } from "./resource-ledger.js";
import type { PendingOperation, PendingOperationKind, ResourceKey, ResourceState, Snapshot } from "./snapshot.js";
import { RESTORE_HINT } from "./state-errors.js";

type BeginEntry = Extract<JournalEntry, { kind: "begin" }>;
type EndEntry = Extract<JournalEntry, { kind: "end" }>;
type WriteEntry = Extract<JournalEntry, { kind: "write" }>;

export const PENDING_KIND: Record<JournalOp, PendingOperationKind> = {
  create: "creating",
  update: "updating",
  delete: "deleting",
  read: "reading",
  import: "importing",
};

interface Pending {
  begin: BeginEntry;
  /** The resource the operation acts on, as it stood when the operation began. */
  old?: ResourceState;
}

interface ReplayState {
  ledger: ResourceLedger;
  basePending: PendingOperation[];
  /** Begun-but-unended operations in begin order, by an internal key (seqs may repeat: see open). */
  pending: Map<number, Pending>;
  /** seq -> key of the latest pending begin with that seq: the one an `end` refers to. */
  open: Map<number, number>;
  nextKey: number;
}

/** Applies journal entries to a base snapshot; never mutates its arguments. */
export function replay(base: Snapshot, entries: JournalEntry[]): Snapshot {
  const st: ReplayState = { ledger: new ResourceLedger(base.resources), basePending: [...base.pendingOperations], pending: new Map(), open: new Map(), nextKey: 0 };
  for (const entry of entries) {
    applyEntry(st, entry);
    st.ledger.normalize();
  }
  const pendingOperations = [...st.basePending, ...[...st.pending.values()].map(toPendingOperation)];
  const out: Snapshot = { resources: st.ledger.resources(), pendingOperations, manifest: base.manifest };
  if (base.secretsProvider !== undefined) out.secretsProvider = base.secretsProvider;
  return out;
}

function applyEntry(st: ReplayState, entry: JournalEntry): void {
  switch (entry.kind) {
    case "begin":
      return applyBegin(st, entry);
    case "end":
      return applyEnd(st, entry);
    case "write":
      return applyWrite(st, entry);
    case "clear-pending": {
      const urns = new Set(entry.urns);
      st.basePending = st.basePending.filter((op) => !urns.has(op.resource.urn));
      for (const [key, p] of st.pending) {
        if (!urns.has(pendingUrn(p))) continue;
        st.pending.delete(key);
        if (st.open.get(p.begin.seq) === key) st.open.delete(p.begin.seq);
      }
      return;
    }
    default:
      throw corrupt(entry, `has an unknown kind ${JSON.stringify((entry as { kind: unknown }).kind)}`);
  }
}

function applyBegin(st: ReplayState, b: BeginEntry): void {
  // A seq that is still open belongs to an earlier run that was killed (journals written before
  // seqs continued across runs number every run from 1): that operation stays pending, and an
  // `end` with this seq refers to this newer begin.
  const needsOld = b.op === "update" || b.op === "delete";
  if (needsOld && b.old === undefined) throw corrupt(b, `is a ${b.op} with no old resource`);
  if (!needsOld && b.planned === undefined) throw corrupt(b, `is a ${b.op} with no planned resource`);
  const pending: Pending = { begin: b };
  if (b.old !== undefined) pending.old = st.ledger.get(mustFind(st, b, b.old));
  const key = st.nextKey++;
  st.pending.set(key, pending);
  st.open.set(b.seq, key);
}

function applyEnd(st: ReplayState, e: EndEntry): void {
  const key = st.open.get(e.begin);
  const p = key === undefined ? undefined : st.pending.get(key);
  if (key === undefined || p === undefined) throw corrupt(e, `ends operation seq ${e.begin}, which was never begun or has already ended`);
  st.pending.delete(key);
  st.open.delete(e.begin);
  const b = p.begin;
  if (e.ok) {
    const state = e.state ?? (b.op === "delete" ? undefined : b.planned);
    if (state === undefined && b.op !== "delete") throw corrupt(e, `ends a ${b.op} successfully but records no state`);
    put(st, e, b.old, state ?? null);
  } else if (e.partial !== undefined) {
    put(st, e, b.old, e.partial);
  }
}

function applyWrite(st: ReplayState, w: WriteEntry): void {
  if (w.old === undefined && w.state === null) throw corrupt(w, `removes nothing: it has neither old nor state`);
  put(st, w, w.old, w.state);
}

/** Replaces `old` with `state` (removes it for null), or adds `state` when there is no `old`. */
function put(st: ReplayState, entry: JournalEntry, old: ResourceKey | undefined, state: ResourceState | null): void {
  if (old !== undefined) {
    const slot = mustFind(st, entry, old);
    if (state === null) st.ledger.remove(slot);
    else st.ledger.replace(slot, state);
    return;
  }
  if (state === null) return;
  const liveSlot = state.delete ? undefined : st.ledger.find({ urn: state.urn });
  if (liveSlot === undefined) return st.ledger.add(state);
  const existing = st.ledger.get(liveSlot)!;
  // A delete-before-replace leaves its resource marked pendingReplacement until the replacement
  // lands; an external (read) resource is simply re-read. Anything else would lose a resource.
  if (existing.pendingReplacement || existing.external) return st.ledger.replace(liveSlot, state);
  throw corrupt(entry, `adds ${state.urn}, which is already in the state as a live resource`, state.urn);
}

function mustFind(st: ReplayState, entry: JournalEntry, key: ResourceKey): number {
  const slot = st.ledger.find(key);
  if (slot === undefined) {
    const what = key.delete ? `the replaced copy of ${key.urn}` : key.urn;
    throw corrupt(entry, `refers to ${what}, which is not in the state`, key.urn);
  }
  return slot;
}

function pendingUrn(p: Pending): string {
  return (p.begin.planned ?? p.old)!.urn;
}

function toPendingOperation(p: Pending): PendingOperation {
  return { kind: PENDING_KIND[p.begin.op], resource: (p.begin.planned ?? p.old)! };
}

function corrupt(entry: JournalEntry, detail: string, urn?: string): CairnError {
  const init = {
    code: ErrorCodes.StateCorrupt,
    source: "user" as const,
    message: `the journal is corrupt: entry seq ${entry.seq} (${entry.kind}) ${detail}. ${RESTORE_HINT}`,
    hint: RESTORE_HINT,
  };
  return new CairnError(urn === undefined ? init : { ...init, urn });
}
