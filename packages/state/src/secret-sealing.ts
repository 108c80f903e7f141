// Sealing and opening secrets at rest. In memory a secret is `{cairn:sig: "secret", value}`; at
// rest it is `{cairn:sig: "secret", ciphertext}` where ciphertext = encrypt(JSON.stringify(value)).
// Both functions walk any JSON-like value (a snapshot, a journal entry, a property map) deeply and
// copy only what holds a secret they change: the rest of the result is the input's own objects
// (a checkpoint with few secrets is then opened without a second copy of the whole state).
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
  const path: Array<string | number> = [];
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

function openOne(ciphertext: string, dec: Decrypter, path: Array<string | number>): unknown {
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

function sealedSecretError(path: Array<string | number>, why: string, cause: unknown): CairnError {
  const at = path.length === 0 ? "(top level)" : path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
  return new CairnError({
    code: ErrorCodes.StateCorrupt,
    source: "user",
    property: at,
    message: `the secret at ${at} could not be opened: ${why}. It was altered, or sealed by a different secrets provider.`,
    cause,
  });
}

function walk(value: unknown, onSecret: (secret: Json) => unknown, path?: Array<string | number>): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      path?.push(i);
      const x: unknown = value[i];
      const out = walk(x, onSecret, path);
      path?.pop();
      if (out !== x) (copy ??= value.slice())[i] = out;
    }
    return copy ?? value;
  }
  const obj = value as Json;
  if (obj[SIG] === "secret") return onSecret(obj);
  let copy: Json | undefined;
  for (const k of Object.keys(obj)) {
    path?.push(k);
    const x = obj[k];
    const out = walk(x, onSecret, path);
    path?.pop();
    if (out !== x) (copy ??= { ...obj })[k] = out;
  }
  return copy ?? obj;
}
