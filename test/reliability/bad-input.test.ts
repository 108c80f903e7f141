// Bad input, through the real CLI: a truncated checkpoint and a corrupted journal (clear error
// naming the file, backups untouched, `cairn stack import --file <backup>` recovers), a wrong
// passphrase (nothing changes on disk), an invalid Cairn.yaml (names the file and the field), a
// program that throws halfway (nothing it registered is deleted), a provider that hangs (custom
// timeout names the resource; one SIGINT starts no new step and saves state) and a provider that
// returns garbage (names the resource, state intact).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCode, exportState, Sandbox } from "./harness.js";

const T = 180_000;
const UP = ["up", "--yes", "--skip-preview"];

const PETS = `import * as random from "@cairn/random";
export const a = new random.RandomPet("a", {}).id;
export const b = new random.RandomPet("b", {}).id;
export const c = new random.RandomPet("c", {}).id;
`;

async function stack(sb: Sandbox, name: string, program: string): Promise<string> {
  const dir = sb.project(name, program);
  expectCode(await sb.run(name, ["stack", "init", "dev"]), 0, "stack init");
  return dir;
}

function stackDir(sb: Sandbox, project: string): string {
  return join(sb.state, "stacks", project, "dev");
}

function backups(sb: Sandbox, project: string): string[] {
  const dir = join(stackDir(sb, project), "backups");
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => join(dir, f)) : [];
}

const names = (s: { resources: Array<{ urn: string }> }): string[] => s.resources.map((r) => r.urn.split("::").pop() ?? "").sort();

describe.concurrent("bad input", () => {
  it("a truncated checkpoint is a clear error naming the file; backups stay intact and import of one recovers", async () => {
    const sb = new Sandbox();
    await stack(sb, "trunc", PETS);
    expectCode(await sb.run("trunc", UP), 0);
    expectCode(await sb.run("trunc", UP), 0); // keeps the first checkpoint as a backup
    const before = await exportState(sb, "trunc");
    const cp = join(stackDir(sb, "trunc"), "checkpoint.json");
    const text = readFileSync(cp, "utf8");
    writeFileSync(cp, text.slice(0, Math.floor(text.length / 2)));
    const saved = backups(sb, "trunc");
    expect(saved.length).toBeGreaterThan(0);
    const backupHashes = sb.hashTree(join(stackDir(sb, "trunc"), "backups"));
    for (const args of [["stack", "export"], UP, ["preview"]]) {
      const r = await sb.run("trunc", args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr + r.stdout).toContain(cp);
      expect(r.stderr + r.stdout).toContain("is corrupt");
      expect(r.stderr + r.stdout).toContain("cairn stack import");
    }
    expect(sb.hashTree(join(stackDir(sb, "trunc"), "backups"))).toEqual(backupHashes);
    expectCode(await sb.run("trunc", ["stack", "import", "--file", saved[saved.length - 1]!]), 0, "import backup");
    expect(names(await exportState(sb, "trunc"))).toEqual(names(before));
    expectCode(await sb.run("trunc", ["preview", "--expect-no-changes"]), 0, "preview after recovery");
  }, T);

  it("a corrupted journal line is a clear error naming the file; import of a backup recovers", async () => {
    const sb = new Sandbox();
    await stack(sb, "jrnl", `import * as command from "@cairn/command";
let prev: command.local.Command | undefined;
for (let i = 0; i < 6; i++) prev = new command.local.Command(\`c\${i}\`, { create: "sleep 0.2; echo ok" }, prev ? { dependsOn: [prev] } : {});
`);
    writeFileSync(join(sb.root, "jrnl", "Cairn.yaml"), "name: jrnl\nruntime: nodejs\nmain: index.ts\n");
    expectCode(await sb.run("jrnl", UP), 0);
    expectCode(await sb.run("jrnl", ["destroy", "--yes", "--skip-preview"]), 0);
    // An update killed part-way leaves its journal uncompacted.
    const run = sb.start("jrnl", UP);
    await run.printed(/c2 created/);
    run.signalGroup("SIGKILL");
    await run.done;
    const journal = join(stackDir(sb, "jrnl"), "journal.jsonl");
    const lines = readFileSync(journal, "utf8").split("\n").filter((l) => l !== "");
    expect(lines.length).toBeGreaterThan(2);
    lines[1] = lines[1]!.slice(0, 25) + "#" + lines[1]!.slice(26);
    writeFileSync(journal, `${lines.join("\n")}\n`);
    const backupHashes = sb.hashTree(join(stackDir(sb, "jrnl"), "backups"));
    const r = await sb.run("jrnl", ["stack", "export"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(journal);
    const up = await sb.run("jrnl", UP);
    expect(up.code).toBe(1);
    expect(up.stderr + up.stdout).toContain(journal);
    expect(sb.hashTree(join(stackDir(sb, "jrnl"), "backups"))).toEqual(backupHashes);
    const saved = backups(sb, "jrnl");
    expectCode(await sb.run("jrnl", ["stack", "import", "--file", saved[saved.length - 1]!]), 0, "import backup");
    expect(readFileSync(journal, "utf8")).toBe("");
    await exportState(sb, "jrnl");
    expectCode(await sb.run("jrnl", UP), 0, "up after recovery");
    expect(names(await exportState(sb, "jrnl")).filter((n) => /^c\d$/.test(n))).toEqual(["c0", "c1", "c2", "c3", "c4", "c5"]);
  }, T);

  it("a wrong passphrase is a clear error and changes nothing on disk", async () => {
    const sb = new Sandbox();
    const dir = await stack(sb, "pw", PETS);
    expectCode(await sb.run("pw", ["config", "set", "token", "tok-123", "--secret"]), 0);
    expectCode(await sb.run("pw", UP), 0);
    const before = { state: sb.hashTree(sb.state), project: sb.hashTree(dir) };
    for (const args of [UP, ["preview"], ["destroy", "--yes", "--skip-preview"], ["refresh", "--yes"], ["config", "get", "token"]]) {
      const r = await sb.run("pw", args, { env: { CAIRN_CONFIG_PASSPHRASE: "not the passphrase" } });
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr, args.join(" ")).toMatch(/incorrect passphrase/);
    }
    expect({ state: sb.hashTree(sb.state), project: sb.hashTree(dir) }).toEqual(before);
  }, T);

  it("an invalid Cairn.yaml names the file and the field", async () => {
    const sb = new Sandbox();
    const dir = await stack(sb, "yaml", PETS);
    const file = join(dir, "Cairn.yaml");
    writeFileSync(file, "name: yaml\nruntime: cobol\nmain: index.ts\n");
    let r = await sb.run("yaml", UP);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain("runtime");
    writeFileSync(file, "name: yaml\nruntime: nodejs\nmain: [index.ts\n");
    r = await sb.run("yaml", UP);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    writeFileSync(file, "runtime: nodejs\nmain: index.ts\n");
    r = await sb.run("yaml", UP);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain("name");
    expect(sb.files(join(sb.state, "stacks", "yaml", "dev")).filter((f) => f.endsWith("checkpoint.json"))).toEqual([]);
  }, T);

  it("a program that throws halfway deletes nothing, not even what it no longer registers", async () => {
    const sb = new Sandbox();
    const dir = await stack(sb, "throws", `import * as command from "@cairn/command";
for (const n of ["a", "b", "c"]) new command.local.File(n, { path: \`out/\${n}.txt\`, content: n });
`);
    expectCode(await sb.run("throws", UP), 0);
    writeFileSync(join(dir, "index.ts"), `import * as command from "@cairn/command";
new command.local.File("a", { path: "out/a.txt", content: "a" });
new command.local.File("b", { path: "out/b.txt", content: "b2" });
throw new Error("halfway boom");
`);
    const r = await sb.run("throws", UP);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain("halfway boom");
    expect(r.stdout + r.stderr).toMatch(/index\.ts:4/);
    expect(names(await exportState(sb, "throws")).filter((n) => n.length === 1)).toEqual(["a", "b", "c"]);
    for (const n of ["a", "c"]) expect(readFileSync(join(dir, "out", `${n}.txt`), "utf8")).toBe(n);
    expect(existsSync(join(dir, "out", "b.txt"))).toBe(true);
  }, T);

  it("a hanging command times out under customTimeouts with an error naming the resource", async () => {
    const sb = new Sandbox();
    await stack(sb, "hang", `import * as command from "@cairn/command";
new command.local.Command("quick", { create: "echo ok" });
new command.local.Command("stuck", { create: "sleep 60" }, { customTimeouts: { create: "1s" } });
`);
    const r = await sb.run("hang", UP);
    expect(r.code).toBe(1);
    const text = r.stdout + r.stderr;
    expect(text).toContain("urn:cairn:dev::hang::command:local:Command::stuck");
    expect(text).toMatch(/timed out/);
    expect(names(await exportState(sb, "hang"))).toContain("quick");
    expect(names(await exportState(sb, "hang"))).not.toContain("stuck");
  }, T);

  it("one SIGINT starts no new step, lets the running one finish, and saves the state as cancelled", async () => {
    const sb = new Sandbox();
    const dir = await stack(sb, "ctrlc", `import * as command from "@cairn/command";
const first = new command.local.Command("first", { create: "sleep 2; echo first" });
new command.local.Command("second", { create: "touch second.marker" }, { dependsOn: [first] });
`);
    const run = sb.start("ctrlc", UP);
    expect(await run.printed(/first creating/)).toBe(true);
    run.signalGroup("SIGINT");
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(r.stdout + r.stderr).toMatch(/cancelled/);
    const state = await exportState(sb, "ctrlc");
    expect(names(state)).toContain("first");
    expect(names(state)).not.toContain("second");
    expect(existsSync(join(dir, "second.marker"))).toBe(false);
    expect(existsSync(join(stackDir(sb, "ctrlc"), "lease.json"))).toBe(false);
    const history = JSON.parse(expectCode(await sb.run("ctrlc", ["stack", "history", "--json"]), 0).stdout) as Array<{ result?: string }>;
    expect(JSON.stringify(history)).toContain("cancelled");
    expectCode(await sb.run("ctrlc", UP), 0, "up after cancel");
    expect(existsSync(join(dir, "second.marker"))).toBe(true);
  }, T);

  it("a provider returning garbage is an error naming the resource, and the state stays intact", async () => {
    const sb = new Sandbox();
    const dir = await stack(sb, "garbage", PETS);
    expectCode(await sb.run("garbage", UP), 0);
    const before = await exportState(sb, "garbage");
    writeFileSync(join(dir, "garbage.ts"), `import * as dynamic from "@cairn/sdk/dynamic";
export class Garbage implements dynamic.ResourceProvider {
  constructor(public mode: string) {}
  async create(): Promise<dynamic.CreateResult> {
    if (this.mode === "number") return 42 as unknown as dynamic.CreateResult;
    return { id: 7 as unknown as string, outs: {} };
  }
}
`);
    writeFileSync(join(dir, "index.ts"), `${PETS}import * as dynamic from "@cairn/sdk/dynamic";
import { Garbage } from "./garbage.js";
new dynamic.Resource(new Garbage("number"), "not-an-object", {});
new dynamic.Resource(new Garbage("id"), "id-not-a-string", {});
`);
    const r = await sb.run("garbage", UP);
    expect(r.code).toBe(1);
    const text = r.stdout + r.stderr;
    for (const n of ["not-an-object", "id-not-a-string"]) expect(text).toContain(`error: urn:cairn:dev::garbage::cairn-nodejs:dynamic:Resource::${n}: dynamic provider create must return`);
    const after = await exportState(sb, "garbage");
    expect(names(after).filter((n) => n.length === 1)).toEqual(names(before).filter((n) => n.length === 1));
    expect(names(after).some((n) => n.includes("not-an-object") || n.includes("id-not-a-string"))).toBe(false);
  }, T);
});
