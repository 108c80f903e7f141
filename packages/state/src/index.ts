// @cairn/state: snapshots, journals, checkpoints, secrets and the Backend interface.
export * from "./snapshot.js";
export * from "./journal.js";
export * from "./secrets.js";
export * from "./backend.js";
