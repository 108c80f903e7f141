// Records a deployment's journal: assigns sequence numbers (after the writer's lastSeq, so they
// stay unique in a journal shared by several runs, killed ones included), keeps every entry (the
// result snapshot is replay(base, entries)) and, outside preview, appends each one durably, in
// order, before the caller goes on (intent before effect).
import type { JournalEntry, JournalOp, JournalWriter, ResourceKey, ResourceState } from "@cairn/state";
import type { Urn } from "@cairn/protocol";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class JournalRecorder {
  readonly entries: JournalEntry[] = [];
  private seq = 0;

  constructor(private readonly writer: JournalWriter | undefined) {
    const last = writer?.lastSeq;
    if (last !== undefined && Number.isSafeInteger(last) && last > 0) this.seq = last;
  }

  private async append(entry: DistributiveOmit<JournalEntry, "seq">): Promise<number> {
    const seq = ++this.seq;
    const full = { ...entry, seq } as JournalEntry;
    this.entries.push(full);
    // Handed to the writer at once, in seq order: entries of concurrent steps share one write and
    // fsync (group commit); this caller still waits until its own entry is durable.
    if (this.writer) await this.writer.append([full]);
    return seq;
  }

  begin(req: { op: JournalOp; old?: ResourceKey; planned?: ResourceState }): Promise<number> {
    const e: DistributiveOmit<JournalEntry, "seq"> = { kind: "begin", op: req.op };
    if (req.old) e.old = req.old;
    if (req.planned) e.planned = req.planned;
    return this.append(e);
  }

  async endOk(begin: number, state?: ResourceState): Promise<void> {
    await this.append(state ? { kind: "end", begin, ok: true, state } : { kind: "end", begin, ok: true });
  }

  async endFailed(begin: number, error: string, partial?: ResourceState): Promise<void> {
    await this.append(partial ? { kind: "end", begin, ok: false, error, partial } : { kind: "end", begin, ok: false, error });
  }

  async write(old: ResourceKey | undefined, state: ResourceState | null): Promise<void> {
    await this.append(old ? { kind: "write", old, state } : { kind: "write", state });
  }

  async clearPending(urns: Urn[]): Promise<void> {
    await this.append({ kind: "clear-pending", urns });
  }
}
