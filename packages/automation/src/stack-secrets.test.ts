import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ErrorCodes } from "@cairn/protocol";
import { PassphraseSecretsManager, TEST_SCRYPT, type SecretsManager } from "@cairn/state";
import { Workspace } from "./workspace.js";
import { loadStackSettings } from "./stack-settings-file.js";
import type { PrefetchedSecrets } from "./stack-secrets.js";

describe("prefetched secrets", () => {
  let root: string | undefined;
  afterEach(() => {
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });

  async function workspaceWithStack(): Promise<{ reopen: (prefetched: PrefetchedSecrets) => Workspace; salt: string; sealed: string }> {
    root = mkdtempSync(join(tmpdir(), "cairn-prefetch-"));
    const opts = { projectName: "pre", program: () => ({}), workDir: join(root, "work"), backendUrl: `file://${join(root, "state")}`, passphrase: "right", kdf: TEST_SCRYPT };
    const stack = await Workspace.create(opts).createStack("dev");
    const sealed = (await stack.secrets()).encrypt("s3cret");
    const salt = loadStackSettings(opts.workDir, "dev").encryptionsalt!;
    return { reopen: (prefetchedSecrets) => Workspace.create({ ...opts, prefetchedSecrets }), salt, sealed };
  }

  it("uses the manager a host started for the stack and its exact salt, and fails with its error", async () => {
    const { reopen, salt, sealed } = await workspaceWithStack();
    const marker = { ...PassphraseSecretsManager.create({ passphrase: "x", kdf: TEST_SCRYPT }), decrypt: () => "from-prefetch" } as unknown as SecretsManager;
    const used = await reopen({ stack: "dev", encryptionsalt: salt, manager: Promise.resolve(marker) }).selectStack("dev");
    expect((await used.secrets()).decrypt(sealed)).toBe("from-prefetch");

    const wrong = PassphraseSecretsManager.fromStateAsync(JSON.parse(Buffer.from(salt.slice(3), "base64").toString("utf8")), "wrong");
    wrong.catch(() => undefined);
    const failing = await reopen({ stack: "dev", encryptionsalt: salt, manager: wrong }).selectStack("dev");
    await expect(failing.secrets()).rejects.toMatchObject({ code: ErrorCodes.WrongPassphrase });
  });

  it("ignores a prefetch for another stack or another salt and opens the secrets itself", async () => {
    const { reopen, salt, sealed } = await workspaceWithStack();
    const never = new Promise<SecretsManager>(() => undefined);
    for (const prefetched of [{ stack: "prod", encryptionsalt: salt, manager: never }, { stack: "dev", encryptionsalt: `${salt}x`, manager: never }]) {
      const stack = await reopen(prefetched).selectStack("dev");
      expect((await stack.secrets()).decrypt(sealed)).toBe("s3cret");
    }
  });
});
