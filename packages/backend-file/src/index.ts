// @cairn/backend-file: Cairn's embedded default backend on the local filesystem.
export { FileBackend, type FileBackendOptions } from "./file-backend.js";
export { writeFileAtomic, type AtomicWriteRequest } from "./atomic-write.js";
export { nameProblems } from "./stack-paths.js";
export { KEEP_BACKUPS } from "./backups.js";
