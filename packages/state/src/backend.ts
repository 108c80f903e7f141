// The Backend interface: where stacks, their checkpoints, journals, history and leases live.
// The file backend (embedded default) and the PostgreSQL backend implement it and pass the same
// conformance suite in @cairn/testing.
import type { ChangeCounts, ErrorInfo, OperationKind, StepInfo } from "@cairn/protocol";
import type { JournalEntry, JournalWriter } from "./journal.js";
import type { Decrypter, Encrypter } from "./secrets.js";
import type { Snapshot } from "./snapshot.js";

export interface StackRef {
  project: string;
  stack: string;
}

export interface StackSummary extends StackRef {
  lastUpdate?: string;
  resourceCount: number;
  /** A lease currently held on the stack, if any. */
  lease?: LeaseInfo;
}

export interface LeaseInfo {
  holder: { pid: number; host: string; user: string };
  operation: string;
  acquiredAt: string;
  heartbeatAt: string;
  expiresAt: string;
  /** Monotonic token; every write under the lease carries it. */
  fencingToken: number;
}

export interface Lease {
  readonly info: LeaseInfo;
  /** Warnings from taking over a stale lease. */
  readonly warnings: string[];
  release(): Promise<void>;
}

export interface AcquireLeaseRequest {
  ref: StackRef;
  operation: string;
  holder: { pid: number; host: string; user: string };
  /** How long the lease lasts without a heartbeat. */
  ttlMs: number;
  /** Is a process on this host alive? Injected so backends never touch process state. */
  isProcessAlive?: (pid: number) => boolean;
}

export interface LoadedState {
  snapshot: Snapshot;
  /** Journal entries written after the checkpoint and not yet compacted into it. */
  journal: JournalEntry[];
  /** Problems the backend recovered from while loading (e.g. a torn last journal line it dropped). */
  warnings?: string[];
}

export interface UpdateRecord {
  version: number;
  kind: OperationKind;
  startTime: string;
  endTime: string;
  result: "succeeded" | "failed" | "cancelled";
  counts: ChangeCounts;
  user: string;
  host?: string;
  message?: string;
  git?: { commit?: string; branch?: string; dirty?: boolean };
  cairnVersion: string;
  steps: StepInfo[];
  error?: ErrorInfo;
  config?: Record<string, string>;
}

export interface Backend {
  readonly url: string;
  listStacks(project?: string): Promise<StackSummary[]>;
  createStack(ref: StackRef): Promise<void>;
  stackExists(ref: StackRef): Promise<boolean>;
  removeStack(ref: StackRef, opts: { force: boolean }): Promise<void>;
  renameStack(ref: StackRef, newName: string): Promise<void>;

  acquireLease(req: AcquireLeaseRequest): Promise<Lease>;
  /** Shows the current lease, if any. */
  getLease(ref: StackRef): Promise<LeaseInfo | undefined>;
  /** Breaks any lease on the stack (`cairn cancel`). */
  breakLease(ref: StackRef): Promise<LeaseInfo | undefined>;

  /** Reads the checkpoint and any journal not yet compacted. */
  loadState(ref: StackRef, decrypter: Decrypter): Promise<LoadedState>;
  /** Opens the stack's journal for a deployment under a lease. */
  openJournal(ref: StackRef, lease: Lease, encrypter: Encrypter): Promise<JournalWriter>;
  /** Writes a new checkpoint (verified first) and discards the journal it includes. */
  commitSnapshot(ref: StackRef, lease: Lease, snapshot: Snapshot, encrypter: Encrypter): Promise<void>;

  appendHistory(ref: StackRef, record: Omit<UpdateRecord, "version">, encrypter: Encrypter): Promise<UpdateRecord>;
  listHistory(ref: StackRef, decrypter: Decrypter, opts?: { limit?: number }): Promise<UpdateRecord[]>;

  /** The checkpoint as a sealed, portable document (`cairn stack export`). */
  exportStack(ref: StackRef): Promise<unknown>;
  /** Replaces the checkpoint with an exported document after verifying it (`cairn stack import`). */
  importStack(ref: StackRef, lease: Lease, document: unknown): Promise<void>;
  /** Earlier checkpoints kept as backups, newest first. */
  listBackups(ref: StackRef): Promise<Array<{ id: string; time: string }>>;
}
