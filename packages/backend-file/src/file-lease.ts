// Lease acquisition, takeover, heartbeat, fencing and release for one stack. A lease is held while
// lease.json carries its id; every write under a lease first checks that (fencing), so a holder
// whose lease was broken or taken over can never overwrite the new holder's state.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { AcquireLeaseRequest, Lease, LeaseInfo } from "@cairn/state";
import {
  createLease,
  describeHolder,
  iso,
  LEASE_FORMAT,
  newLeaseId,
  readCounter,
  readLease,
  removeLease,
  writeCounter,
  writeHeartbeat,
  type LeaseRecord,
} from "./lease-file.js";
import type { StackPaths } from "./stack-paths.js";
import { LeasePin } from "./lease-pin.js";

const ACQUIRE_ATTEMPTS = 5;

/** Something a lease must settle before it is released (an open journal). */
export interface LeaseResource {
  /** Resolves when everything it started has settled. */
  idle(): Promise<void>;
  close(): Promise<void>;
  /** The journal is about to be compacted into a new checkpoint. */
  compacted?(): void;
}

export interface FileLeaseInit {
  paths: StackPaths;
  id: string;
  info: LeaseInfo;
  ttlMs: number;
  clock: () => number;
  warnings: string[];
}

export class FileLease implements Lease {
  readonly warnings: string[];
  private current: LeaseInfo;
  private timer: NodeJS.Timeout | undefined;
  private beating = false;
  private released = false;
  private readonly resources = new Set<LeaseResource>();
  /** lease.json, held open once read and found to carry this lease's id (lease-pin.ts). */
  private readonly pin: LeasePin;

  readonly paths: StackPaths;
  /** Tells this lease apart from any other, even one with the same fencing token. */
  readonly id: string;
  private readonly ttlMs: number;
  private readonly clock: () => number;

  constructor(init: FileLeaseInit) {
    this.paths = init.paths;
    this.id = init.id;
    this.ttlMs = init.ttlMs;
    this.clock = init.clock;
    this.current = init.info;
    this.pin = new LeasePin(init.paths.lease);
    this.warnings = init.warnings;
    const every = Math.max(1, Math.floor(this.ttlMs / 3));
    this.timer = setInterval(() => void this.heartbeat(), every);
    this.timer.unref();
  }

  get info(): LeaseInfo {
    return this.current;
  }

  /** Throws LeaseLost unless lease.json still carries this lease. Called before every write. */
  async assertHeld(): Promise<void> {
    if (!this.released && (await this.pin.holds())) return;
    const now = await readLease(this.paths);
    if (!this.released && now?.id === this.id) return this.pin.pin(this.id);
    await this.pin.unpin();
    this.stopTimer();
    const by = now === undefined ? "it was broken (`cairn cancel`)" : `it is now held by ${describeHolder(now.info)}`;
    throw new CairnError({
      code: ErrorCodes.LeaseLost,
      source: "user",
      message: `lost the lease on stack ${this.paths.label} (fencing token ${this.current.fencingToken}): ${this.released ? "it was released" : by}; nothing more was written. Run the operation again.`,
    });
  }

  track(resource: LeaseResource): void {
    this.resources.add(resource);
  }

  /** Tells the open journals that the checkpoint they continue from is being replaced. */
  journalsCompacted(): void {
    for (const r of this.resources) r.compacted?.();
  }

  /** Waits for in-flight journal appends, so a commit never races them. */
  async settleResources(): Promise<void> {
    for (const r of this.resources) await r.idle();
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.stopTimer();
    for (const r of this.resources) await r.close();
    this.resources.clear();
    this.released = true;
    await this.pin.unpin();
    await removeLease(this.paths, this.id);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async heartbeat(): Promise<void> {
    if (this.beating || this.released) return;
    this.beating = true;
    try {
      const now = await readLease(this.paths);
      if (now?.id !== this.id) {
        this.stopTimer(); // Lost: the next write fails with LeaseLost.
        return;
      }
      const at = this.clock();
      await writeHeartbeat(this.paths, this.id, at, this.ttlMs);
      this.current = { ...this.current, heartbeatAt: iso(at), expiresAt: iso(at + this.ttlMs) };
    } catch {
      // A missed heartbeat only shortens the lease; the next one (or the next write) tells.
    } finally {
      this.beating = false;
    }
  }
}

/** Why a lease may be taken over, or undefined when it is live. */
export function staleReason(info: LeaseInfo, req: AcquireLeaseRequest, now: number, localHost?: string): string | undefined {
  if (now > Date.parse(info.expiresAt)) return `its lease expired at ${info.expiresAt}`;
  const sameHost = info.holder.host === (localHost ?? req.holder.host);
  if (sameHost && req.isProcessAlive !== undefined && !req.isProcessAlive(info.holder.pid)) {
    return `process ${info.holder.pid} is no longer running on ${info.holder.host}`;
  }
  return undefined;
}

export function stackLocked(paths: StackPaths, info: LeaseInfo): CairnError {
  return new CairnError({
    code: ErrorCodes.StackLocked,
    source: "user",
    message: `stack ${paths.label} is locked by ${describeHolder(info)}, lease expires at ${info.expiresAt}; if that process is gone, \`cairn cancel\` breaks the lease`,
    hint: "wait for the other operation to finish, or run `cairn cancel` if it is no longer running",
  });
}

export interface AcquireContext {
  clock: () => number;
  /** This machine's host name, when it differs from what the holder reports. */
  localHost?: string;
}

export async function acquireFileLease(paths: StackPaths, req: AcquireLeaseRequest, ctx: AcquireContext): Promise<FileLease> {
  const { clock } = ctx;
  const warnings: string[] = [];
  for (let attempt = 0; attempt < ACQUIRE_ATTEMPTS; attempt++) {
    const existing = await readLease(paths);
    if (existing !== undefined) {
      const reason = staleReason(existing.info, req, clock(), ctx.localHost);
      if (reason === undefined) throw stackLocked(paths, existing.info);
      if ((await removeLease(paths, existing.id)) === undefined) continue; // Someone else moved first.
      warnings.push(`took over a stale lease on stack ${paths.label} from ${describeHolder(existing.info)}: ${reason}`);
    }
    const token = Math.max(await readCounter(paths), existing?.info.fencingToken ?? 0) + 1;
    const record = newRecord(req, token, clock());
    if (!(await createLease(paths, record))) continue; // Another acquirer won; the next read names it.
    await writeCounter(paths, token);
    return new FileLease({ paths, id: record.id, info: record.info, ttlMs: req.ttlMs, clock, warnings });
  }
  const holder = await readLease(paths);
  if (holder !== undefined) throw stackLocked(paths, holder.info);
  throw new CairnError({
    code: ErrorCodes.StackLocked,
    source: "user",
    message: `could not acquire the lease on stack ${paths.label}: other processes kept acquiring and releasing it; try again`,
  });
}

function newRecord(req: AcquireLeaseRequest, token: number, now: number): LeaseRecord {
  const at = iso(now);
  return {
    formatVersion: LEASE_FORMAT,
    id: newLeaseId(),
    ttlMs: req.ttlMs,
    info: {
      holder: { pid: req.holder.pid, host: req.holder.host, user: req.holder.user },
      operation: req.operation,
      acquiredAt: at,
      heartbeatAt: at,
      expiresAt: iso(now + req.ttlMs),
      fencingToken: token,
    },
  };
}

