// A head start on the stack's key derivation, light enough to load before anything else: it starts
// scrypt with node:crypto alone (the state and protocol modules load meanwhile), then lets
// @cairn/state check the key. The CLI calls it with the `encryptionsalt` text of the stack it is
// about to open and hands the result back through WorkspaceOptions.prefetchedSecrets.
import { scrypt } from "node:crypto";
import type { SecretsManager, SecretsProviderState } from "@cairn/state";

/** The defaults @cairn/state applies when a salt names no cost (DEFAULT_SCRYPT). */
const DEFAULT_COST = { N: 2 ** 17, r: 8, p: 1 };

/** Starts deriving the key for `encryptionsalt` ("v1:<base64>"); undefined when it is not a passphrase salt. */
export function startPassphraseKey(encryptionsalt: string, passphrase: string): Promise<SecretsManager> | undefined {
  if (!encryptionsalt.startsWith("v1:")) return undefined;
  const v = JSON.parse(Buffer.from(encryptionsalt.slice(3), "base64").toString("utf8")) as SecretsProviderState | null;
  if (v === null || typeof v !== "object" || v.type !== "passphrase" || typeof v.state !== "object" || v.state === null) return undefined;
  const { salt, kdf } = v.state as { salt?: unknown; kdf?: { N?: unknown; r?: unknown; p?: unknown } };
  const cost = kdf === undefined ? DEFAULT_COST : { N: kdf.N, r: kdf.r, p: kdf.p };
  // Anything unusual goes the usual way (@cairn/state validates it and reports what is wrong).
  const plain = typeof salt === "string" && [cost.N, cost.r, cost.p].every((x) => typeof x === "number" && Number.isSafeInteger(x) && x > 0);
  const derived = plain ? { salt, kdf: cost as typeof DEFAULT_COST, key: derive(passphrase, salt, cost as typeof DEFAULT_COST) } : undefined;
  derived?.key.catch(() => undefined); // fromDerivedKey then derives it itself
  const manager = import("@cairn/state").then(({ PassphraseSecretsManager }) =>
    derived ? PassphraseSecretsManager.fromDerivedKey(v, passphrase, derived) : PassphraseSecretsManager.fromStateAsync(v, passphrase),
  );
  manager.catch(() => undefined); // reported when the stack opens its secrets, if it uses these
  return manager;
}

function derive(passphrase: string, salt: string, kdf: typeof DEFAULT_COST): Promise<Buffer> {
  const maxmem = 128 * kdf.N * kdf.r * kdf.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize("NFC"), Buffer.from(salt, "base64"), 32, { ...kdf, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}
