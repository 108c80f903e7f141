// FileBackend: Cairn's embedded default backend. Stacks live under <root>/stacks/<project>/<stack>/
// as a checkpoint, a journal of entries since it, history records, checkpoint backups and a lease.
// This class checks names, existence and leases and delegates each concern to its own module.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import {
  emptySnapshot,
  encodeCheckpoint,
  encodeCheckpointChunks,
  highestJournalSeq,
  parseCheckpointDocument,
  plaintextCrypter,
  replay,
  sealSecrets,
  validateCheckpointDocument,
  verifyIntegrity,
  type AcquireLeaseRequest,
  type Backend,
  type CheckpointDocument,
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
import { promises as fs } from "node:fs";
import { dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { fsyncDir, isErrno, isTempName, readIfExists } from "./atomic-write.js";
import { listBackupFiles } from "./backups.js";
import { loadCheckpoint, loadJournal, repairTornTail, replaceCheckpoint, settlePendingCommit } from "./checkpoint-store.js";
import { acquireFileLease, FileLease } from "./file-lease.js";
import { appendHistoryRecord, listHistoryRecords } from "./history-store.js";
import { FileJournalWriter } from "./journal-writer.js";
import { fileIdentity, fileSize } from "./file-identity.js";
import { DEFAULT_COMPACT_RATIO, journalHolds, type LoadedView } from "./journal-retention.js";
import { readLease, removeLease } from "./lease-file.js";
import { nameProblems, stackPaths, stacksDir, validateProject, type StackPaths } from "./stack-paths.js";
import { carrySealed } from "./sealed-crypters.js";
import { renameStackDir } from "./stack-rename.js";
import { countResources, lastUpdateTime } from "./stack-summary.js";

export interface FileBackendOptions {
  /** The state directory (e.g. ~/.cairn, or the directory of a file:// backend URL). */
  root: string;
  /** Milliseconds since the epoch; Date.now by default. */
  clock?: () => number;
  /** This machine's host name: a lease held on the same host by a dead process is stale. */
  host?: string;
  /** Recorded in the empty snapshot of a stack that has no checkpoint yet. */
  cairnVersion?: string;
  /**
   * A commit compacts the journal into a new checkpoint once the journal is larger than this
   * fraction of the checkpoint (default 0.5); below it, a commit that the journal already records
   * writes nothing. 0 compacts on every commit.
   */
  compactRatio?: number;
}

/** How long the backend's own short operations (rename, remove) hold a stack's lease. */
const INTERNAL_TTL_MS = 60_000;

export class FileBackend implements Backend {
  readonly url: string;
  readonly root: string;
  private readonly clock: () => number;
  private readonly host: string | undefined;
  private readonly cairnVersion: string;
  private readonly compactRatio: number;
  /** What the last loadState of each stack (by directory) read, for the commit policy. */
  private readonly views = new Map<string, LoadedView>();

  constructor(opts: FileBackendOptions) {
    this.root = opts.root;
    this.url = `file://${opts.root}`;
    this.clock = opts.clock ?? Date.now;
    this.host = opts.host;
    this.cairnVersion = opts.cairnVersion ?? "0.1.0";
    this.compactRatio = opts.compactRatio ?? DEFAULT_COMPACT_RATIO;
  }

  async listStacks(project?: string): Promise<StackSummary[]> {
    if (project !== undefined) validateProject(project);
    const projects = project === undefined ? await this.names(stacksDir(this.root), "project") : [project];
    const out: StackSummary[] = [];
    for (const p of projects) {
      for (const s of await this.names(join(stacksDir(this.root), p), "stack")) {
        const paths = stackPaths(this.root, { project: p, stack: s });
        const summary: StackSummary = { project: p, stack: s, resourceCount: await countResources(paths) };
        const lastUpdate = await lastUpdateTime(paths);
        if (lastUpdate !== undefined) summary.lastUpdate = lastUpdate;
        const lease = await readLease(paths);
        if (lease !== undefined) summary.lease = lease.info;
        out.push(summary);
      }
    }
    return out;
  }

  async createStack(ref: StackRef): Promise<void> {
    const paths = stackPaths(this.root, ref);
    await fs.mkdir(dirname(paths.dir), { recursive: true, mode: 0o700 });
    try {
      await fs.mkdir(paths.dir, { mode: 0o700 });
    } catch (e) {
      if (!isErrno(e, "EEXIST")) throw e;
      throw new CairnError({ code: ErrorCodes.StackExists, source: "user", message: `stack ${paths.label} already exists in ${this.url}` });
    }
    await fsyncDir(dirname(paths.dir));
  }

  async stackExists(ref: StackRef): Promise<boolean> {
    const paths = stackPaths(this.root, ref);
    try {
      return (await fs.stat(paths.dir)).isDirectory();
    } catch (e) {
      if (isErrno(e, "ENOENT")) return false;
      throw e;
    }
  }

  async removeStack(ref: StackRef, opts: { force: boolean }): Promise<void> {
    const paths = await this.existing(ref);
    const lease = await this.internalLease(paths, "remove", opts.force);
    try {
      const count = await countResources(paths);
      if (count > 0 && !opts.force) {
        throw new CairnError({
          code: ErrorCodes.InvalidInput,
          source: "user",
          message: `stack ${paths.label} still has ${count} resource${count === 1 ? "" : "s"}; run \`cairn destroy\` first, or remove it with --force to forget them (they are not deleted)`,
        });
      }
      const trash = join(this.root, "trash", `${paths.ref.project}.${paths.ref.stack}.${randomBytes(6).toString("hex")}`);
      await fs.mkdir(dirname(trash), { recursive: true });
      await fs.rename(paths.dir, trash);
      await fsyncDir(dirname(paths.dir));
      await fs.rm(trash, { recursive: true, force: true });
      await fs.rmdir(dirname(paths.dir)).catch(() => undefined); // The project directory, if now empty.
    } finally {
      await lease.release();
    }
  }

  async renameStack(ref: StackRef, newName: string): Promise<void> {
    const from = await this.existing(ref);
    const to = stackPaths(this.root, { project: ref.project, stack: newName });
    if (await this.stackExists(to.ref)) {
      throw new CairnError({ code: ErrorCodes.StackExists, source: "user", message: `cannot rename stack ${from.label} to ${to.label}: ${to.label} already exists` });
    }
    const lease = await this.internalLease(from, "rename", false);
    try {
      await renameStackDir({ root: this.root, from, to });
    } finally {
      await lease.release();
    }
  }

  async acquireLease(req: AcquireLeaseRequest): Promise<Lease> {
    const paths = await this.existing(req.ref);
    return acquireFileLease(paths, req, this.acquireContext());
  }

  async getLease(ref: StackRef): Promise<LeaseInfo | undefined> {
    return (await readLease(await this.existing(ref)))?.info;
  }

  async breakLease(ref: StackRef): Promise<LeaseInfo | undefined> {
    return (await removeLease(await this.existing(ref)))?.info;
  }

  async loadState(ref: StackRef, decrypter: Decrypter): Promise<LoadedState> {
    const paths = await this.existing(ref);
    this.views.delete(paths.dir);
    const identity = await fileIdentity(paths.checkpoint);
    const checkpoint = await loadCheckpoint(paths, decrypter, () => this.empty());
    const { entries, warnings, bytes } = await loadJournal(paths, decrypter, checkpoint.snapshot.resources);
    const snapshot = checkpoint.snapshot;
    if (checkpoint.exists && identity !== undefined && identity === (await fileIdentity(paths.checkpoint))) {
      this.views.set(paths.dir, { checkpoint: identity, checkpointBytes: checkpoint.bytes, snapshot, journal: entries, journalBytes: bytes });
    }
    return warnings.length > 0 ? { snapshot, journal: entries, warnings } : { snapshot, journal: entries };
  }

  async openJournal(ref: StackRef, lease: Lease, encrypter: Encrypter): Promise<JournalWriter> {
    const paths = await this.existing(ref);
    const held = this.own(paths, lease);
    await held.assertHeld();
    await settlePendingCommit(paths);
    await repairTornTail(paths);
    // Seqs continue after every entry in the file, those of runs that were killed included.
    const lastSeq = highestJournalSeq((await readIfExists(paths.journal)) ?? "");
    // The writer's entries follow the loaded journal only if nothing changed on disk since; then it
    // may also store states as deltas from the ones loaded (readers decode with the same checkpoint).
    let view = this.views.get(paths.dir);
    if (view !== undefined) {
      const intact = view.writer === undefined && (await fileSize(paths.journal)) === view.journalBytes && (await fileIdentity(paths.checkpoint)) === view.checkpoint;
      if (!intact) this.views.delete(paths.dir);
      view = intact ? view : undefined;
    }
    const base = view === undefined ? undefined : { resources: view.snapshot.resources, journal: view.journal };
    const writer = new FileJournalWriter({ path: paths.journal, label: paths.label, encrypter, assertHeld: () => held.assertHeld(), lastSeq, ...(base ? { base } : {}) });
    held.track(writer);
    if (view !== undefined) view.writer = writer;
    return writer;
  }

  async commitSnapshot(ref: StackRef, lease: Lease, snapshot: Snapshot, encrypter: Encrypter): Promise<void> {
    const paths = await this.existing(ref);
    const held = this.own(paths, lease);
    verifyIntegrity(snapshot, { source: `the snapshot to commit for stack ${paths.label}` });
    await held.settleResources();
    const view = this.views.get(paths.dir);
    this.views.delete(paths.dir);
    if (await journalHolds({ paths, view, snapshot, ratio: this.compactRatio })) {
      await held.assertHeld(); // Fencing, as for a write: a lost lease is reported, not hidden.
      return;
    }
    held.journalsCompacted();
    const chunks = encodeCheckpointChunks(snapshot, encrypter);
    await replaceCheckpoint({ paths, chunks, now: this.clock(), assertHeld: () => held.assertHeld() });
  }

  async appendHistory(ref: StackRef, record: Omit<UpdateRecord, "version">, encrypter: Encrypter): Promise<UpdateRecord> {
    return appendHistoryRecord((await this.existing(ref)).history, record, encrypter);
  }

  async listHistory(ref: StackRef, decrypter: Decrypter, opts?: { limit?: number }): Promise<UpdateRecord[]> {
    return listHistoryRecords((await this.existing(ref)).history, decrypter, opts?.limit);
  }

  /** The checkpoint with any journal not yet compacted replayed onto it; secrets stay sealed. */
  async exportStack(ref: StackRef): Promise<CheckpointDocument> {
    const paths = await this.existing(ref);
    const text = (await readIfExists(paths.checkpoint)) ?? encodeCheckpoint(this.empty(), plaintextCrypter);
    const doc = parseCheckpointDocument(text, { source: paths.checkpoint });
    const { entries } = await loadJournal(paths, carrySealed, doc.checkpoint.resources);
    if (entries.length === 0) return doc;
    const current = sealSecrets(replay(doc.checkpoint, entries), carrySealed);
    return validateCheckpointDocument({ version: doc.version, checkpoint: current }, { source: `${paths.checkpoint} with ${paths.journal}` });
  }

  async importStack(ref: StackRef, lease: Lease, document: unknown): Promise<void> {
    const paths = await this.existing(ref);
    const held = this.own(paths, lease);
    const doc = validateCheckpointDocument(document, { source: `the document imported into stack ${paths.label}` });
    const text = JSON.stringify(doc, null, 2) + "\n";
    await held.settleResources();
    this.views.delete(paths.dir);
    held.journalsCompacted();
    await replaceCheckpoint({ paths, chunks: [text], now: this.clock(), assertHeld: () => held.assertHeld() });
  }

  async listBackups(ref: StackRef): Promise<Array<{ id: string; time: string; path: string }>> {
    const files = await listBackupFiles((await this.existing(ref)).backups);
    return files.map((b) => ({ id: b.id, time: b.time, path: b.path }));
  }

  /** Reads a backup (an id from listBackups) as a document importStack accepts. */
  async readBackup(ref: StackRef, id: string): Promise<CheckpointDocument> {
    const paths = await this.existing(ref);
    const found = (await listBackupFiles(paths.backups)).find((b) => b.id === id);
    if (found === undefined) {
      throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `stack ${paths.label} has no backup ${JSON.stringify(id)} in ${paths.backups}` });
    }
    return parseCheckpointDocument(await fs.readFile(found.path, "utf8"), { source: found.path });
  }

  private empty(): Snapshot {
    return emptySnapshot(new Date(this.clock()).toISOString(), this.cairnVersion);
  }

  private async existing(ref: StackRef): Promise<StackPaths> {
    const paths = stackPaths(this.root, ref);
    if (!(await this.stackExists(ref))) {
      throw new CairnError({
        code: ErrorCodes.StackNotFound,
        source: "user",
        message: `stack ${paths.label} does not exist in ${this.url}; create it with \`cairn stack init\``,
      });
    }
    return paths;
  }

  private own(paths: StackPaths, lease: Lease): FileLease {
    if (!(lease instanceof FileLease)) {
      throw new CairnError({ code: ErrorCodes.Internal, source: "internal", message: `internal error (this is a bug in Cairn): the lease for stack ${paths.label} was not acquired from ${this.url}` });
    }
    if (lease.paths.dir !== paths.dir) {
      throw new CairnError({ code: ErrorCodes.Internal, source: "internal", message: `internal error (this is a bug in Cairn): a lease on stack ${lease.paths.label} was used to write stack ${paths.label}` });
    }
    return lease;
  }

  /** The backend's own lease for a short stack operation; with force, a live lease is broken first. */
  private async internalLease(paths: StackPaths, operation: string, force: boolean): Promise<FileLease> {
    if (force) await removeLease(paths);
    const holder = { pid: 0, host: this.host ?? "localhost", user: "cairn" };
    const req: AcquireLeaseRequest = { ref: paths.ref, operation, holder, ttlMs: INTERNAL_TTL_MS };
    return acquireFileLease(paths, req, this.acquireContext());
  }

  private acquireContext(): { clock: () => number; localHost?: string } {
    return this.host === undefined ? { clock: this.clock } : { clock: this.clock, localHost: this.host };
  }

  private async names(dir: string, kind: "project" | "stack"): Promise<string[]> {
    let entries: string[];
    try {
      entries = await fs.readdir(dir);
    } catch (e) {
      if (isErrno(e, "ENOENT")) return [];
      throw e;
    }
    const out: string[] = [];
    for (const name of entries.sort()) {
      if (isTempName(name) || nameProblems(kind, name).length > 0) continue;
      if ((await fs.stat(join(dir, name))).isDirectory()) out.push(name);
    }
    return out;
  }
}

