// Sealing and opening secrets deep inside any value.
import { CairnError, ErrorCodes, SIG } from "@cairn/protocol";
import { describe, expect, it } from "vitest";
import { plaintextCrypter } from "./plaintext-crypter.js";
import { PassphraseSecretsManager, TEST_SCRYPT } from "./passphrase-secrets-manager.js";
import { openSecrets, sealSecrets } from "./secret-sealing.js";

const m = PassphraseSecretsManager.create({ passphrase: "p", kdf: TEST_SCRYPT });
const secret = (value: unknown): Record<string, unknown> => ({ [SIG]: "secret", value });

describe("sealSecrets / openSecrets", () => {
  const value = {
    a: 1,
    list: [secret("s-one"), { deep: secret({ inner: [secret("s-two")], n: null }) }],
    ref: { [SIG]: "resource", urn: "urn:cairn:dev::p::t:m:R::x", id: secret("s-three") },
    none: null,
  };

  it("seals every secret, nested or inside other markers, and opens them again", () => {
    const sealed = sealSecrets(value, m);
    const text = JSON.stringify(sealed);
    for (const word of ["s-one", "s-two", "s-three", "\"inner\""]) expect(text).not.toContain(word);
    expect((sealed.list[0] as Record<string, unknown>)["ciphertext"]).toMatch(/^v1:/);
    expect(sealed.a).toBe(1);
    expect(openSecrets(sealed, m)).toEqual(value);
    expect(value.list[0]).toEqual(secret("s-one"));
  });

  it("leaves sealed secrets alone when sealing and open ones alone when opening", () => {
    const sealed = sealSecrets(value, m);
    expect(sealSecrets(sealed, m)).toEqual(sealed);
    expect(openSecrets(value, m)).toEqual(value);
  });

  it("with the plaintext crypter, keeps the value as JSON text (for memory only)", () => {
    const sealed = sealSecrets({ s: secret({ x: 1 }) }, plaintextCrypter);
    expect(sealed.s).toEqual({ [SIG]: "secret", ciphertext: '{"x":1}' });
    expect(openSecrets(sealed, plaintextCrypter)).toEqual({ s: secret({ x: 1 }) });
  });

  it("names the path of a secret that cannot be opened", () => {
    const bad = { outputs: { list: [{ [SIG]: "secret", ciphertext: "v1:AAAA" }] } };
    let error: unknown;
    try {
      openSecrets(bad, m);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CairnError);
    expect((error as CairnError).code).toBe(ErrorCodes.StateCorrupt);
    expect((error as CairnError).message).toContain("outputs.list[0]");
  });

  it("passes a wrong-passphrase error through unchanged", () => {
    const wrong = new CairnError({ code: ErrorCodes.WrongPassphrase, source: "user", message: "nope" });
    const dec = { decrypt: (): string => { throw wrong; } };
    expect(() => openSecrets({ s: { [SIG]: "secret", ciphertext: "x" } }, dec)).toThrow(wrong);
  });

  it("reports sealed text that is not JSON", () => {
    expect(() => openSecrets({ s: { [SIG]: "secret", ciphertext: "{not json" } }, plaintextCrypter)).toThrow(/s could not be opened: its plaintext is not JSON/);
  });
});
