// Cairn.<stack>.yaml: one stack's config (plain values, structured values and sealed secrets as
// `{secure: "..."}`) and the secrets manager's public state (provider type and salt). Validated
// with every problem reported at once; written back preserving the user's comments.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SecretsProviderState } from "@cairn/state";
import { ErrorCodes } from "@cairn/protocol";
import { Document, parseDocument } from "yaml";
import { ProblemList } from "./problems.js";

export function stackSettingsFileName(stack: string): string {
  return `Cairn.${stack}.yaml`;
}

export interface StackSettings {
  secretsprovider?: string;
  /** The secrets manager's state, encoded (`v1:<base64 json>`). */
  encryptionsalt?: string;
  /** "namespace:key" -> value (scalars, objects, lists; secrets as {secure: sealed}). */
  config: Record<string, unknown>;
}

const KNOWN = new Set(["secretsprovider", "encryptionsalt", "config"]);
const KEY_RE = /^[A-Za-z0-9_.-]+:[A-Za-z0-9_.\-/]+$/;

/** True for a sealed leaf `{secure: "<ciphertext>"}`. */
export function isSecureLeaf(v: unknown): v is { secure: string } {
  return v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as Record<string, unknown>).secure === "string";
}

function checkValue(v: unknown, field: string, problems: ProblemList): void {
  if (v === null || v === undefined) return problems.add(field, "has no value (remove it or give it one)");
  if (typeof v !== "object") return;
  if (!Array.isArray(v) && "secure" in v && !isSecureLeaf(v)) return problems.add(field, "`secure` must be the only field and a string");
  if (Array.isArray(v)) v.forEach((x, i) => checkValue(x, `${field}[${i}]`, problems));
  else if (!isSecureLeaf(v)) for (const [k, x] of Object.entries(v)) checkValue(x, `${field}.${k}`, problems);
}

export function parseStackSettings(text: string, file: string): StackSettings {
  const problems = new ProblemList();
  const doc = parseDocument(text);
  for (const e of doc.errors) problems.add(`line ${e.linePos?.[0]?.line ?? "?"}`, `YAML syntax: ${e.message.split("\n")[0]}`);
  problems.throwIfAny({ file, code: ErrorCodes.ConfigInvalid });
  const raw: unknown = doc.toJS() ?? {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    problems.add("(document)", "must be a mapping");
    problems.throwIfAny({ file, code: ErrorCodes.ConfigInvalid });
  }
  const obj = raw as Record<string, unknown>;
  for (const k of Object.keys(obj)) if (!KNOWN.has(k)) problems.add(k, "is not a known field (expected config, secretsprovider, encryptionsalt)");
  if (obj.secretsprovider !== undefined && typeof obj.secretsprovider !== "string") problems.add("secretsprovider", "must be a string");
  if (obj.encryptionsalt !== undefined && typeof obj.encryptionsalt !== "string") problems.add("encryptionsalt", "must be a string");
  const config = obj.config ?? {};
  if (config === null || typeof config !== "object" || Array.isArray(config)) problems.add("config", "must be a mapping of `namespace:key` to values");
  else {
    for (const [k, v] of Object.entries(config)) {
      if (!KEY_RE.test(k)) problems.add(`config.${k}`, "keys must look like `namespace:key` (for example `aws:region`)");
      checkValue(v, `config.${k}`, problems);
    }
  }
  problems.throwIfAny({ file, code: ErrorCodes.ConfigInvalid, hint: `fix the fields listed above in ${file}` });
  const s: StackSettings = { config: config as Record<string, unknown> };
  if (typeof obj.secretsprovider === "string") s.secretsprovider = obj.secretsprovider;
  if (typeof obj.encryptionsalt === "string") s.encryptionsalt = obj.encryptionsalt;
  return s;
}

/** Reads Cairn.<stack>.yaml from `dir`; a missing file is an empty config. */
export function loadStackSettings(dir: string, stack: string): StackSettings {
  const file = join(dir, stackSettingsFileName(stack));
  if (!existsSync(file)) return { config: {} };
  return parseStackSettings(readFileSync(file, "utf8"), file);
}

/** Writes the settings back, keeping comments and layout of what is unchanged. */
export function saveStackSettings(dir: string, stack: string, settings: StackSettings): void {
  const file = join(dir, stackSettingsFileName(stack));
  const doc = existsSync(file) ? parseDocument(readFileSync(file, "utf8")) : new Document({});
  for (const k of ["secretsprovider", "encryptionsalt"] as const) {
    if (settings[k] === undefined) doc.delete(k);
    else doc.set(k, settings[k]);
  }
  const keys = Object.keys(settings.config);
  if (keys.length === 0) doc.delete("config");
  else {
    const existing = doc.toJS()?.config as Record<string, unknown> | undefined;
    for (const k of Object.keys(existing ?? {})) if (!(k in settings.config)) doc.deleteIn(["config", k]);
    for (const k of keys) {
      if (JSON.stringify(existing?.[k]) !== JSON.stringify(settings.config[k])) doc.setIn(["config", k], doc.createNode(settings.config[k]));
    }
  }
  writeFileSync(file, doc.toString());
}

export function encodeSecretsState(state: SecretsProviderState): string {
  return `v1:${Buffer.from(JSON.stringify(state), "utf8").toString("base64")}`;
}

export function decodeSecretsState(text: string, file: string): SecretsProviderState {
  const bad = new ProblemList();
  if (!text.startsWith("v1:")) bad.add("encryptionsalt", "is not in a format this version of Cairn understands");
  else {
    try {
      const v = JSON.parse(Buffer.from(text.slice(3), "base64").toString("utf8")) as SecretsProviderState;
      if (typeof v?.type === "string" && v.state !== null && typeof v.state === "object") return v;
      bad.add("encryptionsalt", "does not hold a secrets provider state");
    } catch {
      bad.add("encryptionsalt", "is corrupt");
    }
  }
  bad.throwIfAny({ file, code: ErrorCodes.ConfigInvalid, hint: "restore the encryptionsalt line from version control" });
  throw new Error("unreachable");
}
