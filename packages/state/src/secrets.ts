// Secrets managers seal secret values at rest. The passphrase manager derives a key from the
// passphrase and a per-stack salt; the sealed form is opaque text.
import type { SecretsProviderState } from "./snapshot.js";

export interface Encrypter {
  encrypt(plaintext: string): string;
}
export interface Decrypter {
  /** Throws CairnError WrongPassphrase (or similar) when the value cannot be opened. */
  decrypt(ciphertext: string): string;
}

export interface SecretsManager extends Encrypter, Decrypter {
  /** What goes into config files and checkpoints so the same manager can be rebuilt. */
  readonly state: SecretsProviderState;
}
