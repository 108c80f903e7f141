// Keeping secrets out of what the command provider says: collects the plain strings behind secret
// markers in a resource's inputs and blanks them out of any text (error messages, stderr tails).
import { isSecretValue, unwrapSecrets, type PropertyValue } from "@cairn/protocol";

export const REDACTED = "[secret]";

function collectStrings(v: PropertyValue, into: Set<string>): void {
  if (typeof v === "string") {
    if (v.length > 0) into.add(v);
  } else if (Array.isArray(v)) v.forEach((x) => collectStrings(x, into));
  else if (v !== null && typeof v === "object") Object.values(v).forEach((x) => collectStrings(x as PropertyValue, into));
}

/** Every non-empty string inside a secret marker anywhere in `v`. */
export function secretStrings(v: PropertyValue): string[] {
  const found = new Set<string>();
  const walk = (x: PropertyValue): void => {
    if (isSecretValue(x)) collectStrings(unwrapSecrets(x.value), found);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x !== null && typeof x === "object") Object.values(x).forEach((y) => walk(y as PropertyValue));
  };
  walk(v);
  // Longest first, so a secret containing another is blanked whole.
  return [...found].sort((a, b) => b.length - a.length);
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join(REDACTED);
  return out;
}
