// End to end through the real engine, host and file backend: values stay stable across updates,
// keepers replace, and existing values are imported by ID.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Workspace } from "@cairn/automation";
import { TEST_SCRYPT } from "@cairn/state";
import * as random from "./index.js";

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? allFiles(join(dir, f)) : [join(dir, f)]));
}

describe("random resources in a deployment", () => {
  it("keeps values until keepers change, and never stores a password in clear", async () => {
    root = mkdtempSync(join(tmpdir(), "cairn-random-e2e-"));
    let build = "1";
    const ws = Workspace.create({
      projectName: "rnd",
      program: () => {
        const pw = new random.RandomPassword("pw", { length: 24, minSpecial: 2, keepers: { build } });
        const id = new random.RandomId("id", { byteLength: 6 });
        return { pw: pw.result, hex: id.hex };
      },
      workDir: join(root, "work"),
      backendUrl: `file://${join(root, "state")}`,
      passphrase: "pass",
      kdf: TEST_SCRYPT,
      identity: { user: "u", host: "h", pid: process.pid },
    });
    const stack = await ws.createStack("dev");
    expect((await stack.up()).result).toBe("succeeded");
    const first = await stack.outputs();
    expect(first.pw?.secret).toBe(true);
    expect(String(first.pw?.value)).toHaveLength(24);

    expect((await stack.up()).counts.replace ?? 0).toBe(0);
    expect(await stack.outputs()).toEqual(first);

    build = "2";
    const replaced = await stack.up();
    expect(replaced.counts.replace).toBe(1);
    const second = await stack.outputs();
    expect(second.pw?.value).not.toBe(first.pw?.value);
    expect(second.hex).toEqual(first.hex);

    for (const f of allFiles(root)) {
      const text = readFileSync(f, "utf8");
      expect(text, f).not.toContain(String(first.pw?.value));
      expect(text, f).not.toContain(String(second.pw?.value));
    }
  });

  it("adopts existing values with the import option", async () => {
    root = mkdtempSync(join(tmpdir(), "cairn-random-e2e-"));
    const ws = Workspace.create({
      projectName: "rnd",
      program: () => {
        const n = new random.RandomInteger("n", { min: 1, max: 10 }, { import: "7,1,10" });
        const id = new random.RandomId("id", { byteLength: 3 }, { import: "AAEC" });
        const pw = new random.RandomPassword("pw", { length: 9 }, { import: "Adopted!1" });
        return { n: n.result, hex: id.hex, pw: pw.result };
      },
      workDir: join(root, "work"),
      backendUrl: `file://${join(root, "state")}`,
      passphrase: "pass",
      kdf: TEST_SCRYPT,
      identity: { user: "u", host: "h", pid: process.pid },
    });
    const stack = await ws.createStack("dev");
    const first = await stack.up();
    expect(first.result).toBe("succeeded");
    expect(await stack.outputs()).toMatchObject({ n: { value: 7 }, hex: { value: "000102" }, pw: { value: "Adopted!1", secret: true } });
    const again = await stack.up();
    expect((again.counts.create ?? 0) + (again.counts.replace ?? 0)).toBe(0);
    expect(await stack.outputs()).toMatchObject({ n: { value: 7 }, hex: { value: "000102" } });
  });
});
