// Builders for the state package's coded errors: corrupt documents, failed integrity checks and
// format versions. Every message names the file (source) at fault and what the user can do.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { jsonErrorPosition } from "./json-error-position.js";

/** What a user can do about a corrupt state file. */
export const RESTORE_HINT =
  "Cairn keeps earlier checkpoints of every stack as backups; restore one with `cairn stack import`.";

export function describeSource(source: string | undefined, fallback: string): string {
  return source === undefined ? fallback : source;
}

export interface StateCorruptRequest {
  source?: string;
  /** What is wrong, without the source prefix. */
  detail: string;
  cause?: unknown;
}

export function stateCorrupt(req: StateCorruptRequest): CairnError {
  const where = describeSource(req.source, "the state document");
  return new CairnError({
    code: ErrorCodes.StateCorrupt,
    source: "user",
    message: `${where} is corrupt: ${req.detail}. ${RESTORE_HINT}`,
    hint: RESTORE_HINT,
    cause: req.cause,
  });
}

/** Line and column (both 1-based) of a character offset in text. */
export function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Parses JSON, turning a syntax error into StateCorrupt naming the source, line, column and offset.
 * A document cut short (a torn write) is reported at its end.
 */
export function parseJsonDocument(text: string, source: string | undefined): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const position = jsonErrorPosition(text);
    const { line, column } = lineColumn(text, position);
    const truncated = position >= text.trimEnd().length ? " (the document ends early: it was probably cut short)" : "";
    const near = JSON.stringify(text.slice(Math.max(0, position - 24), position + 24));
    throw stateCorrupt({ source, detail: `invalid JSON at line ${line}, column ${column} (offset ${position})${truncated}, near ${near}`, cause: e });
  }
}
