// Cairn.yaml: the project file. Parses and validates it (every problem at once, naming the file
// and field) and finds it by walking up from a directory.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { parseDocument } from "yaml";
import { ProblemList } from "./problems.js";

export const PROJECT_FILE = "Cairn.yaml";

export interface ProjectSettings {
  name: string;
  runtime: "nodejs";
  /** The program's entry file, relative to the project directory. */
  main?: string;
  description?: string;
  /** Project-wide config defaults, "namespace:key" (or "key" for the project) -> value. */
  config?: Record<string, unknown>;
}

const NAME_RE = /^[A-Za-z0-9_.-]+$/;
const KNOWN_FIELDS = new Set(["name", "runtime", "main", "description", "config"]);

/** Parses Cairn.yaml text; `file` names the file in errors. */
export function parseProjectFile(text: string, file: string): ProjectSettings {
  const problems = new ProblemList();
  const doc = parseDocument(text);
  for (const e of doc.errors) problems.add(`line ${e.linePos?.[0]?.line ?? "?"}`, `YAML syntax: ${e.message.split("\n")[0]}`);
  problems.throwIfAny({ file, code: ErrorCodes.ProjectInvalid });
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    problems.add("(document)", "must be a mapping with at least `name` and `runtime`");
    problems.throwIfAny({ file, code: ErrorCodes.ProjectInvalid });
  }
  const obj = raw as Record<string, unknown>;
  validateProject(obj, problems);
  problems.throwIfAny({ file, code: ErrorCodes.ProjectInvalid, hint: "fix the fields listed above in Cairn.yaml" });
  return toSettings(obj);
}

function validateProject(obj: Record<string, unknown>, problems: ProblemList): void {
  if (obj.name === undefined) problems.add("name", "is required");
  else if (typeof obj.name !== "string" || !NAME_RE.test(obj.name)) problems.add("name", "must be a string of letters, digits, '-', '_' or '.'");
  if (obj.runtime === undefined) problems.add("runtime", "is required (use `nodejs`)");
  else {
    const rt = typeof obj.runtime === "object" && obj.runtime !== null ? (obj.runtime as Record<string, unknown>).name : obj.runtime;
    if (rt !== "nodejs") problems.add("runtime", `must be \`nodejs\` (got ${JSON.stringify(rt)})`);
  }
  if (obj.main !== undefined && (typeof obj.main !== "string" || obj.main === "")) problems.add("main", "must be a relative file path");
  if (obj.description !== undefined && typeof obj.description !== "string") problems.add("description", "must be a string");
  if (obj.config !== undefined && (obj.config === null || typeof obj.config !== "object" || Array.isArray(obj.config))) {
    problems.add("config", "must be a mapping of keys to values");
  }
  for (const k of Object.keys(obj)) if (!KNOWN_FIELDS.has(k)) problems.add(k, "is not a known field (expected name, runtime, main, description, config)");
}

function toSettings(obj: Record<string, unknown>): ProjectSettings {
  const s: ProjectSettings = { name: obj.name as string, runtime: "nodejs" };
  if (typeof obj.main === "string") s.main = obj.main;
  if (typeof obj.description === "string") s.description = obj.description;
  if (obj.config !== undefined) s.config = obj.config as Record<string, unknown>;
  return s;
}

/** Reads and validates `<dir>/Cairn.yaml`. */
export function loadProjectFile(dir: string): ProjectSettings {
  const file = join(dir, PROJECT_FILE);
  if (!existsSync(file)) {
    throw new CairnError({
      code: ErrorCodes.ProjectInvalid,
      source: "user",
      message: `no ${PROJECT_FILE} found in ${dir}`,
      hint: "run `cairn new typescript` to create a project, or run from a project directory",
    });
  }
  return parseProjectFile(readFileSync(file, "utf8"), file);
}

/** The nearest directory at or above `start` that holds a Cairn.yaml, if any. */
export function findProjectDir(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, PROJECT_FILE))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
