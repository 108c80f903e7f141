// End to end through the real engine, host and file backend: a program with local.File and
// local.Command is deployed, drifted, refreshed, re-deployed and destroyed.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Workspace } from "@cairn/automation";
import { TEST_SCRYPT } from "@cairn/state";
import { interpolate } from "@cairn/sdk";
import * as command from "./index.js";

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("local.File and local.Command in a deployment", () => {
  it("creates, detects drift on refresh, repairs it on up, and cleans up on destroy", async () => {
    root = mkdtempSync(join(tmpdir(), "cairn-command-e2e-"));
    const file = join(root, "out", "app.conf");
    const log = join(root, "log");
    const ws = Workspace.create({
      projectName: "cmd",
      program: () => {
        const cmd = new command.local.Command("hello", { create: `echo created >> ${log}; echo v1`, delete: `echo "deleted $CAIRN_COMMAND_STDOUT" >> ${log}` });
        const f = new command.local.File("conf", { path: file, content: interpolate`version=${cmd.stdout}\n`, mode: "0640" });
        return { sha: f.sha256, out: cmd.stdout };
      },
      workDir: join(root, "work"),
      backendUrl: `file://${join(root, "state")}`,
      passphrase: "pass",
      kdf: TEST_SCRYPT,
      env: { PATH: "/usr/bin:/bin" },
      identity: { user: "u", host: "h", pid: process.pid },
    });
    const stack = await ws.createStack("dev");

    expect((await stack.up()).result).toBe("succeeded");
    expect(readFileSync(file, "utf8")).toBe("version=v1\n");
    expect((await stack.outputs()).out?.value).toBe("v1");

    writeFileSync(file, "tampered");
    expect((await stack.refresh()).result).toBe("succeeded");
    const again = await stack.up();
    expect(again.result).toBe("succeeded");
    expect(again.counts.update).toBe(1);
    expect(readFileSync(file, "utf8")).toBe("version=v1\n");

    expect((await stack.destroy()).result).toBe("succeeded");
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(log, "utf8")).toBe("created\ndeleted v1\n");
  });
});
