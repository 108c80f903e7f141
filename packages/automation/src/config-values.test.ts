import { describe, expect, it } from "vitest";
import { PassphraseSecretsManager, TEST_SCRYPT } from "@cairn/state";
import { parseConfigPath } from "./config-path.js";
import { getConfigValue, removeConfigValue, resolveConfig, setConfigValue } from "./config-values.js";
import { parseStackSettings } from "./stack-settings-file.js";

const manager = PassphraseSecretsManager.create({ passphrase: "pw", kdf: TEST_SCRYPT });
const project = "app";

describe("config paths", () => {
  it("splits keys, nested keys, indexes and quoted keys", () => {
    expect(parseConfigPath("a.b[0]")).toEqual(["a", "b", 0]);
    expect(parseConfigPath('aws:tags["x.y"].z')).toEqual(["aws:tags", "x.y", "z"]);
    expect(() => parseConfigPath("a..b")).toThrow(/empty segment/);
    expect(() => parseConfigPath("a[x]")).toThrow(/number or a quoted key/);
  });
});

describe("config values", () => {
  it("qualifies keys with the project and keeps namespaced keys", () => {
    let c = setConfigValue({}, { key: "size", value: "small", project }, undefined);
    c = setConfigValue(c, { key: "aws:region", value: "eu-west-1", project }, undefined);
    expect(c).toEqual({ "app:size": "small", "aws:region": "eu-west-1" });
  });

  it("seals secrets so the plaintext is not in the stored config and opens them on get", () => {
    const c = setConfigValue({}, { key: "dbPassword", value: "hunter2", secret: true, project }, manager);
    expect(JSON.stringify(c)).not.toContain("hunter2");
    expect((c["app:dbPassword"] as { secure: string }).secure).toMatch(/^v1:/);
    expect(getConfigValue(c, { key: "dbPassword", project }, manager)).toEqual({ value: "hunter2", secret: true });
  });

  it("sets, reads and removes nested values with --path, typing booleans and integers", () => {
    let c = setConfigValue({}, { key: "data.active", value: "true", path: true, project }, undefined);
    c = setConfigValue(c, { key: "data.nums[0]", value: "42", path: true, project }, undefined);
    c = setConfigValue(c, { key: "data.nums[1]", value: "x", path: true, project }, undefined);
    c = setConfigValue(c, { key: "data.inner.pw", value: "s3cret", path: true, secret: true, project }, manager);
    expect(c["app:data"]).toMatchObject({ active: true, nums: [42, "x"] });
    expect(getConfigValue(c, { key: "data.nums[1]", path: true, project }, undefined)).toEqual({ value: "x", secret: false });
    expect(getConfigValue(c, { key: "data", project }, manager)).toEqual({ value: JSON.stringify({ active: true, nums: [42, "x"], inner: { pw: "s3cret" } }), secret: true });
    c = removeConfigValue(c, { key: "data.nums[0]", path: true, project });
    expect((c["app:data"] as { nums: unknown[] }).nums).toEqual(["x"]);
  });

  it("refuses to walk a path into a plain value", () => {
    const c = setConfigValue({}, { key: "name", value: "x", project }, undefined);
    expect(() => setConfigValue(c, { key: "name.first", value: "y", path: true, project }, undefined)).toThrow(/not an object or list/);
  });

  it("resolves project defaults under stack values, with secrets decrypted only when asked", () => {
    const c = setConfigValue({ "app:size": "large" }, { key: "token", value: "t0k", secret: true, project }, manager);
    const defaults = { size: "small", "app:region": { default: "eu" } };
    expect(resolveConfig({ project, defaults, config: c })).toEqual({
      "app:size": { value: "large", secret: false },
      "app:region": { value: "eu", secret: false },
      "app:token": { value: "", secret: true },
    });
    expect(resolveConfig({ project, config: c, decrypter: manager })["app:token"]).toEqual({ value: "t0k", secret: true });
  });
});

describe("Cairn.<stack>.yaml", () => {
  it("reports every invalid key and value at once, naming the file", () => {
    const text = "config:\n  nonamespace: 1\n  app:bad:\n    secure: 3\n  app:empty:\nsecrets: x\n";
    expect(() => parseStackSettings(text, "Cairn.dev.yaml")).toThrow(/Cairn\.dev\.yaml is invalid \(4 problems\)/);
    try {
      parseStackSettings(text, "Cairn.dev.yaml");
    } catch (e) {
      const m = (e as Error).message;
      expect(m).toContain("config.nonamespace: keys must look like `namespace:key`");
      expect(m).toContain("config.app:bad: `secure` must be the only field and a string");
      expect(m).toContain("config.app:empty: has no value");
      expect(m).toContain("secrets: is not a known field");
    }
  });
});
