// The checkpoint codec: a snapshot as a versioned JSON document with its secrets sealed, and
// back. Decoding parses (corrupt JSON names the file and position), migrates, checks the shape
// (every problem at once), verifies integrity and only then opens secrets.
import {
  CHECKPOINT_MIGRATIONS,
  CHECKPOINT_VERSION,
  migrateCheckpoint,
  type CheckpointDocumentObject,
  type MigrationChain,
} from "./checkpoint-migrations.js";
import { verifyIntegrity } from "./integrity.js";
import { openSecrets, sealSecrets } from "./secret-sealing.js";
import type { Decrypter, Encrypter } from "./secrets.js";
import type { Snapshot } from "./snapshot.js";
import { snapshotShapeProblems } from "./state-shape.js";
import { parseJsonDocument, stateCorrupt } from "./state-errors.js";

/** The document on disk (and in `cairn stack export`), secrets sealed. */
export interface CheckpointDocument {
  version: number;
  checkpoint: Snapshot;
}

export interface DecodeCheckpointOptions {
  /** The file path or other name of the document, for messages. */
  source?: string;
  /** The migration chain; the real one unless a test supplies its own. */
  migrations?: MigrationChain;
}

/** Encodes a snapshot (verified first) as checkpoint JSON with every secret sealed. */
export function encodeCheckpoint(snapshot: Snapshot, enc: Encrypter): string {
  verifyIntegrity(snapshot);
  const checkpoint: Snapshot = {
    resources: snapshot.resources,
    pendingOperations: snapshot.pendingOperations,
    manifest: snapshot.manifest,
  };
  if (snapshot.secretsProvider !== undefined) checkpoint.secretsProvider = snapshot.secretsProvider;
  const doc: CheckpointDocument = { version: CHECKPOINT_VERSION, checkpoint: sealSecrets(checkpoint, enc) };
  return JSON.stringify(doc, null, 2) + "\n";
}

/**
 * The same text as encodeCheckpoint, in pieces of about one resource each, so a large checkpoint
 * is written without holding all of it (and a sealed copy of the state) in memory at once.
 */
export function* encodeCheckpointChunks(snapshot: Snapshot, enc: Encrypter): Generator<string> {
  verifyIntegrity(snapshot);
  const checkpoint: Snapshot = { resources: [], pendingOperations: snapshot.pendingOperations, manifest: snapshot.manifest };
  if (snapshot.secretsProvider !== undefined) checkpoint.secretsProvider = snapshot.secretsProvider;
  const text = JSON.stringify({ version: CHECKPOINT_VERSION, checkpoint: sealSecrets(checkpoint, enc) }, null, 2) + "\n";
  // "resources" is the checkpoint's first field, so its empty array is the first such line.
  const empty = '\n    "resources": []';
  const at = text.indexOf(empty);
  if (snapshot.resources.length === 0) return yield text;
  yield text.slice(0, at) + '\n    "resources": [';
  let first = true;
  for (const r of snapshot.resources) {
    yield (first ? "\n      " : ",\n      ") + JSON.stringify(sealSecrets(r, enc), null, 2).replace(/\n/g, "\n      ");
    first = false;
  }
  yield "\n    ]" + text.slice(at + empty.length);
}

/** Parses, migrates and verifies a checkpoint document without opening its secrets. */
export function parseCheckpointDocument(text: string, opts: DecodeCheckpointOptions = {}): CheckpointDocument {
  return validateCheckpointDocument(parseJsonDocument(text, opts.source), opts);
}

/** As parseCheckpointDocument, for a document that is already parsed (e.g. `cairn stack import`). */
export function validateCheckpointDocument(value: unknown, opts: DecodeCheckpointOptions = {}): CheckpointDocument {
  const { source } = opts;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw stateCorrupt({ source, detail: "it is not a checkpoint document (expected a JSON object with version and checkpoint)" });
  }
  const doc = migrateCheckpoint(value as CheckpointDocumentObject, opts.migrations ?? CHECKPOINT_MIGRATIONS, source);
  const problems = snapshotShapeProblems(doc["checkpoint"]);
  if (problems.length > 0) {
    throw stateCorrupt({ source, detail: `${problems.length} problem${problems.length === 1 ? "" : "s"}:\n  - ${problems.join("\n  - ")}\n` });
  }
  const checkpoint = doc["checkpoint"] as Snapshot;
  verifyIntegrity(checkpoint, { source: source ?? "the checkpoint" });
  return { version: doc["version"] as number, checkpoint };
}

/** Decodes checkpoint JSON into a snapshot with its secrets open. */
export function decodeCheckpoint(text: string, dec: Decrypter, opts: DecodeCheckpointOptions = {}): Snapshot {
  const doc = parseCheckpointDocument(text, opts);
  return openSecrets(doc.checkpoint, dec);
}
