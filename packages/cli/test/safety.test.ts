// End to end: what must never go wrong. A locked stack refuses a second update naming the
// holder; a wrong passphrase changes nothing; a program that does not compile deploys nothing;
// secrets never appear in plaintext on disk or in output.
import { hostname } from "node:os";
import { join } from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FileBackend } from "@cairn/backend-file";
import { CliSandbox, expectCode } from "./cli-harness.js";

const E2E_TIMEOUT = 240_000;

async function project(sb: CliSandbox, name: string): Promise<string> {
  expectCode(await sb.run(".", ["new", "typescript", name, "-s", "dev"]), 0);
  return join(sb.root, name);
}

describe.concurrent("cairn: safety", () => {
  it("refuses an update on a locked stack, naming the holder, and cancel breaks the lock", async () => {
    const sb = new CliSandbox();
    await project(sb, "locked");
    const backend = new FileBackend({ root: sb.state, host: hostname() });
    const lease = await backend.acquireLease({ ref: { project: "locked", stack: "dev" }, operation: "update", holder: { pid: process.pid, host: hostname(), user: "mallory" }, ttlMs: 600_000 });
    const second = await sb.run("locked", ["up", "--yes"]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("mallory");
    expect(second.stderr).toContain(String(process.pid));
    const cancel = expectCode(await sb.run("locked", ["cancel", "--yes"]), 0);
    expect(cancel.stdout).toContain("mallory");
    expectCode(await sb.run("locked", ["up", "--yes", "--skip-preview"]), 0);
    await lease.release().catch(() => undefined);
  }, E2E_TIMEOUT);

  it("a wrong passphrase is a clear error and changes nothing", async () => {
    const sb = new CliSandbox();
    await project(sb, "pw");
    expectCode(await sb.run("pw", ["config", "set", "token", "tok-value", "--secret"]), 0);
    expectCode(await sb.run("pw", ["up", "--yes", "--skip-preview"]), 0);
    const before = sb.files().filter((f) => !f.path.includes(`${join(sb.home, "workspaces")}`));
    for (const args of [["up", "--yes"], ["config", "get", "token"], ["stack", "output", "--show-secrets"], ["destroy", "--yes"]]) {
      const r = await sb.run("pw", args, { env: { CAIRN_CONFIG_PASSPHRASE: "not it" } });
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr).toMatch(/error: incorrect passphrase/);
    }
    expect(sb.files().filter((f) => !f.path.includes(`${join(sb.home, "workspaces")}`))).toEqual(before);
    const missing = await sb.run("pw", ["up", "--yes"], { env: { CAIRN_CONFIG_PASSPHRASE: undefined } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("CAIRN_CONFIG_PASSPHRASE");
    const file = join(sb.root, "pass.txt");
    writeFileSync(file, `${sb.passphrase}\n`);
    const viaFile = expectCode(await sb.run("pw", ["config", "get", "token"], { env: { CAIRN_CONFIG_PASSPHRASE: undefined, CAIRN_CONFIG_PASSPHRASE_FILE: file } }), 0);
    expect(viaFile.stdout.trim()).toBe("tok-value");

    // change-secrets-provider re-seals: the old passphrase stops working, the new one opens everything
    expectCode(await sb.run("pw", ["stack", "change-secrets-provider"], { env: { CAIRN_NEW_CONFIG_PASSPHRASE: "brand new" } }), 0);
    expect((await sb.run("pw", ["config", "get", "token"])).stderr).toMatch(/incorrect passphrase/);
    sb.passphrase = "brand new";
    expect(expectCode(await sb.run("pw", ["config", "get", "token"]), 0).stdout.trim()).toBe("tok-value");
    expectCode(await sb.run("pw", ["stack", "history"]), 0);
    expectCode(await sb.run("pw", ["up", "--yes", "--expect-no-changes"]), 0);
  }, E2E_TIMEOUT);

  it("a program with a syntax error reports file:line and deploys nothing", async () => {
    const sb = new CliSandbox();
    const dir = await project(sb, "broken");
    writeFileSync(join(dir, "index.ts"), 'import * as random from "@cairn/random";\nconst pet = new random.RandomPet("pet", {});\nexport const x = (pet.id;\n');
    const r = await sb.run("broken", ["up", "--yes", "--skip-preview"]);
    expect(r.code).toBe(1);
    expect(`${r.stdout}${r.stderr}`).toMatch(/index\.ts:3:\d+/);
    const exported = JSON.parse(expectCode(await sb.run("broken", ["stack", "export"]), 0).stdout) as unknown;
    expect(JSON.stringify(exported)).not.toContain("RandomPet");
  }, E2E_TIMEOUT);

  it("a program that throws part-way stops with its location and deletes nothing", async () => {
    const sb = new CliSandbox();
    const dir = await project(sb, "throws");
    expectCode(await sb.run("throws", ["up", "--yes", "--skip-preview"]), 0);
    writeFileSync(join(dir, "index.ts"), 'import * as random from "@cairn/random";\nnew random.RandomPet("pet", { length: 2 });\nthrow new Error("boom before the password");\n');
    const r = await sb.run("throws", ["up", "--yes", "--skip-preview"]);
    expect(r.code).toBe(1);
    const text = `${r.stdout}${r.stderr}`;
    expect(text).toContain("boom before the password");
    expect(text).toMatch(/index\.ts:3/);
    const state = JSON.stringify(JSON.parse(expectCode(await sb.run("throws", ["stack", "export"]), 0).stdout));
    expect(state).toContain("RandomPassword::password");
    expect(state).toContain("RandomPet::pet");
  }, E2E_TIMEOUT);

  it("never shows or stores a secret in plaintext", async () => {
    const sb = new CliSandbox();
    const dir = await project(sb, "sec");
    writeFileSync(join(dir, "index.ts"), `import * as random from "@cairn/random";\nimport { Config } from "@cairn/sdk";\nconst c = new Config();\nconst pw = new random.RandomPassword("pw", { length: 24, special: false });\nexport const password = pw.result;\nexport const apiKey = c.requireSecret("apiKey");\nexport const nested = { key: c.requireSecret("apiKey") };\n`);
    const secretValue = "sk-live-ZXCVBNM0987";
    expectCode(await sb.run("sec", ["config", "set", "apiKey", secretValue, "--secret"]), 0);
    expectCode(await sb.run("sec", ["config", "set", "--path", "db.password", "pa55-nested-word", "--secret"]), 0);
    expect(readFileSync(join(dir, "Cairn.dev.yaml"), "utf8")).toMatch(/apiKey:\n\s+secure: v1:/);
    expectCode(await sb.run("sec", ["config"]), 0);
    expectCode(await sb.run("sec", ["config", "--json"]), 0);
    expectCode(await sb.run("sec", ["preview", "--diff"]), 0);
    expectCode(await sb.run("sec", ["preview", "--json"]), 0);
    expectCode(await sb.run("sec", ["up", "--yes", "--json"]), 0);
    const out = expectCode(await sb.run("sec", ["stack", "output"]), 0).stdout;
    expect(out).toMatch(/apiKey\s+\[secret\]/);
    expectCode(await sb.run("sec", ["stack", "output", "--json"]), 0);
    expectCode(await sb.run("sec", ["stack", "history"]), 0);
    expectCode(await sb.run("sec", ["stack", "history", "--json"]), 0);
    expectCode(await sb.run("sec", ["stack", "export"]), 0);
    expectCode(await sb.run("sec", ["destroy", "--yes"]), 0);
    expectCode(await sb.run("sec", ["up", "--yes"]), 0);
    const password = expectCode(await sb.run("sec", ["stack", "output", "password", "--show-secrets"]), 0).stdout.trim();
    expect(password).toHaveLength(24);
    sb.printed.splice(-2, 2); // the one place it was asked for (its stdout and stderr)
    const key = expectCode(await sb.run("sec", ["config", "get", "apiKey"]), 0).stdout.trim();
    expect(key).toBe(secretValue);
    sb.printed.splice(-2, 2);
    for (const s of [secretValue, "pa55-nested-word", password]) expect(sb.whereIs(s), s).toEqual([]);
  }, E2E_TIMEOUT);
});
