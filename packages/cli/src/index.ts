// @cairn/cli as a library: the command tree and renderers, for tests and embedding.
export { buildProgram } from "./main.js";
export { exitCodeFor, ExitCode, changeCount } from "./exit-codes.js";
export { summaryLine, formatDuration } from "./render/summary-line.js";
export { stepDiffText, diffEntryLine } from "./render/diff-text.js";
export { formatValue, redact, SECRET_TEXT } from "./render/format-value.js";
