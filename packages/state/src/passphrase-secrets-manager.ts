// The passphrase secrets manager: key = scrypt(passphrase, per-stack random salt), values sealed
// with AES-256-GCM and a fresh 96-bit nonce each ("v1:" + base64(nonce | ciphertext | tag)).
// Its public state carries the salt, the KDF parameters and a sealed check value, so a wrong
// passphrase is detected before anything is decrypted or written.
import { createCipheriv, createDecipheriv, randomBytes, scrypt, scryptSync } from "node:crypto";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { SecretsManager } from "./secrets.js";
import type { SecretsProviderState } from "./snapshot.js";

export const PASSPHRASE_PROVIDER_TYPE = "passphrase";

/** scrypt cost parameters. N must be a power of two. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Strong defaults (OWASP's scrypt recommendation: N=2^17, r=8, p=1; about 128 MiB). */
export const DEFAULT_SCRYPT: ScryptParams = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });
/** Cheap parameters for tests only. */
export const TEST_SCRYPT: ScryptParams = Object.freeze({ N: 2 ** 10, r: 8, p: 1 });

export interface CreatePassphraseManagerRequest {
  passphrase: string;
  /** Base64 salt; a fresh random 16-byte salt when absent. */
  salt?: string;
  kdf?: ScryptParams;
}

/** A key derived outside this module, with the salt (base64) and scrypt cost it was derived with. */
export interface DerivedKey {
  salt: string;
  kdf: ScryptParams;
  key: Promise<Buffer>;
}

const CHECK_PLAINTEXT = "cairn-passphrase-check";
const PREFIX = "v1:";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export const WRONG_PASSPHRASE_MESSAGE =
  "incorrect passphrase; set CAIRN_CONFIG_PASSPHRASE or CAIRN_CONFIG_PASSPHRASE_FILE to the passphrase this stack was created with";

export class PassphraseSecretsManager implements SecretsManager {
  readonly state: SecretsProviderState;
  readonly #key: Buffer;

  private constructor(key: Buffer, salt: string, kdf: ScryptParams, check?: string) {
    this.#key = key;
    const sealedCheck = check ?? this.encrypt(CHECK_PLAINTEXT);
    this.state = { type: PASSPHRASE_PROVIDER_TYPE, state: { salt, check: sealedCheck, kdf: { name: "scrypt", ...kdf } } };
  }

  /** A manager for a new stack (or a given salt), with its check value. */
  static create(req: CreatePassphraseManagerRequest): PassphraseSecretsManager {
    const { salt, kdf } = createSettings(req);
    return new PassphraseSecretsManager(deriveKey(req.passphrase, salt, kdf), salt, kdf);
  }

  /** Like create, but derives the key on the thread pool so the caller's thread keeps working. */
  static async createAsync(req: CreatePassphraseManagerRequest): Promise<PassphraseSecretsManager> {
    const { salt, kdf } = createSettings(req);
    return new PassphraseSecretsManager(await deriveKeyAsync(req.passphrase, salt, kdf), salt, kdf);
  }

  /** Rebuilds a stack's manager; throws WrongPassphrase when the passphrase does not open the check. */
  static fromState(state: SecretsProviderState, passphrase: string): PassphraseSecretsManager {
    const { salt, check, kdf } = readState(state);
    return PassphraseSecretsManager.checked(deriveKey(passphrase, salt, kdf), { salt, check, kdf });
  }

  /** Like fromState, but derives the key on the thread pool; the passphrase is still checked before it resolves. */
  static async fromStateAsync(state: SecretsProviderState, passphrase: string): Promise<PassphraseSecretsManager> {
    const { salt, check, kdf } = readState(state);
    return PassphraseSecretsManager.checked(await deriveKeyAsync(passphrase, salt, kdf), { salt, check, kdf });
  }

  /**
   * Like fromStateAsync, with a key a host already derived (starting the KDF before this module
   * loads): used only when `derived` names exactly the salt and cost the state holds; otherwise
   * the key is derived here. The passphrase is checked either way.
   */
  static async fromDerivedKey(state: SecretsProviderState, passphrase: string, derived: DerivedKey): Promise<PassphraseSecretsManager> {
    const { salt, check, kdf } = readState(state);
    const same = derived.salt === salt && derived.kdf.N === kdf.N && derived.kdf.r === kdf.r && derived.kdf.p === kdf.p;
    let key: Buffer | undefined;
    try {
      key = same ? await derived.key : undefined;
    } catch {
      key = undefined; // derived differently (e.g. a memory limit): derive it the usual way
    }
    return PassphraseSecretsManager.checked(key ?? (await deriveKeyAsync(passphrase, salt, kdf)), { salt, check, kdf });
  }

  private static checked(key: Buffer, s: { salt: string; check: string; kdf: ScryptParams }): PassphraseSecretsManager {
    const { salt, check, kdf } = s;
    let opened: string | undefined;
    try {
      opened = openWithKey(key, check);
    } catch {
      opened = undefined;
    }
    if (opened !== CHECK_PLAINTEXT) {
      throw new CairnError({ code: ErrorCodes.WrongPassphrase, source: "user", message: WRONG_PASSPHRASE_MESSAGE });
    }
    return new PassphraseSecretsManager(key, salt, kdf, check);
  }

  encrypt(plaintext: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#key, nonce);
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return PREFIX + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString("base64");
  }

  decrypt(ciphertext: string): string {
    try {
      return openWithKey(this.#key, ciphertext);
    } catch (e) {
      throw new CairnError({
        code: ErrorCodes.StateCorrupt,
        source: "user",
        message: `a sealed secret could not be opened (${e instanceof Error ? e.message : String(e)}): it was altered or truncated, or sealed with another stack's key`,
        cause: e,
      });
    }
  }
}

function createSettings(req: CreatePassphraseManagerRequest): { salt: string; kdf: ScryptParams } {
  const salt = req.salt ?? randomBytes(16).toString("base64");
  const problems: string[] = [];
  const kdf = readKdf(req.kdf, problems);
  if (salt === "") problems.push("salt must be a non-empty base64 string");
  if (problems.length > 0) {
    throw new CairnError({ code: ErrorCodes.ConfigInvalid, source: "user", message: `invalid passphrase secrets provider settings: ${problems.join("; ")}` });
  }
  return { salt, kdf };
}

function scryptOptions(kdf: ScryptParams): { N: number; r: number; p: number; maxmem: number } {
  return { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 128 * kdf.N * kdf.r * kdf.p + 32 * 1024 * 1024 };
}

function deriveKey(passphrase: string, salt: string, kdf: ScryptParams): Buffer {
  return scryptSync(passphrase.normalize("NFC"), Buffer.from(salt, "base64"), 32, scryptOptions(kdf));
}

function deriveKeyAsync(passphrase: string, salt: string, kdf: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize("NFC"), Buffer.from(salt, "base64"), 32, scryptOptions(kdf), (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function openWithKey(key: Buffer, ciphertext: string): string {
  if (!ciphertext.startsWith(PREFIX)) throw new Error(`unknown ciphertext format (expected the "${PREFIX}" prefix)`);
  const raw = Buffer.from(ciphertext.slice(PREFIX.length), "base64");
  if (raw.length < NONCE_BYTES + TAG_BYTES) throw new Error("ciphertext too short");
  const nonce = raw.subarray(0, NONCE_BYTES);
  const tag = raw.subarray(raw.length - TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key, nonce);
  decipher.setAuthTag(tag);
  const body = raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}

function readState(state: SecretsProviderState): { salt: string; check: string; kdf: ScryptParams } {
  const problems: string[] = [];
  if (state.type !== PASSPHRASE_PROVIDER_TYPE) problems.push(`type is ${JSON.stringify(state.type)}, expected "passphrase"`);
  const { salt, check, kdf } = state.state;
  if (typeof salt !== "string" || salt === "") problems.push("state.salt must be a non-empty base64 string");
  if (typeof check !== "string") problems.push("state.check must be a sealed string");
  const params = readKdf(kdf, problems);
  if (problems.length > 0 || typeof salt !== "string" || typeof check !== "string") {
    throw new CairnError({
      code: ErrorCodes.ConfigInvalid,
      source: "user",
      message: `the stack's passphrase secrets provider settings are invalid: ${problems.join("; ")}`,
    });
  }
  return { salt, check, kdf: params };
}

function readKdf(kdf: unknown, problems: string[]): ScryptParams {
  if (kdf === undefined) return DEFAULT_SCRYPT;
  const k = kdf as Partial<Record<string, unknown>>;
  const ok =
    typeof kdf === "object" && kdf !== null && (k["name"] === undefined || k["name"] === "scrypt") &&
    [k["N"], k["r"], k["p"]].every((x) => typeof x === "number" && Number.isInteger(x) && x > 0) &&
    isPowerOfTwo(k["N"] as number) && (k["N"] as number) > 1;
  if (!ok) {
    problems.push("kdf must be {name: \"scrypt\", N, r, p}: positive integers, N a power of two above 1");
    return DEFAULT_SCRYPT;
  }
  return { N: k["N"] as number, r: k["r"] as number, p: k["p"] as number };
}

function isPowerOfTwo(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0 && (n & (n - 1)) === 0;
}
