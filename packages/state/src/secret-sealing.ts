// Sealing and opening secrets at rest. In memory a secret is `{cairn:sig: "secret", value}`; at
// rest it is `{cairn:sig: "secret", ciphertext}` where ciphertext = encrypt(JSON.stringify(value)).
// Both functions walk any JSON-like value (a snapshot, a journal entry, a property map) deeply.
import { CairnError, ErrorCodes, SIG } from "@cairn/protocol";
import type { Decrypter, Encrypter } from "./secrets.js";

type Json = Record<string, unknown>;

/** Replaces every secret's value with its ciphertext. Already sealed secrets are kept as they are. */
export function sealSecrets<T>(value: T, enc: Encrypter): T {
  return walk(value, (secret) => {
    if (!("value" in secret)) return secret;
    return { [SIG]: "secret", ciphertext: enc.encrypt(JSON.stringify(secret.value ?? null)) };
  }) as T;
}

/** Replaces every sealed secret's ciphertext with its value. Open secrets are kept as they are. */
export function openSecrets<T>(value: T, dec: Decrypter): T {
  const path: string[] = [];
  return walk(
    value,
    (secret) => {
      const ciphertext = secret["ciphertext"];
      if (typeof ciphertext !== "string") return secret;
      return { [SIG]: "secret", value: openOne(ciphertext, dec, path) };
    },
    path,
  ) as T;
}

function openOne(ciphertext: string, dec: Decrypter, path: string[]): unknown {
  let plaintext: string;
  try {
    plaintext = dec.decrypt(ciphertext);
  } catch (e) {
    if (e instanceof CairnError && e.code === ErrorCodes.WrongPassphrase) throw e;
    throw sealedSecretError(path, e instanceof Error ? e.message : String(e), e);
  }
  try {
    return JSON.parse(plaintext) as unknown;
  } catch (e) {
    throw sealedSecretError(path, "its plaintext is not JSON", e);
  }
}

function sealedSecretError(path: string[], why: string, cause: unknown): CairnError {
  const at = path.length === 0 ? "(top level)" : path.join("");
  return new CairnError({
    code: ErrorCodes.StateCorrupt,
    source: "user",
    property: at,
    message: `the secret at ${at} could not be opened: ${why}. It was altered, or sealed by a different secrets provider.`,
    cause,
  });
}

function walk(value: unknown, onSecret: (secret: Json) => unknown, path?: string[]): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    return value.map((x, i) => {
      path?.push(`[${i}]`);
      const out = walk(x, onSecret, path);
      path?.pop();
      return out;
    });
  }
  const obj = value as Json;
  if (obj[SIG] === "secret") return onSecret(obj);
  const out: Json = {};
  for (const [k, x] of Object.entries(obj)) {
    path?.push(path.length === 0 ? k : `.${k}`);
    out[k] = walk(x, onSecret, path);
    path?.pop();
  }
  return out;
}
