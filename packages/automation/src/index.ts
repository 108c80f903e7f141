// @cairn/automation: the composition root and programmatic API. The CLI and the console are hosts
// of it; nothing here prints, reads the environment or exits.
export * from "./types.js";
export * from "./workspace.js";
export * from "./stack.js";
export * from "./project-file.js";
export * from "./stack-settings-file.js";
export * from "./config-path.js";
export * from "./config-values.js";
export * from "./stack-secrets.js";
export * from "./backend-url.js";
export * from "./outputs.js";
export { stateDelete, stateDeletePending, stateUnprotect, stateRename } from "./state-edit.js";
export { resolveResourceRefs, errorInfo } from "./deployment-runner.js";
export { readGitInfo } from "./git-info.js";
export { CAIRN_VERSION } from "./version.js";
