import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isSecretValue, isUnknown, makeSecret, type CairnError, type PropertyMap, type Provider } from "@cairn/protocol";
import { createProvider, FILE_TOKEN as T } from "./index.js";
import { normalizeMode } from "./local-file.js";

const URN = "urn:cairn:dev::proj::command:local:File::f";
let dir: string;
let provider: Provider;
const hash = (s: string) => createHash("sha256").update(s).digest("hex");

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cairn-file-"));
  provider = createProvider({ package: "command", rootDirectory: dir, env: {} });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function checked(news: PropertyMap): Promise<PropertyMap> {
  const r = await provider.check({ urn: URN, type: T, olds: {}, news, randomSeed: "s" });
  expect(r.failures ?? []).toEqual([]);
  return r.inputs;
}
async function create(news: PropertyMap) {
  return provider.create({ urn: URN, type: T, inputs: await checked(news), preview: false });
}

describe("local.File create", () => {
  it("writes the file at a path relative to the program, with its hash and exact mode", async () => {
    const r = await create({ path: "sub/dir/a.txt", content: "hello\n", mode: "600" });
    const abs = join(dir, "sub/dir/a.txt");
    expect(r.id).toBe(abs);
    expect(r.outputs).toMatchObject({ path: abs, content: "hello\n", mode: "0600", sha256: hash("hello\n"), overwrite: false });
    expect(readFileSync(abs, "utf8")).toBe("hello\n");
    expect(statSync(abs).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, "sub/dir"))).toEqual(["a.txt"]);
  });

  it("refuses to clobber an existing file unless overwrite is set", async () => {
    const abs = join(dir, "taken.txt");
    writeFileSync(abs, "theirs");
    const err = (await create({ path: abs, content: "mine" }).catch((e: unknown) => e)) as CairnError;
    expect(err.code).toBe("CAIRN_PROVIDER_ERROR");
    expect(err.message).toContain("already exists");
    expect(readFileSync(abs, "utf8")).toBe("theirs");
    expect(readdirSync(dir)).toEqual(["taken.txt"]);
    await create({ path: abs, content: "mine", overwrite: true });
    expect(readFileSync(abs, "utf8")).toBe("mine");
  });

  it("writes nothing in preview", async () => {
    const r = await provider.create({ urn: URN, type: T, inputs: await checked({ path: "p.txt", content: "x" }), preview: true });
    expect(r.outputs.path).toBe(join(dir, "p.txt"));
    expect(isUnknown(r.outputs.sha256)).toBe(true);
    expect(existsSync(join(dir, "p.txt"))).toBe(false);
  });
});

describe("local.File update, read and delete", () => {
  it("rewrites the content on update and leaves no temp files", async () => {
    const made = await create({ path: "u.txt", content: "one" });
    const news = await checked({ path: "u.txt", content: "two", mode: "0640" });
    const r = await provider.update({ urn: URN, type: T, id: made.id, olds: made.outputs, oldInputs: await checked({ path: "u.txt", content: "one" }), news, ignoreChanges: [], preview: false });
    expect(r.outputs).toMatchObject({ content: "two", sha256: hash("two"), path: made.id });
    expect(readFileSync(made.id, "utf8")).toBe("two");
    expect(statSync(made.id).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["u.txt"]);
  });

  it("removes temp files a killed write of the same path left behind, and no one else's", async () => {
    writeFileSync(join(dir, ".k.txt.cairn-0123456789ab.tmp"), "half");
    writeFileSync(join(dir, ".other.txt.cairn-0123456789ab.tmp"), "not ours to remove");
    writeFileSync(join(dir, ".k.txt.cairn-mine.tmp"), "not our name pattern");
    const made = await create({ path: "k.txt", content: "whole", overwrite: true });
    expect(readdirSync(dir).sort()).toEqual([".k.txt.cairn-mine.tmp", ".other.txt.cairn-0123456789ab.tmp", "k.txt"]);
    writeFileSync(join(dir, ".k.txt.cairn-ba9876543210.tmp"), "half");
    await provider.delete({ urn: URN, type: T, id: made.id, outputs: made.outputs, inputs: made.outputs });
    expect(readdirSync(dir).sort()).toEqual([".k.txt.cairn-mine.tmp", ".other.txt.cairn-0123456789ab.tmp"]);
  });

  it("reads what is on disk, so refresh shows drift, and reports a removed file as gone", async () => {
    const inputs = await checked({ path: "r.txt", content: "orig", mode: "0644" });
    const made = await provider.create({ urn: URN, type: T, inputs, preview: false });
    writeFileSync(made.id, "drifted");
    const r = await provider.read({ urn: URN, type: T, id: made.id, inputs, state: made.outputs });
    expect(r.id).toBe(made.id);
    expect(r.inputs).toMatchObject({ path: "r.txt", content: "drifted", mode: "0644" });
    expect(r.outputs).toMatchObject({ content: "drifted", sha256: hash("drifted"), path: made.id });
    rmSync(made.id);
    expect(await provider.read({ urn: URN, type: T, id: made.id, inputs, state: made.outputs })).toEqual({});
  });

  it("imports an existing file by path", async () => {
    writeFileSync(join(dir, "i.txt"), "adopt me");
    const r = await provider.read({ urn: URN, type: T, id: "i.txt" });
    expect(r).toMatchObject({ id: join(dir, "i.txt"), inputs: { path: "i.txt", content: "adopt me" }, outputs: { sha256: hash("adopt me") } });
  });

  it("deletes the file, and a file already gone is not an error", async () => {
    const made = await create({ path: "d.txt", content: "x" });
    const del = () => provider.delete({ urn: URN, type: T, id: made.id, inputs: made.outputs, outputs: made.outputs });
    await del();
    expect(existsSync(made.id)).toBe(false);
    await del();
  });
});

describe("local.File diff, check and secrets", () => {
  const diff = (oldInputs: PropertyMap, news: PropertyMap) => provider.diff({ urn: URN, type: T, id: "i", olds: oldInputs, oldInputs, news, ignoreChanges: [] });

  it("replaces on a path change and updates on a content or mode change", async () => {
    expect(await diff({ path: "a", content: "x" }, { path: "b", content: "x" })).toMatchObject({ replaces: ["path"] });
    const r = await diff({ path: "a", content: "x" }, { path: "a", content: "y", mode: "0600" });
    expect(r).toMatchObject({ changes: "some", diffs: ["content", "mode"] });
    expect(r.replaces).toBeUndefined();
    expect((await diff({ path: "a", content: "x" }, { path: "a", content: "x" })).changes).toBe("none");
    const same = await diff({ path: "a", content: "x" }, { path: join(dir, "a"), content: "x" });
    expect(same).toMatchObject({ changes: "some", diffs: ["path"] });
    expect(same.replaces).toBeUndefined();
  });

  it("reports every invalid input at once", async () => {
    const noRoot = createProvider({ package: "command" });
    const r = await noRoot.check({ urn: URN, type: T, olds: {}, news: { path: "rel.txt", mode: "999", colour: "red" }, randomSeed: "s" });
    expect((r.failures ?? []).map((f) => f.property).sort()).toEqual(["colour", "content", "mode", "path"]);
  });

  it("normalizes modes", () => {
    expect(["644", "0644", "0o755", "4755", "0"].map(normalizeMode)).toEqual(["0644", "0644", "0755", "04755", undefined]);
  });

  it("keeps content and its hash secret, also on read", async () => {
    const inputs = await checked({ path: "s.txt", content: makeSecret("p@ss") });
    const made = await provider.create({ urn: URN, type: T, inputs, preview: false });
    expect(made.outputs.content).toEqual(makeSecret("p@ss"));
    expect(made.outputs.sha256).toEqual(makeSecret(hash("p@ss")));
    expect(readFileSync(made.id, "utf8")).toBe("p@ss");
    const r = await provider.read({ urn: URN, type: T, id: made.id, inputs, state: made.outputs });
    expect(isSecretValue(r.inputs!.content)).toBe(true);
    expect(isSecretValue(r.outputs!.sha256)).toBe(true);
  });
});
