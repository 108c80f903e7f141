import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ErrorCodes } from "@cairn/protocol";
import { PassphraseSecretsManager, TEST_SCRYPT } from "@cairn/state";
import { encodeSecretsState } from "@cairn/automation";
import type { CliContext } from "./cli-context.js";
import { prefetchSecrets } from "./early-secrets.js";
import { writeSelectedStack } from "./selected-stack.js";

const sink = { write: () => undefined, isTTY: false };

describe("prefetchSecrets", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  /** A project "app" with stack "dev" sealed under passphrase "right"; returns a context in it. */
  function project(env: Record<string, string>): { ctx: CliContext; sealed: string; salt: string } {
    dir = mkdtempSync(join(tmpdir(), "cairn-early-"));
    const original = PassphraseSecretsManager.create({ passphrase: "right", kdf: TEST_SCRYPT });
    const salt = encodeSecretsState(original.state);
    writeFileSync(join(dir, "Cairn.yaml"), "name: app\nruntime: nodejs\n");
    writeFileSync(join(dir, "Cairn.dev.yaml"), `secretsprovider: passphrase\nencryptionsalt: ${salt}\n`);
    const ctx: CliContext = { env, cwd: join(dir), cairnHome: join(dir, "home"), homeDir: dir, stdout: sink, stderr: sink, stdinIsTTY: false, identity: { user: "u", host: "h", pid: 1 }, clock: () => 0 };
    return { ctx, sealed: original.encrypt("s3cret"), salt };
  }

  it("opens the selected stack's secrets for an operation, with the salt it used", async () => {
    const { ctx, sealed, salt } = project({ CAIRN_CONFIG_PASSPHRASE: "right" });
    writeSelectedStack(ctx, "app", dir!, "dev");
    const got = prefetchSecrets(ctx, ["up", "--yes"]);
    expect(got?.stack).toBe("dev");
    expect(got?.encryptionsalt).toBe(salt);
    expect((await got!.manager).decrypt(sealed)).toBe("s3cret");
  });

  it("follows -C and -s, and a wrong passphrase rejects with WrongPassphrase", async () => {
    const { ctx } = project({ CAIRN_CONFIG_PASSPHRASE: "wrong" });
    const got = prefetchSecrets({ ...ctx, cwd: tmpdir() }, ["-C", dir!, "preview", "--diff", "-s", "dev"]);
    expect(got?.stack).toBe("dev");
    await expect(got!.manager).rejects.toMatchObject({ code: ErrorCodes.WrongPassphrase });
  });

  it("does nothing for other commands, unknown stacks, or without a passphrase in the environment", () => {
    const { ctx } = project({ CAIRN_CONFIG_PASSPHRASE: "right" });
    expect(prefetchSecrets(ctx, ["config", "list", "-s", "dev"])).toBeUndefined();
    expect(prefetchSecrets(ctx, ["preview", "-s", "prod"])).toBeUndefined();
    expect(prefetchSecrets(ctx, ["preview"])).toBeUndefined(); // no stack selected
    expect(prefetchSecrets({ ...ctx, env: {} }, ["preview", "-s", "dev"])).toBeUndefined();
  });
});
