// The identity crypter: "seals" a secret as its plaintext JSON. For tests and stacks that live only
// in memory; never use it for anything written to disk.
import type { Decrypter, Encrypter } from "./secrets.js";

export const plaintextCrypter: Encrypter & Decrypter = Object.freeze({
  encrypt: (plaintext: string): string => plaintext,
  decrypt: (ciphertext: string): string => ciphertext,
});
