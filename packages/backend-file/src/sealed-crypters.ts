// Crypters for handling sealed documents without the stack's key. The codec seals a secret as
// encrypt(JSON.stringify(value)) and opens it as JSON.parse(decrypt(ciphertext)); `carrySealed`
// makes the "opened" value the ciphertext itself and seals it back unchanged, so a checkpoint or
// journal can be decoded, checked, rewritten and encoded again with its secrets never opened.
import type { Decrypter, Encrypter } from "@cairn/state";

export const carrySealed: Encrypter & Decrypter = Object.freeze({
  decrypt: (ciphertext: string): string => JSON.stringify(ciphertext),
  encrypt: (plaintext: string): string => {
    const value = JSON.parse(plaintext) as unknown;
    if (typeof value !== "string") throw new TypeError("carrySealed can only re-seal a value it carried");
    return value;
  },
});
