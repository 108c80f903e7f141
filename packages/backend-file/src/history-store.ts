// Update history of a stack: history/<NNNNNN>.json, one UpdateRecord per update with its secrets
// sealed, steps that changed nothing and old values left out (storedSteps). Versions are assigned
// by exclusive creation, so two writers never share a number.
import { CairnError, ErrorCodes, type StepInfo } from "@cairn/protocol";
import { openSecrets, sealSecrets, type Decrypter, type Encrypter, type UpdateRecord } from "@cairn/state";
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { isErrno, writeFileAtomic } from "./atomic-write.js";

const NAME_RE = /^(\d{6,})\.json$/;
const FORMAT = "cairn.update-record";
/** Format 2 keeps each provider reference once, in `providers`; a step's `provider` is its index. */
const FORMAT_VERSION = 2;

/** A step as stored: in format 2 its provider is an index into the file's `providers`. */
type StoredStep = Omit<StepInfo, "provider"> & { provider?: string | number };

interface HistoryFile {
  format: string;
  formatVersion: number;
  providers?: string[];
  record: Omit<UpdateRecord, "steps"> & { steps: StoredStep[] };
}

function fileName(version: number): string {
  return `${String(version).padStart(6, "0")}.json`;
}

/** History versions present, newest first. */
export async function historyVersions(dir: string): Promise<number[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (e) {
    if (isErrno(e, "ENOENT")) return [];
    throw e;
  }
  return names.flatMap((n) => {
    const m = NAME_RE.exec(n);
    return m ? [Number(m[1])] : [];
  }).sort((a, b) => b - a);
}

export async function appendHistoryRecord(dir: string, record: Omit<UpdateRecord, "version">, enc: Encrypter): Promise<UpdateRecord> {
  await fs.mkdir(dir, { recursive: true });
  let version = ((await historyVersions(dir))[0] ?? 0) + 1;
  for (;;) {
    const full: UpdateRecord = { ...record, steps: storedSteps(record.steps), version };
    const file: HistoryFile = { format: FORMAT, formatVersion: FORMAT_VERSION, ...withProviderTable(sealSecrets(full, enc)) };
    try {
      await writeFileAtomic({ path: join(dir, fileName(version)), data: JSON.stringify(file), exclusive: true });
      return full;
    } catch (e) {
      if (!isErrno(e, "EEXIST")) throw e;
      version++;
    }
  }
}

/**
 * The steps a record keeps: unchanged resources are only counted (`counts.same`), since listing
 * them would make every record as large as the stack; and a step keeps its new inputs and outputs
 * and its diff (which holds the old value of every changed property) but not the old inputs and
 * outputs, which the previous update's record and the state before it already hold.
 */
function storedSteps(steps: StepInfo[]): StepInfo[] {
  return steps.filter((s) => s.op !== "same").map((s) => {
    if (s.oldInputs === undefined && s.oldOutputs === undefined) return s;
    const { oldInputs: _inputs, oldOutputs: _outputs, ...kept } = s;
    return kept;
  });
}

/** The record with each step's provider reference replaced by its index in `providers`. */
function withProviderTable(record: UpdateRecord): Pick<HistoryFile, "providers" | "record"> {
  const index = new Map<string, number>();
  const steps = record.steps.map((s): StoredStep => {
    if (s.provider === undefined) return s;
    let i = index.get(s.provider);
    if (i === undefined) index.set(s.provider, (i = index.size));
    return { ...s, provider: i };
  });
  return { providers: [...index.keys()], record: { ...record, steps } };
}

function withProviderReferences(path: string, file: HistoryFile): UpdateRecord {
  const providers = file.providers ?? [];
  const steps = file.record.steps.map((s): StepInfo => {
    const { provider, ...rest } = s;
    if (provider === undefined) return rest;
    const ref = typeof provider === "number" ? providers[provider] : undefined;
    if (ref === undefined) throw corrupt(path, `a step names provider ${JSON.stringify(provider)}, which is not in "providers"`, undefined);
    return { ...rest, provider: ref };
  });
  return { ...file.record, steps };
}

/** Reads one history file with secrets still sealed. */
export async function readHistoryFile(dir: string, version: number): Promise<UpdateRecord> {
  const path = join(dir, fileName(version));
  const text = await fs.readFile(path, "utf8");
  let file: HistoryFile;
  try {
    file = JSON.parse(text) as HistoryFile;
  } catch (e) {
    throw corrupt(path, `invalid JSON: ${(e as Error).message}`, e);
  }
  if (file.format !== FORMAT || typeof file.record !== "object" || file.record === null) throw corrupt(path, "not an update record", undefined);
  if (file.formatVersion === 1) return file.record as UpdateRecord;
  if (!Array.isArray(file.record.steps)) throw corrupt(path, "not an update record", undefined);
  if (file.formatVersion !== FORMAT_VERSION) {
    throw new CairnError({
      code: ErrorCodes.StateVersion,
      source: "user",
      message: `the update record ${path} has format version ${String(file.formatVersion)}, which this Cairn does not read; upgrade Cairn`,
    });
  }
  return withProviderReferences(path, file);
}

export async function listHistoryRecords(dir: string, dec: Decrypter, limit?: number): Promise<UpdateRecord[]> {
  const versions = await historyVersions(dir);
  const chosen = limit === undefined ? versions : versions.slice(0, Math.max(0, limit));
  const out: UpdateRecord[] = [];
  for (const v of chosen) out.push(openSecrets(await readHistoryFile(dir, v), dec));
  return out;
}

function corrupt(path: string, detail: string, cause: unknown): CairnError {
  return new CairnError({
    code: ErrorCodes.StateCorrupt,
    source: "user",
    message: `the update record ${path} is corrupt: ${detail}; move it aside to list the rest of the history`,
    cause,
  });
}
