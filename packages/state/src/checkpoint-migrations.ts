// The checkpoint format's version and migration chain. Each migration lifts a document from
// version `from` to `from + 1`; decoding runs the chain from the document's version up to the
// current one. The chain is a value so tests (and future versions) can supply their own.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { describeSource, stateCorrupt } from "./state-errors.js";

/** The checkpoint format this Cairn writes. */
export const CHECKPOINT_VERSION = 1;

export type CheckpointDocumentObject = Record<string, unknown>;

export interface CheckpointMigration {
  /** The version this migration reads; it returns the document at `from + 1`. */
  from: number;
  migrate(doc: CheckpointDocumentObject): CheckpointDocumentObject;
}

export interface MigrationChain {
  currentVersion: number;
  migrations: readonly CheckpointMigration[];
}

/** The real chain: version 1 is the first format, so there is nothing to migrate yet. */
export const CHECKPOINT_MIGRATIONS: MigrationChain = Object.freeze({ currentVersion: CHECKPOINT_VERSION, migrations: [] });

/** Runs the chain from the document's version to the current one; rejects documents from newer Cairns. */
export function migrateCheckpoint(
  doc: CheckpointDocumentObject,
  chain: MigrationChain,
  source?: string,
): CheckpointDocumentObject {
  const version = doc["version"];
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw stateCorrupt({ source, detail: `"version" must be a positive integer, found ${JSON.stringify(version)}` });
  }
  if (version > chain.currentVersion) {
    throw new CairnError({
      code: ErrorCodes.StateVersion,
      source: "user",
      message: `${describeSource(source, "the checkpoint")} was written by a newer Cairn (checkpoint format version ${version}; this Cairn reads up to version ${chain.currentVersion}). Upgrade Cairn to use this stack.`,
      hint: "Upgrade Cairn to the version that wrote this stack, or newer.",
    });
  }
  let current = doc;
  for (let v = version; v < chain.currentVersion; v++) {
    const step = chain.migrations.find((m) => m.from === v);
    if (step === undefined) {
      throw new CairnError({
        code: ErrorCodes.Internal,
        source: "internal",
        message: `internal error (this is a bug in Cairn): no migration from checkpoint version ${v} to ${v + 1}`,
      });
    }
    current = { ...step.migrate(current), version: v + 1 };
  }
  return current;
}
