// The stack's journal writer with group commit: one append-mode file descriptor; appends that
// arrive while a write+fsync runs are batched into the next write+fsync. `append` resolves once
// its entries are written and fsync'd. Each batch first checks the lease (fencing).
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { JournalEncoder, type Encrypter, type JournalBase, type JournalEntry, type JournalWriter } from "@cairn/state";
import { promises as fs } from "node:fs";
import { dirname } from "node:path";
import { fsyncDir } from "./atomic-write.js";

export interface FileJournalWriterOptions {
  path: string;
  /** "project/stack", for messages. */
  label: string;
  encrypter: Encrypter;
  /** Throws LeaseLost when the lease this journal was opened under is gone. */
  assertHeld: () => Promise<void>;
  /** The checkpoint and journal this one continues, as loaded: states may then be written as deltas. */
  base?: JournalBase;
  /** The highest seq in the file when it was opened (entries of interrupted runs included). */
  lastSeq?: number;
}

interface Pending {
  entries: JournalEntry[];
  text: string;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class FileJournalWriter implements JournalWriter {
  private handle: fs.FileHandle | undefined;
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private failure: unknown;
  private closed = false;
  private readonly durable: JournalEntry[] = [];
  private durableBytes = 0;
  private readonly encoder: JournalEncoder;
  private highestSeq: number;
  /** Added to the seqs of a caller that numbers from 1 over a journal that has entries (see append). */
  private offset: number | undefined;

  constructor(private readonly opts: FileJournalWriterOptions) {
    this.encoder = new JournalEncoder(opts.base);
    this.highestSeq = opts.lastSeq ?? 0;
  }

  /** The highest seq in the file: a deployment numbers its entries after it (JournalWriter). */
  get lastSeq(): number {
    return this.highestSeq;
  }

  /** The checkpoint is being replaced: entries appended after it are written whole. */
  compacted(): void {
    this.encoder.forget();
  }

  append(batch: JournalEntry[]): Promise<void> {
    if (this.closed) return Promise.reject(this.closedError());
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const entries = this.continueSeqs(batch);
    let text: string;
    try {
      text = entries.map((e) => line(this.encoder.encode(e, this.opts.encrypter))).join("");
    } catch (e) {
      return Promise.reject(e);
    }
    for (const e of entries) if (e.seq > this.highestSeq) this.highestSeq = e.seq;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entries, text, resolve, reject });
      this.kick();
    });
  }

  /**
   * Seqs must not repeat in the file. A caller that did not number after `lastSeq` (it began at or
   * below it: a wrapper that hides lastSeq, or an older engine) has its entries shifted past it,
   * with the `begin` its ends refer to, which are its own entries.
   */
  private continueSeqs(entries: JournalEntry[]): JournalEntry[] {
    if (this.offset === undefined && entries.length > 0) {
      const last = this.opts.lastSeq ?? 0;
      this.offset = entries[0]!.seq <= last ? last : 0;
    }
    const o = this.offset ?? 0;
    if (o === 0) return entries;
    return entries.map((e) => (e.kind === "end" ? { ...e, seq: e.seq + o, begin: e.begin + o } : { ...e, seq: e.seq + o }));
  }

  /**
   * What this writer has made durable, in order: the entries and their size in bytes. Undefined
   * once a write failed (the file may then hold part of a batch).
   */
  written(): { entries: readonly JournalEntry[]; bytes: number } | undefined {
    if (this.failure !== undefined) return undefined;
    return { entries: this.durable, bytes: this.durableBytes };
  }

  /** Resolves when every append made so far has settled. */
  async idle(): Promise<void> {
    while (this.flushing !== undefined) await this.flushing;
  }

  async close(): Promise<void> {
    await this.idle();
    this.closed = true;
    const h = this.handle;
    this.handle = undefined;
    await h?.close();
  }

  private kick(): void {
    if (this.flushing !== undefined) return;
    this.flushing = this.drain().finally(() => {
      this.flushing = undefined;
      if (this.queue.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        const text = batch.map((p) => p.text).join("");
        await this.writeBatch(text);
        this.durableBytes += Buffer.byteLength(text, "utf8");
        for (const p of batch) this.durable.push(...p.entries);
        for (const p of batch) p.resolve();
      } catch (e) {
        for (const p of batch) p.reject(e);
        for (const p of this.queue.splice(0)) p.reject(e);
      }
    }
  }

  private async writeBatch(text: string): Promise<void> {
    await this.opts.assertHeld(); // A LeaseLost here writes nothing and leaves the writer usable for nobody.
    if (text.length === 0) return;
    try {
      const h = await this.open();
      const bytes = Buffer.from(text, "utf8");
      let off = 0;
      while (off < bytes.length) off += (await h.write(bytes, off, bytes.length - off)).bytesWritten;
      await h.datasync();
    } catch (e) {
      // A half-written batch would leave a torn line in the middle of the journal: stop here.
      this.failure = new CairnError({
        code: ErrorCodes.Internal,
        source: "internal",
        message: `writing the journal ${this.opts.path} of stack ${this.opts.label} failed: ${(e as Error).message}; the journal is closed and the last entries may be incomplete`,
        cause: e,
      });
      throw this.failure;
    }
  }

  private async open(): Promise<fs.FileHandle> {
    if (this.handle !== undefined) return this.handle;
    this.handle = await fs.open(this.opts.path, "a", 0o600);
    await fsyncDir(dirname(this.opts.path));
    return this.handle;
  }

  private closedError(): CairnError {
    return new CairnError({
      code: ErrorCodes.LeaseLost,
      source: "user",
      message: `the journal of stack ${this.opts.label} is closed: its lease was released`,
    });
  }
}

function line(encoded: string): string {
  return encoded.endsWith("\n") ? encoded : `${encoded}\n`;
}
