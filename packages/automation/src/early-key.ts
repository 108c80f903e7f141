// A head start on the stack's key derivation, light enough to load before anything else (it imports
// only @cairn/state): the CLI calls it with the `encryptionsalt` text of the stack it is about to
// open, and hands the result back through WorkspaceOptions.prefetchedSecrets.
import { PassphraseSecretsManager, type SecretsManager, type SecretsProviderState } from "@cairn/state";

/** Starts deriving the key for `encryptionsalt` ("v1:<base64>"); undefined when it is not a passphrase salt. */
export function startPassphraseKey(encryptionsalt: string, passphrase: string): Promise<SecretsManager> | undefined {
  if (!encryptionsalt.startsWith("v1:")) return undefined;
  const v = JSON.parse(Buffer.from(encryptionsalt.slice(3), "base64").toString("utf8")) as SecretsProviderState | null;
  if (v === null || typeof v !== "object" || v.type !== "passphrase" || typeof v.state !== "object" || v.state === null) return undefined;
  const manager = PassphraseSecretsManager.fromStateAsync(v, passphrase);
  manager.catch(() => undefined); // reported when the stack opens its secrets, if it uses these
  return manager;
}
