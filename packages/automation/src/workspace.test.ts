import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ErrorCodes, isCairnError, type EngineEvent } from "@cairn/protocol";
import { FileBackend } from "@cairn/backend-file";
import { TEST_SCRYPT } from "@cairn/state";
import * as random from "@cairn/random";
import { StackReference, secret } from "@cairn/sdk";
import { Workspace, type WorkspaceOptions } from "./workspace.js";
import { stateDelete, stateDeletePending, stateRename } from "./state-edit.js";

function setup(extra: Partial<WorkspaceOptions> = {}) {
  const root = mkdtempSync(join(tmpdir(), "cairn-auto-"));
  let length = 2;
  const ws = Workspace.create({
    projectName: "auto",
    program: () => {
      const pet = new random.RandomPet("pet", { length });
      const pw = new random.RandomPassword("pw", { length: 12 });
      return { name: pet.id, password: pw.result, fixed: secret("s3cret-output") };
    },
    workDir: join(root, "work"),
    backendUrl: `file://${join(root, "state")}`,
    passphrase: "correct horse",
    kdf: TEST_SCRYPT,
    identity: { user: "alice", host: "box", pid: process.pid },
    ...extra,
  });
  return { ws, root, setLength: (n: number) => (length = n) };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? allFiles(join(dir, f)) : [join(dir, f)]));
}

describe("Workspace and Stack with an inline program on the file backend", () => {
  it("previews, deploys, changes and records history; outputs keep secrets secret", async () => {
    const { ws, root, setLength } = setup();
    const stack = await ws.createStack("dev");
    const events: EngineEvent[] = [];
    const preview = await stack.preview({ onEvent: (e) => events.push(e) });
    expect(preview.result).toBe("succeeded");
    expect(preview.counts.create).toBeGreaterThanOrEqual(2);
    expect(events.some((e) => e.code === "summary")).toBe(true);
    expect(await stack.history()).toEqual([]); // previews leave no history

    const up = await stack.up({ message: "first" });
    expect(up.result).toBe("succeeded");
    const outputs = await stack.outputs();
    expect(outputs.fixed).toEqual({ value: "s3cret-output", secret: true });
    expect(outputs.password?.secret).toBe(true);
    expect(typeof outputs.name?.value).toBe("string");

    setLength(3);
    const second = await stack.up();
    expect(second.counts.replace).toBe(1);
    const history = await stack.history();
    expect(history.map((h) => [h.kind, h.result, h.message])).toEqual([
      ["update", "succeeded", undefined],
      ["update", "succeeded", "first"],
    ]);
    expect(history[1]!.user).toBe("alice");
    expect(history[0]!.steps.some((s) => s.op === "replace")).toBe(true);

    const password = String(outputs.password!.value);
    for (const f of allFiles(root)) {
      const text = readFileSync(f, "utf8");
      expect(text, f).not.toContain("s3cret-output");
      expect(text, f).not.toContain(password);
    }

    const destroyed = await stack.destroy();
    expect(destroyed.result).toBe("succeeded");
    expect(await stack.outputs()).toEqual({});
  });

  it("refuses a second update while the stack is leased, naming the holder", async () => {
    const { ws, root } = setup();
    const stack = await ws.createStack("dev");
    const backend = new FileBackend({ root: join(root, "state") });
    const lease = await backend.acquireLease({ ref: stack.ref, operation: "update", holder: { pid: process.pid, host: "other-box", user: "bob" }, ttlMs: 60_000 });
    try {
      const e = await stack.up().catch((x: unknown) => x);
      expect(isCairnError(e, ErrorCodes.StackLocked)).toBe(true);
      expect((e as Error).message).toContain("bob");
      expect((await stack.getLease())?.holder.user).toBe("bob");
      // previews take no exclusive lock
      expect((await stack.preview()).result).toBe("succeeded");
    } finally {
      await lease.release();
    }
    expect((await stack.up()).result).toBe("succeeded");
  });

  it("a wrong passphrase is a clear error that changes nothing", async () => {
    const { ws, root } = setup();
    const stack = await ws.createStack("dev");
    await stack.setConfig("token", { value: "abc", secret: true });
    await stack.up();
    const before = allFiles(root).map((f) => [f, readFileSync(f, "utf8")]);
    const other = Workspace.create({ ...ws.ctx, projectName: "auto", program: ws.ctx.program!, workDir: ws.ctx.workDir, backend: ws.ctx.backend, passphrase: "wrong", kdf: TEST_SCRYPT });
    const s2 = await other.selectStack("dev");
    const e = await s2.up().catch((x: unknown) => x);
    expect(isCairnError(e, ErrorCodes.WrongPassphrase)).toBe(true);
    await expect(s2.getConfig("token")).rejects.toThrow(/incorrect passphrase/);
    expect(allFiles(root).map((f) => [f, readFileSync(f, "utf8")])).toEqual(before);
  });

  it("re-seals config and state with a new passphrase", async () => {
    const { ws } = setup();
    const stack = await ws.createStack("dev");
    await stack.setConfig("token", { value: "abc", secret: true });
    await stack.up();
    await stack.changeSecretsProvider({ newPassphrase: "new pass" });
    const reopened = Workspace.create({ projectName: "auto", program: ws.ctx.program!, workDir: ws.ctx.workDir, backend: ws.ctx.backend, passphrase: "new pass", kdf: TEST_SCRYPT });
    const s = await reopened.selectStack("dev");
    expect(await s.getConfig("token")).toEqual({ value: "abc", secret: true });
    expect((await s.outputs()).fixed?.value).toBe("s3cret-output");
    expect((await s.history()).length).toBe(1);
  });

  it("reads another stack's outputs through StackReference, keeping secrets secret", async () => {
    const { ws } = setup();
    const network = await ws.createStack("network");
    await network.up();
    const app = Workspace.create({
      projectName: "auto",
      program: () => {
        const ref = new StackReference("net", { name: "network" });
        return { fromNet: ref.getOutput("fixed") };
      },
      workDir: ws.ctx.workDir,
      backend: ws.ctx.backend,
      passphrase: "correct horse",
      kdf: TEST_SCRYPT,
    });
    const appStack = await app.createStack("app");
    expect((await appStack.up()).result).toBe("succeeded");
    expect((await appStack.outputs()).fromNet).toEqual({ value: "s3cret-output", secret: true });
  });

  it("edits state: rename and delete a resource", async () => {
    const { ws } = setup();
    const stack = await ws.createStack("dev");
    await stack.up();
    await stateRename(stack, "pet", "pet2");
    const doc = JSON.stringify(await stack.exportStack());
    expect(doc).toContain("::pet2");
    await stateDelete(stack, "pet2");
    expect(JSON.stringify(await stack.exportStack())).not.toContain("::pet2");
  });

  it("clears a pending create with state delete --pending, and names what is pending otherwise", async () => {
    const { ws } = setup();
    const stack = await ws.createStack("dev");
    await stack.up();
    // A create interrupted before it learned its ID, as a killed run leaves it.
    const doc = (await stack.exportStack()) as { checkpoint: { resources: Array<{ urn: string }>; pendingOperations: unknown[] } };
    const pet = doc.checkpoint.resources.find((r) => r.urn.endsWith("::pet"))!;
    doc.checkpoint.pendingOperations.push({ kind: "creating", resource: { ...pet, urn: pet.urn.replace("::pet", "::pet9"), id: undefined } });
    await stack.importStack(doc);
    const missing = await stateDeletePending(stack, "nothing-here").catch((e: unknown) => e);
    expect(isCairnError(missing, ErrorCodes.TargetNotFound) && missing.hint).toContain("::pet9");
    expect(await stateDeletePending(stack, "pet9")).toBe(1);
    const after = (await stack.exportStack()) as { checkpoint: { pendingOperations: unknown[]; resources: unknown[] } };
    expect(after.checkpoint.pendingOperations).toEqual([]);
    expect(after.checkpoint.resources).toHaveLength(doc.checkpoint.resources.length);
  });

  it("recovers the stack's secrets settings from its checkpoint when Cairn.<stack>.yaml is gone", async () => {
    const { ws } = setup();
    const stack = await ws.createStack("dev");
    await stack.up();
    rmSync(stack.settingsFile);
    const again = Workspace.create({ projectName: "auto", program: ws.ctx.program!, workDir: ws.ctx.workDir, backend: ws.ctx.backend, passphrase: "correct horse", kdf: TEST_SCRYPT });
    const s = await again.selectStack("dev");
    expect((await s.outputs()).fixed).toEqual({ value: "s3cret-output", secret: true });
    expect(readFileSync(s.settingsFile, "utf8")).toMatch(/encryptionsalt: v1:/);
  });

  it("lists, renames and removes stacks, moving the config file", async () => {
    const { ws } = setup();
    const s = await ws.createStack("dev");
    await s.setConfig("size", { value: "s", secret: false });
    await expect(ws.createStack("dev")).rejects.toThrow(/already exists/);
    await ws.renameStack("dev", "prod");
    expect((await ws.listStacks()).map((x) => x.stack)).toEqual(["prod"]);
    expect(await (await ws.selectStack("prod")).getConfig("size")).toEqual({ value: "s", secret: false });
    await ws.removeStack("prod");
    await expect(ws.selectStack("prod")).rejects.toThrow(/does not exist/);
  });
});
