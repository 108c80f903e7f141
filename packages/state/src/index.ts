// @cairn/state: snapshots, journals, checkpoints, secrets and the Backend interface.
export * from "./snapshot.js";
export * from "./journal.js";
export * from "./secrets.js";
export * from "./backend.js";
export { replay, PENDING_KIND } from "./replay.js";
export { sortResources } from "./sort-resources.js";
export { integrityProblems, verifyIntegrity } from "./integrity.js";
export { sealSecrets, openSecrets } from "./secret-sealing.js";
export { plaintextCrypter } from "./plaintext-crypter.js";
export {
  PassphraseSecretsManager,
  PASSPHRASE_PROVIDER_TYPE,
  DEFAULT_SCRYPT,
  TEST_SCRYPT,
  WRONG_PASSPHRASE_MESSAGE,
  type ScryptParams,
  type CreatePassphraseManagerRequest,
  type DerivedKey,
} from "./passphrase-secrets-manager.js";
export {
  CHECKPOINT_VERSION,
  CHECKPOINT_MIGRATIONS,
  migrateCheckpoint,
  type CheckpointMigration,
  type MigrationChain,
  type CheckpointDocumentObject,
} from "./checkpoint-migrations.js";
export {
  encodeCheckpoint,
  encodeCheckpointChunks,
  decodeCheckpoint,
  parseCheckpointDocument,
  validateCheckpointDocument,
  type CheckpointDocument,
  type DecodeCheckpointOptions,
} from "./checkpoint-codec.js";
export { encodeJournalEntry, decodeJournal, highestJournalSeq, JournalEncoder, JOURNAL_VERSION, type DecodedJournal, type JournalBase } from "./journal-codec.js";
export { DELTA_JOURNAL_VERSION, sameJson } from "./journal-delta.js";
export { RESTORE_HINT } from "./state-errors.js";
