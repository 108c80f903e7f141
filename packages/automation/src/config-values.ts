// Config values: setting, reading and removing keys (plain, secret, and nested with --path) in a
// stack's config map, and resolving the map (plus project defaults) into what the engine takes.
import type { Decrypter, Encrypter } from "@cairn/state";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { getAtPath, parseConfigPath, removeAtPath, setAtPath, type PathSegment } from "./config-path.js";
import { isSecureLeaf } from "./stack-settings-file.js";

export interface ConfigValue {
  /** The value as text (JSON text for objects and lists). */
  value: string;
  secret: boolean;
}

export type ConfigMap = Record<string, ConfigValue>;

/** "key" -> "<project>:key"; "ns:key" stays as is. */
export function qualifyKey(key: string, project: string): string {
  if (key === "") throw new CairnError({ code: ErrorCodes.ConfigInvalid, source: "user", message: "a config key cannot be empty" });
  return key.includes(":") ? key : `${project}:${key}`;
}

interface KeyRequest {
  key: string;
  /** Treat `key` as a path ("a.b[0]") into a structured value. */
  path?: boolean;
  project: string;
}

function splitKey(req: KeyRequest): { key: string; rest: PathSegment[] } {
  if (!req.path) return { key: qualifyKey(req.key, req.project), rest: [] };
  const [first, ...rest] = parseConfigPath(req.key);
  return { key: qualifyKey(first as string, req.project), rest };
}

/** With --path, "true"/"false" and integers are stored typed, like YAML would. */
function typedLeaf(value: string): unknown {
  if (value === "true") return true;
  if (value === "false") return false;
  if (/^-?(0|[1-9]\d{0,14})$/.test(value)) return Number(value);
  return value;
}

export interface SetConfigRequest extends KeyRequest {
  value: string;
  secret?: boolean;
}

/** Returns a new config map with the value set; secrets are sealed with `encrypter`. */
export function setConfigValue(config: Record<string, unknown>, req: SetConfigRequest, encrypter: Encrypter | undefined): Record<string, unknown> {
  const { key, rest } = splitKey(req);
  let leaf: unknown;
  if (req.secret) {
    if (encrypter === undefined) throw new CairnError({ code: ErrorCodes.PassphraseMissing, source: "user", message: `setting secret ${key} needs the stack's secrets manager` });
    leaf = { secure: encrypter.encrypt(req.value) };
  } else leaf = req.path && rest.length > 0 ? typedLeaf(req.value) : req.value;
  const current = config[key];
  if (rest.length > 0 && (isSecureLeaf(current) || (current !== undefined && typeof current !== "object"))) {
    throw new CairnError({ code: ErrorCodes.ConfigInvalid, source: "user", message: `config ${key} is not an object or list, so --path ${req.key} cannot walk into it`, hint: `remove it first with \`cairn config rm ${key}\`` });
  }
  return { ...config, [key]: setAtPath(current, rest, leaf) };
}

/** Returns a new config map without the key (or the nested value with --path). */
export function removeConfigValue(config: Record<string, unknown>, req: KeyRequest): Record<string, unknown> {
  const { key, rest } = splitKey(req);
  const out = { ...config };
  if (rest.length === 0) delete out[key];
  else if (out[key] !== undefined) out[key] = removeAtPath(out[key], rest);
  return out;
}

function containsSecure(v: unknown): boolean {
  if (isSecureLeaf(v)) return true;
  if (v === null || typeof v !== "object") return false;
  return Object.values(v as Record<string, unknown>).some(containsSecure);
}

/** Replaces every {secure} leaf by its plaintext. */
export function openTree(v: unknown, decrypter: Decrypter | undefined, key: string): unknown {
  if (isSecureLeaf(v)) {
    if (decrypter === undefined) throw new CairnError({ code: ErrorCodes.PassphraseMissing, source: "user", message: `config ${key} is secret and needs the stack's passphrase` });
    return decrypter.decrypt(v.secure);
  }
  if (Array.isArray(v)) return v.map((x) => openTree(x, decrypter, key));
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, openTree(x, decrypter, key)]));
  return v;
}

function asText(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** Reads one value (or nested value with --path); undefined when absent. Secrets open only with a decrypter. */
export function getConfigValue(config: Record<string, unknown>, req: KeyRequest, decrypter: Decrypter | undefined): ConfigValue | undefined {
  const { key, rest } = splitKey(req);
  const raw = getAtPath(config[key], rest);
  if (raw === undefined) return undefined;
  const secret = containsSecure(raw);
  // Without a decrypter a secret reads as "" (callers check `secret` and ask for the key).
  return { value: secret && decrypter === undefined ? "" : asText(openTree(raw, decrypter, key)), secret };
}

/**
 * Resolves project defaults (Cairn.yaml `config`) under the stack's config into "ns:key" -> value,
 * decrypting secrets when a decrypter is given (otherwise secret values are left empty).
 */
export function resolveConfig(req: { project: string; defaults?: Record<string, unknown>; config: Record<string, unknown>; decrypter?: Decrypter }): ConfigMap {
  const out: ConfigMap = {};
  for (const [k, v] of Object.entries(req.defaults ?? {})) {
    const value = v !== null && typeof v === "object" && !Array.isArray(v) && ("default" in v || "value" in v) ? ((v as Record<string, unknown>).default ?? (v as Record<string, unknown>).value) : v;
    if (value !== undefined) out[qualifyKey(k, req.project)] = { value: asText(value), secret: false };
  }
  for (const [k, v] of Object.entries(req.config)) {
    const secret = containsSecure(v);
    out[k] = { value: secret && req.decrypter === undefined ? "" : asText(openTree(v, req.decrypter, k)), secret };
  }
  return out;
}
