// The passphrase secrets manager: AES-256-GCM sealing, fresh nonces, the check value that
// catches a wrong passphrase up front, and tamper detection.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCRYPT, PassphraseSecretsManager, TEST_SCRYPT, WRONG_PASSPHRASE_MESSAGE } from "./passphrase-secrets-manager.js";

const make = (passphrase = "correct horse"): PassphraseSecretsManager =>
  PassphraseSecretsManager.create({ passphrase, kdf: TEST_SCRYPT });

function errorOf(f: () => unknown): CairnError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CairnError);
    return e as CairnError;
  }
  throw new Error("expected an error");
}

describe("PassphraseSecretsManager", () => {
  it("seals and opens values, with a fresh nonce each time", () => {
    const m = make();
    const a = m.encrypt("hunter2 ✓");
    const b = m.encrypt("hunter2 ✓");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(a).not.toContain("hunter2");
    // nonce (12) + ciphertext (same length as the UTF-8 plaintext) + tag (16)
    expect(Buffer.from(a.slice(3), "base64").length).toBe(12 + Buffer.byteLength("hunter2 ✓") + 16);
    expect(m.decrypt(a)).toBe("hunter2 ✓");
    expect(m.decrypt(b)).toBe("hunter2 ✓");
  });

  it("publishes salt, KDF parameters and a sealed check, never the passphrase or key", () => {
    const m = make("s3cret-pass");
    expect(m.state.type).toBe("passphrase");
    expect(Object.keys(m.state.state).sort()).toEqual(["check", "kdf", "salt"]);
    expect(Buffer.from(m.state.state["salt"] as string, "base64").length).toBe(16);
    expect(m.state.state["kdf"]).toEqual({ name: "scrypt", ...TEST_SCRYPT });
    expect(JSON.stringify(m.state)).not.toContain("s3cret-pass");
    expect(make().state.state["salt"]).not.toBe(make().state.state["salt"]);
  });

  it("is rebuilt from its state with the right passphrase and opens what the original sealed", () => {
    const m = make();
    const sealed = m.encrypt("value");
    const again = PassphraseSecretsManager.fromState(m.state, "correct horse");
    expect(again.decrypt(sealed)).toBe("value");
    expect(m.decrypt(again.encrypt("back"))).toBe("back");
    expect(again.state).toEqual(m.state);
  });

  it("rejects a wrong passphrase up front with WrongPassphrase, changing nothing", () => {
    const m = make();
    const before = JSON.stringify(m.state);
    const e = errorOf(() => PassphraseSecretsManager.fromState(m.state, "wrong"));
    expect(e.code).toBe(ErrorCodes.WrongPassphrase);
    expect(e.message).toBe(WRONG_PASSPHRASE_MESSAGE);
    expect(e.message).toContain("CAIRN_CONFIG_PASSPHRASE_FILE");
    expect(JSON.stringify(m.state)).toBe(before);
  });

  it("derives the same key from the same passphrase and salt", () => {
    const salt = Buffer.alloc(16, 7).toString("base64");
    const a = PassphraseSecretsManager.create({ passphrase: "p", salt, kdf: TEST_SCRYPT });
    const b = PassphraseSecretsManager.create({ passphrase: "p", salt, kdf: TEST_SCRYPT });
    expect(b.decrypt(a.encrypt("x"))).toBe("x");
    const c = PassphraseSecretsManager.create({ passphrase: "q", salt, kdf: TEST_SCRYPT });
    expect(errorOf(() => c.decrypt(a.encrypt("x"))).code).toBe(ErrorCodes.StateCorrupt);
  });

  it("detects tampered, truncated and foreign ciphertext", () => {
    const m = make();
    const sealed = m.encrypt("value");
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw[14] = raw[14]! ^ 1;
    const tampered = "v1:" + raw.toString("base64");
    for (const bad of [tampered, sealed.slice(0, 20), "v2:abcd", "plain text"]) {
      const e = errorOf(() => m.decrypt(bad));
      expect(e.code).toBe(ErrorCodes.StateCorrupt);
      expect(e.message).toContain("could not be opened");
    }
  });

  it("rejects malformed provider state, naming every problem", () => {
    const e = errorOf(() => PassphraseSecretsManager.fromState({ type: "kms", state: { salt: 3, kdf: { N: -1 } } }, "p"));
    expect(e.code).toBe(ErrorCodes.ConfigInvalid);
    expect(e.message).toContain('expected "passphrase"');
    expect(e.message).toContain("salt");
    expect(e.message).toContain("check");
    expect(e.message).toContain("kdf");
  });

  it("rejects unusable KDF parameters when creating", () => {
    const e = errorOf(() => PassphraseSecretsManager.create({ passphrase: "p", kdf: { N: 1000, r: 8, p: 1 } }));
    expect(e.code).toBe(ErrorCodes.ConfigInvalid);
    expect(e.message).toContain("power of two");
  });

  it("defaults to strong scrypt parameters", () => {
    expect(DEFAULT_SCRYPT.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(DEFAULT_SCRYPT.r).toBeGreaterThanOrEqual(8);
    const m = PassphraseSecretsManager.create({ passphrase: "p" });
    expect(m.state.state["kdf"]).toEqual({ name: "scrypt", ...DEFAULT_SCRYPT });
    expect(PassphraseSecretsManager.fromState(m.state, "p").decrypt(m.encrypt("ok"))).toBe("ok");
  });

  it("derives the same key on the thread pool: async and sync managers open each other's values", async () => {
    const sync = make("pool pass");
    const reopened = await PassphraseSecretsManager.fromStateAsync(sync.state, "pool pass");
    expect(reopened.decrypt(sync.encrypt("shared"))).toBe("shared");
    const fresh = await PassphraseSecretsManager.createAsync({ passphrase: "pool pass", kdf: TEST_SCRYPT });
    expect(PassphraseSecretsManager.fromState(fresh.state, "pool pass").decrypt(fresh.encrypt("back"))).toBe("back");
  });

  it("rejects a wrong passphrase asynchronously before handing out a manager", async () => {
    const m = make("right one");
    const err = await PassphraseSecretsManager.fromStateAsync(m.state, "wrong one").then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(CairnError);
    expect((err as CairnError).code).toBe(ErrorCodes.WrongPassphrase);
    expect((err as CairnError).message).toBe(WRONG_PASSPHRASE_MESSAGE);
  });

  it("uses a key derived elsewhere only for the same salt and cost, and still checks the passphrase", async () => {
    const m = make("derived pass");
    const salt = m.state.state["salt"] as string;
    const garbage = { salt, kdf: TEST_SCRYPT, key: Promise.resolve(Buffer.alloc(32)) };
    const wrongKey = await PassphraseSecretsManager.fromDerivedKey(m.state, "derived pass", garbage).then(() => undefined, (e: unknown) => e);
    expect((wrongKey as CairnError).code).toBe(ErrorCodes.WrongPassphrase); // the key given is used, and checked
    const failed = Promise.reject(new Error("no memory"));
    failed.catch(() => undefined); // consumed by the third case below, not before
    for (const other of [{ ...garbage, salt: "b3RoZXI=" }, { ...garbage, kdf: { ...TEST_SCRYPT, N: 2 ** 11 } }, { ...garbage, key: failed }]) {
      const reopened = await PassphraseSecretsManager.fromDerivedKey(m.state, "derived pass", other);
      expect(reopened.decrypt(m.encrypt("mine"))).toBe("mine"); // derived again, the usual way
    }
  });
});
