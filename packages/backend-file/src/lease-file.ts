// The on-disk lease records of one stack: lease.json (who holds it, created exclusively and only
// ever removed, never rewritten), lease-heartbeat.json (the holder's latest renewal) and
// lease-counter.json (the last fencing token handed out). Pure reads and writes; no policy.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { LeaseInfo } from "@cairn/state";
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import { isErrno, readIfExists, tempPathFor, writeFileAtomic } from "./atomic-write.js";
import type { StackPaths } from "./stack-paths.js";

const FORMAT = 1;

/** lease.json: the lease and a random id that tells this lease apart from any other. */
export interface LeaseRecord {
  formatVersion: number;
  id: string;
  ttlMs: number;
  info: LeaseInfo;
}

interface HeartbeatRecord {
  formatVersion: number;
  id: string;
  heartbeatAt: string;
  expiresAt: string;
}

export function newLeaseId(): string {
  return randomBytes(12).toString("hex");
}

function corrupt(path: string, detail: string): CairnError {
  return new CairnError({
    code: ErrorCodes.StateCorrupt,
    source: "internal",
    message: `the lease file ${path} is unreadable (${detail}); run \`cairn cancel\` to break the lease`,
  });
}

/** The current lease with its latest heartbeat applied, or undefined when the stack is not leased. */
export async function readLease(paths: StackPaths): Promise<LeaseRecord | undefined> {
  const text = await readIfExists(paths.lease);
  if (text === undefined) return undefined;
  let record: LeaseRecord;
  try {
    record = JSON.parse(text) as LeaseRecord;
  } catch (e) {
    throw corrupt(paths.lease, (e as Error).message);
  }
  if (typeof record.id !== "string" || typeof record.info?.fencingToken !== "number") throw corrupt(paths.lease, "not a lease record");
  const beat = await readHeartbeat(paths);
  if (beat?.id === record.id && beat.heartbeatAt > record.info.heartbeatAt) {
    record.info = { ...record.info, heartbeatAt: beat.heartbeatAt, expiresAt: beat.expiresAt };
  }
  return record;
}

async function readHeartbeat(paths: StackPaths): Promise<HeartbeatRecord | undefined> {
  const text = await readIfExists(paths.leaseHeartbeat);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as HeartbeatRecord;
  } catch {
    return undefined; // A heartbeat only ever extends a lease; an unreadable one is ignored.
  }
}

/** Creates lease.json if there is none; false when another lease got there first. */
export async function createLease(paths: StackPaths, record: LeaseRecord): Promise<boolean> {
  try {
    await writeFileAtomic({ path: paths.lease, data: JSON.stringify(record, null, 2), exclusive: true });
    return true;
  } catch (e) {
    if (isErrno(e, "EEXIST")) return false;
    throw e;
  }
}

export async function writeHeartbeat(paths: StackPaths, id: string, at: number, ttlMs: number): Promise<void> {
  const record: HeartbeatRecord = { formatVersion: FORMAT, id, heartbeatAt: iso(at), expiresAt: iso(at + ttlMs) };
  await writeFileAtomic({ path: paths.leaseHeartbeat, data: JSON.stringify(record) });
}

/**
 * Removes lease.json when it is the lease `id` (or any lease, without an id). The file is first
 * renamed aside, so two removers never both succeed; a lease removed by mistake is put back.
 */
export async function removeLease(paths: StackPaths, id?: string): Promise<LeaseRecord | undefined> {
  // Cheap check first: moving another holder's lease aside, even briefly, could let a third in.
  if (id !== undefined && (await readLeaseId(paths)) !== id) return undefined;
  const aside = tempPathFor(paths.lease);
  try {
    await fs.rename(paths.lease, aside);
  } catch (e) {
    if (isErrno(e, "ENOENT")) return undefined;
    throw e;
  }
  let record: LeaseRecord | undefined;
  try {
    record = JSON.parse(await fs.readFile(aside, "utf8")) as LeaseRecord;
  } catch {
    record = undefined;
  }
  if (id !== undefined && record?.id !== id) {
    // Not the lease we meant to remove: put it back unless a new one was created meanwhile.
    await fs.link(aside, paths.lease).catch((e: unknown) => {
      if (!isErrno(e, "EEXIST")) throw e;
    });
    await fs.rm(aside, { force: true });
    return undefined;
  }
  await fs.rm(aside, { force: true });
  await removeHeartbeat(paths, record?.id);
  return record;
}

async function readLeaseId(paths: StackPaths): Promise<string | undefined> {
  const text = await readIfExists(paths.lease);
  try {
    return text === undefined ? undefined : (JSON.parse(text) as Partial<LeaseRecord>).id;
  } catch {
    return undefined;
  }
}

async function removeHeartbeat(paths: StackPaths, id: string | undefined): Promise<void> {
  const beat = await readHeartbeat(paths);
  if (beat !== undefined && (id === undefined || beat.id === id)) await fs.rm(paths.leaseHeartbeat, { force: true });
}

export async function readCounter(paths: StackPaths): Promise<number> {
  const text = await readIfExists(paths.leaseCounter);
  if (text === undefined) return 0;
  try {
    const n = (JSON.parse(text) as { fencingToken?: unknown }).fencingToken;
    return typeof n === "number" && Number.isSafeInteger(n) ? n : 0;
  } catch {
    return 0;
  }
}

export async function writeCounter(paths: StackPaths, token: number): Promise<void> {
  if ((await readCounter(paths)) >= token) return;
  await writeFileAtomic({ path: paths.leaseCounter, data: JSON.stringify({ formatVersion: FORMAT, fencingToken: token }) });
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function describeHolder(info: LeaseInfo): string {
  const h = info.holder;
  return `${h.user}@${h.host} pid ${h.pid} (operation "${info.operation}" since ${info.acquiredAt})`;
}

export const LEASE_FORMAT = FORMAT;
