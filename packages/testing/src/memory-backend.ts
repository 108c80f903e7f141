// MemoryBackend: the Backend contract held in memory, for tests and in-process lifecycle runs.
// Stores what a real backend stores (sealed checkpoint text, sealed journal lines, sealed history)
// so it passes the same conformance suite: leases with holder/expiry/fencing token, integrity
// checks before every commit, history, export/import and backups.
import { CairnError, ErrorCodes, SIG, URN_PREFIX } from "@cairn/protocol";
import {
  decodeCheckpoint,
  decodeJournal,
  emptySnapshot,
  encodeCheckpoint,
  encodeJournalEntry,
  openSecrets,
  sealSecrets,
  validateCheckpointDocument,
  type AcquireLeaseRequest,
  type Backend,
  type Decrypter,
  type Encrypter,
  type JournalWriter,
  type Lease,
  type LeaseInfo,
  type LoadedState,
  type Snapshot,
  type StackRef,
  type StackSummary,
  type UpdateRecord,
} from "@cairn/state";

interface StoredStack {
  ref: StackRef;
  /** Sealed checkpoint document text; absent until the first commit. */
  checkpoint?: string;
  journal: string[];
  history: string[];
  backups: Array<{ id: string; time: string; text: string }>;
  lease?: LeaseInfo;
}

export interface MemoryBackendOptions {
  /** Milliseconds since the epoch (lease expiry, backup times). */
  clock?: () => number;
  /** The host this backend runs on (dead-process takeover applies only to it). */
  host?: string;
  cairnVersion?: string;
}

const NAME_RE = /^[A-Za-z0-9_.-]+$/;

function key(ref: StackRef): string {
  return `${ref.project}/${ref.stack}`;
}

function validName(ref: StackRef): void {
  const bad = [ref.project, ref.stack].filter((n) => !NAME_RE.test(n) || n === "." || n === "..");
  if (bad.length > 0) {
    throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `invalid stack reference ${JSON.stringify(key(ref))}: names may use letters, digits, "_", "." and "-"` });
  }
}

function rewriteUrns<T>(value: T, project: string, from: string, to: string): T {
  const oldPrefix = `${URN_PREFIX}${from}::${project}::`;
  const newPrefix = `${URN_PREFIX}${to}::${project}::`;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v.startsWith(oldPrefix) ? newPrefix + v.slice(oldPrefix.length) : v;
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map(walk);
    const obj = v as Record<string, unknown>;
    if (obj[SIG] === "secret") return obj;
    return Object.fromEntries(Object.entries(obj).map(([k, x]) => [k, walk(x)]));
  };
  return walk(value) as T;
}

export class MemoryBackend implements Backend {
  readonly url = "memory://";
  private readonly stacks = new Map<string, StoredStack>();
  private readonly tokens = new Map<string, number>();
  private readonly clock: () => number;
  private readonly host: string | undefined;
  private readonly cairnVersion: string;
  private backupSeq = 0;

  constructor(opts: MemoryBackendOptions = {}) {
    this.clock = opts.clock ?? (() => Date.now());
    this.host = opts.host;
    this.cairnVersion = opts.cairnVersion ?? "0.1.0";
  }

  private iso(): string {
    return new Date(this.clock()).toISOString();
  }

  private stack(ref: StackRef): StoredStack {
    const s = this.stacks.get(key(ref));
    if (!s) throw new CairnError({ code: ErrorCodes.StackNotFound, source: "user", message: `stack ${key(ref)} does not exist`, hint: "create it with `cairn stack init`" });
    return s;
  }

  private resourceCount(s: StoredStack): number {
    return s.checkpoint ? (JSON.parse(s.checkpoint) as { checkpoint: Snapshot }).checkpoint.resources.length : 0;
  }

  async listStacks(project?: string): Promise<StackSummary[]> {
    const out: StackSummary[] = [];
    for (const s of this.stacks.values()) {
      if (project !== undefined && s.ref.project !== project) continue;
      const summary: StackSummary = { ...s.ref, resourceCount: this.resourceCount(s) };
      const last = s.history.at(-1);
      if (last) summary.lastUpdate = (JSON.parse(last) as UpdateRecord).endTime;
      if (s.lease) summary.lease = s.lease;
      out.push(summary);
    }
    return out;
  }

  async createStack(ref: StackRef): Promise<void> {
    validName(ref);
    if (this.stacks.has(key(ref))) throw new CairnError({ code: ErrorCodes.StackExists, source: "user", message: `stack ${key(ref)} already exists` });
    this.stacks.set(key(ref), { ref: { ...ref }, journal: [], history: [], backups: [] });
  }

  async stackExists(ref: StackRef): Promise<boolean> {
    return this.stacks.has(key(ref));
  }

  async removeStack(ref: StackRef, opts: { force: boolean }): Promise<void> {
    const s = this.stack(ref);
    if (!opts.force && this.resourceCount(s) > 0) {
      throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `stack ${key(ref)} still has ${this.resourceCount(s)} resources`, hint: "destroy them first, or remove the stack with --force" });
    }
    this.stacks.delete(key(ref));
  }

  async renameStack(ref: StackRef, newName: string): Promise<void> {
    const s = this.stack(ref);
    const to: StackRef = { project: ref.project, stack: newName };
    validName(to);
    if (this.stacks.has(key(to))) throw new CairnError({ code: ErrorCodes.StackExists, source: "user", message: `stack ${key(to)} already exists` });
    const rw = <T>(v: T): T => rewriteUrns(v, ref.project, ref.stack, newName);
    const moved: StoredStack = {
      ...s,
      ref: to,
      journal: s.journal.map((l) => JSON.stringify(rw(JSON.parse(l)))),
      ...(s.checkpoint ? { checkpoint: JSON.stringify(rw(JSON.parse(s.checkpoint))) } : {}),
    };
    this.stacks.delete(key(ref));
    this.stacks.set(key(to), moved);
  }

  async acquireLease(req: AcquireLeaseRequest): Promise<Lease> {
    const s = this.stack(req.ref);
    const now = this.clock();
    const warnings: string[] = [];
    const held = s.lease;
    if (held) {
      const who = `${held.holder.user}@${held.holder.host} (pid ${held.holder.pid}, ${held.operation})`;
      const expired = Date.parse(held.expiresAt) <= now;
      const deadHere = (this.host === undefined || held.holder.host === this.host) && held.holder.host === req.holder.host && req.isProcessAlive?.(held.holder.pid) === false;
      if (expired) warnings.push(`took over the expired lease of ${who}`);
      else if (deadHere) warnings.push(`took over the lease of ${who}: process ${held.holder.pid} is no longer running`);
      else {
        throw new CairnError({
          code: ErrorCodes.StackLocked,
          source: "user",
          message: `stack ${key(req.ref)} is locked by ${who}, lease expires at ${held.expiresAt}; if that process is gone, \`cairn cancel\` breaks the lease`,
          hint: "wait for the other operation to finish, or run `cairn cancel`",
        });
      }
    }
    const token = (this.tokens.get(key(req.ref)) ?? 0) + 1;
    this.tokens.set(key(req.ref), token);
    const at = new Date(now).toISOString();
    const info: LeaseInfo = { holder: { ...req.holder }, operation: req.operation, acquiredAt: at, heartbeatAt: at, expiresAt: new Date(now + req.ttlMs).toISOString(), fencingToken: token };
    s.lease = info;
    const ref = { ...req.ref };
    return {
      info,
      warnings,
      release: async () => {
        const cur = this.stacks.get(key(ref));
        if (cur?.lease?.fencingToken === token) delete cur.lease;
      },
    };
  }

  async getLease(ref: StackRef): Promise<LeaseInfo | undefined> {
    return this.stack(ref).lease;
  }

  async breakLease(ref: StackRef): Promise<LeaseInfo | undefined> {
    const s = this.stack(ref);
    const held = s.lease;
    delete s.lease;
    return held;
  }

  /** Throws LeaseLost unless `lease` is the one currently held on the stack. */
  private fence(ref: StackRef, lease: Lease): StoredStack {
    const s = this.stack(ref);
    if (s.lease?.fencingToken !== lease.info.fencingToken) {
      throw new CairnError({ code: ErrorCodes.LeaseLost, source: "user", message: `the lease on stack ${key(ref)} (fencing token ${lease.info.fencingToken}) was lost; nothing was written`, hint: "another operation broke or took over the lease; run again" });
    }
    return s;
  }

  async loadState(ref: StackRef, decrypter: Decrypter): Promise<LoadedState> {
    const s = this.stack(ref);
    const snapshot = s.checkpoint ? decodeCheckpoint(s.checkpoint, decrypter, { source: `memory checkpoint of ${key(ref)}` }) : emptySnapshot(this.iso(), this.cairnVersion);
    const journal = s.journal.length > 0 ? decodeJournal(s.journal.join("\n") + "\n", decrypter, { source: `memory journal of ${key(ref)}` }).entries : [];
    return { snapshot, journal };
  }

  async openJournal(ref: StackRef, lease: Lease, encrypter: Encrypter): Promise<JournalWriter> {
    this.fence(ref, lease);
    return {
      append: async (entries) => {
        const s = this.fence(ref, lease);
        for (const e of entries) s.journal.push(encodeJournalEntry(e, encrypter));
      },
    };
  }

  private backup(s: StoredStack): void {
    if (!s.checkpoint) return;
    s.backups.unshift({ id: `backup-${++this.backupSeq}`, time: this.iso(), text: s.checkpoint });
  }

  async commitSnapshot(ref: StackRef, lease: Lease, snapshot: Snapshot, encrypter: Encrypter): Promise<void> {
    const s = this.fence(ref, lease);
    const text = encodeCheckpoint(snapshot, encrypter); // verifies integrity first
    this.backup(s);
    s.checkpoint = text;
    s.journal = [];
  }

  async appendHistory(ref: StackRef, record: Omit<UpdateRecord, "version">, encrypter: Encrypter): Promise<UpdateRecord> {
    const s = this.stack(ref);
    const full: UpdateRecord = { ...record, version: s.history.length + 1 };
    s.history.push(JSON.stringify(sealSecrets(full, encrypter)));
    return full;
  }

  async listHistory(ref: StackRef, decrypter: Decrypter, opts: { limit?: number } = {}): Promise<UpdateRecord[]> {
    const all = this.stack(ref).history.map((t) => openSecrets(JSON.parse(t) as UpdateRecord, decrypter)).reverse();
    return opts.limit !== undefined ? all.slice(0, opts.limit) : all;
  }

  async exportStack(ref: StackRef): Promise<unknown> {
    const s = this.stack(ref);
    if (s.checkpoint) return JSON.parse(s.checkpoint) as unknown;
    return JSON.parse(encodeCheckpoint(emptySnapshot(this.iso(), this.cairnVersion), { encrypt: (t) => t })) as unknown;
  }

  async importStack(ref: StackRef, lease: Lease, document: unknown): Promise<void> {
    const s = this.fence(ref, lease);
    const doc = validateCheckpointDocument(structuredClone(document), { source: `the document imported into ${key(ref)}` });
    this.backup(s);
    s.checkpoint = JSON.stringify(doc);
    s.journal = [];
  }

  async listBackups(ref: StackRef): Promise<Array<{ id: string; time: string }>> {
    return this.stack(ref).backups.map(({ id, time }) => ({ id, time }));
  }

  /** Everything stored, as text (to check that secrets are sealed at rest). */
  dump(): string {
    return JSON.stringify([...this.stacks.values()]);
  }
}
