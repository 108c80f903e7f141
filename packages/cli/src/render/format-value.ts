// Formats property values for humans: secrets as [secret] unless asked to show them, unknowns as
// [unknown], assets and resource references by what they point at.
import { SIG, isSecretValue, isUnknown, isResourceRef, isAssetValue, isArchiveValue } from "@cairn/protocol";

export interface FormatOptions {
  showSecrets?: boolean;
}

export const SECRET_TEXT = "[secret]";

/** Replaces secret markers (and unknowns) by display placeholders, keeping the rest as JSON data. */
export function redact(v: unknown, opts: FormatOptions = {}): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => redact(x, opts));
  if (isSecretValue(v)) return opts.showSecrets ? redact(v.value, opts) : SECRET_TEXT;
  if (isUnknown(v)) return "[unknown]";
  if (isResourceRef(v)) return `[resource ${v.urn}]`;
  if (isAssetValue(v)) return `[asset ${v.path ?? v.uri ?? (v.text !== undefined ? "text" : "")}]`;
  if (isArchiveValue(v)) return `[archive ${v.path ?? v.uri ?? "assets"}]`;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (k !== SIG) out[k] = redact(x, opts);
  return out;
}

/** One-line text for a value: strings quoted, placeholders bare, objects as compact JSON. */
export function formatValue(v: unknown, opts: FormatOptions = {}): string {
  const r = redact(v, opts);
  if (typeof r === "string") return /^\[(secret|unknown|resource|asset|archive)/.test(r) && r !== (v as unknown) ? r : JSON.stringify(r);
  if (r === undefined) return "undefined";
  return JSON.stringify(r);
}
