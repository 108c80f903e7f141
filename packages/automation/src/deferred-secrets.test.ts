import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ErrorCodes, isCairnError } from "@cairn/protocol";
import { PassphraseSecretsManager, TEST_SCRYPT, type JournalEntry, type JournalWriter, type SecretsManager } from "@cairn/state";
import * as random from "@cairn/random";
import { secret } from "@cairn/sdk";
import { DeferredSecrets, KeyGatedJournal, openWhileDeriving } from "./deferred-secrets.js";
import { Workspace } from "./workspace.js";

function deferred(): { secrets: DeferredSecrets; resolve: (m: SecretsManager) => void; reject: (e: unknown) => void } {
  let resolve!: (m: SecretsManager) => void;
  let reject!: (e: unknown) => void;
  const secrets = new DeferredSecrets(new Promise<SecretsManager>((res, rej) => ((resolve = res), (reject = rej))));
  return { secrets, resolve, reject };
}

const manager = PassphraseSecretsManager.create({ passphrase: "p", kdf: TEST_SCRYPT });

describe("DeferredSecrets", () => {
  it("refuses to seal or open before the key is ready, then delegates", async () => {
    const { secrets, resolve } = deferred();
    expect(() => secrets.encrypt("x")).toThrow(/still being derived/);
    resolve(manager);
    await secrets.ready();
    expect(secrets.decrypt(secrets.encrypt("x"))).toBe("x");
    expect(secrets.state).toEqual(manager.state);
  });

  it("openWhileDeriving reads without the key when nothing sealed is met, and reads again with it otherwise", async () => {
    const { secrets, resolve } = deferred();
    expect(await openWhileDeriving(secrets, () => "plain")).toBe("plain"); // the key never came
    const sealed = manager.encrypt(JSON.stringify("v"));
    const seen: string[] = [];
    const read = openWhileDeriving(secrets, (dec) => {
      seen.push(dec.decrypt(sealed));
      return seen.at(-1);
    });
    resolve(manager);
    expect(await read).toBe(JSON.stringify("v"));
    expect(seen).toEqual(["null", JSON.stringify("v")]);
  });

  it("a journal is opened only once the key is ready, and never under a rejected key", async () => {
    const appended: JournalEntry[][] = [];
    let opens = 0;
    const open = (): Promise<JournalWriter> => {
      opens++;
      const writer: JournalWriter = {
        append: (e: JournalEntry[]) => {
          appended.push(e);
          return Promise.resolve();
        },
      };
      return Promise.resolve(writer);
    };
    const ok = deferred();
    const journal = new KeyGatedJournal(ok.secrets, open, 0);
    const first = journal.append([]);
    const second = journal.append([]);
    await Promise.resolve();
    expect(opens).toBe(0);
    ok.resolve(manager);
    await Promise.all([first, second]);
    expect([opens, appended.length]).toEqual([1, 2]);
    const bad = deferred();
    bad.reject(new Error("wrong"));
    await expect(new KeyGatedJournal(bad.secrets, open, 0).append([])).rejects.toThrow("wrong");
    expect(opens).toBe(1);
    const moved = new KeyGatedJournal(ok.secrets, () => Promise.resolve({ append: () => Promise.resolve(), lastSeq: 7 }), 5);
    expect(moved.lastSeq).toBe(5);
    await expect(moved.append([])).rejects.toThrow(/journal changed/);
  });
});

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? allFiles(join(dir, f)) : [join(dir, f)]));
}

describe("operations with the key derived in the background", () => {
  function setup(root: string, passphrase: string) {
    return Workspace.create({
      projectName: "auto",
      program: () => {
        const pw = new random.RandomPassword("pw", { length: 12 });
        return { password: pw.result, fixed: secret("kept") };
      },
      workDir: join(root, "work"),
      backendUrl: `file://${join(root, "state")}`,
      passphrase,
      kdf: TEST_SCRYPT,
      identity: { user: "alice", host: "box", pid: process.pid },
    });
  }

  it("open the secrets sealed in state, and a wrong passphrase fails preview and up with nothing written but the lease counter", async () => {
    const root = mkdtempSync(join(tmpdir(), "cairn-deferred-"));
    const stack = await setup(root, "right").createStack("dev");
    expect((await stack.up()).result).toBe("succeeded");
    const again = await setup(root, "right").selectStack("dev");
    const preview = await again.preview();
    expect([preview.result, preview.counts.same]).toEqual(["succeeded", 3]);
    expect((await again.outputs()).fixed).toEqual({ value: "kept", secret: true });

    const snapshot = () => allFiles(root).filter((f) => !f.endsWith("lease-counter.json")).map((f) => [f, readFileSync(f, "utf8")]);
    const before = snapshot();
    const wrong = await setup(root, "wrong").selectStack("dev");
    for (const run of [() => wrong.preview(), () => wrong.up(), () => wrong.destroy()]) {
      const e = await run().catch((x: unknown) => x);
      expect(isCairnError(e, ErrorCodes.WrongPassphrase)).toBe(true);
    }
    expect(snapshot()).toEqual(before);
    expect(await wrong.getLease()).toBeUndefined();
  });
});
