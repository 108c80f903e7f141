// Lambda Function (code zipped from archive markers) and Permission against moto, plus the zip
// builder checked by Python's zipfile module.
import { execFileSync } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { AddPermissionCommand, GetFunctionCommand, InvokeCommand, LambdaClient, UpdateFunctionConfigurationCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SIG, type PropertyMap } from "@cairn/protocol";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource, urnOf } from "../../test-support/provider-harness.js";
import { sha256Base64, zipBytes } from "../zip-archive.js";

const FN = "aws:lambda/function:Function";
const PERM = "aws:lambda/permission:Permission";
const TOPIC = "aws:sns/topic:Topic";
const m = useMoto({ provider: { defaultTags: { tags: { team: "ops" } } } });
const iam = m.client(IAMClient);
const lambda = m.client(LambdaClient);
let dir: string;
let roleArn: string;

const text = (t: string) => ({ [SIG]: "asset", text: t });
const archive = (assets: PropertyMap) => ({ [SIG]: "archive", assets });

/** Names and contents of a zip, read by Python's zipfile (an independent reader). */
function unzip(bytes: Buffer): Record<string, string> {
  const script = "import sys,zipfile,io,json;z=zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()));assert z.testzip() is None;print(json.dumps({n:z.read(n).decode() for n in z.namelist()}))";
  return JSON.parse(execFileSync("python3", ["-c", script], { input: bytes }).toString()) as Record<string, string>;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cairn-lambda-"));
});
afterAll(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await fetch(`${m.moto.url}/moto-api/config`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ lambda: { use_docker: false } }) });
  const assume = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] };
  roleArn = (await iam().send(new CreateRoleCommand({ RoleName: "fn-role", AssumeRolePolicyDocument: JSON.stringify(assume) }))).Role?.Arn as string;
});

describe("zip archives", () => {
  it("zips assets, nested archives and directories deterministically", async () => {
    const site = join(dir, "lib");
    await mkdir(join(site, "deep"), { recursive: true });
    await writeFile(join(site, "util.js"), "exports.x = 1;");
    await writeFile(join(site, "deep", "more.js"), "exports.y = 2;");
    await writeFile(join(dir, "readme.txt"), "read me");
    const value = archive({
      "index.js": text("exports.handler = async () => 'hi';"),
      "docs/readme.txt": { [SIG]: "asset", path: "readme.txt" },
      lib: { [SIG]: "archive", path: "lib" },
      extra: archive({ "a.txt": text("a") }),
    });
    const bytes = await zipBytes({ property: "code", value, rootDirectory: dir });
    expect(unzip(bytes)).toEqual({
      "index.js": "exports.handler = async () => 'hi';", "docs/readme.txt": "read me", "lib/util.js": "exports.x = 1;",
      "lib/deep/more.js": "exports.y = 2;", "extra/a.txt": "a",
    });
    expect((await zipBytes({ property: "code", value, rootDirectory: dir })).equals(bytes)).toBe(true);
    const fromDir = await zipBytes({ property: "code", value: { [SIG]: "archive", path: site } });
    expect(Object.keys(unzip(fromDir)).sort()).toEqual(["deep/more.js", "util.js"]);
    await writeFile(join(dir, "ready.zip"), bytes);
    expect((await zipBytes({ property: "code", value: { [SIG]: "archive", path: "ready.zip" }, rootDirectory: dir })).equals(bytes)).toBe(true);
    await expect(zipBytes({ property: "code", value: text("x") })).rejects.toThrow(/must be an archive/);
  });
});

describe("aws:lambda/function:Function", () => {
  it("creates from an asset archive, updates code and configuration in place, drifts, imports, replaces and deletes", async () => {
    const code1 = archive({ "index.js": text("exports.handler = async () => 1;") });
    const args = { role: roleArn, runtime: "nodejs20.x", handler: "index.handler", code: code1, environment: { variables: { MODE: "a" } }, tags: { env: "dev" } };
    const f = await createResource(m.provider, FN, "worker", args);
    expect(f.id).toMatch(/^worker-[0-9a-f]{7}$/);
    const zip1 = await zipBytes({ property: "code", value: code1 });
    expect(f.outputs).toMatchObject({ name: f.id, timeout: 3, memorySize: 128, sourceCodeHash: sha256Base64(zip1), tagsAll: { env: "dev", team: "ops" } });
    expect(f.outputs["arn"]).toMatch(/:function:worker-/);
    expect((await planChange(m.provider, f, args)).diff.changes).toBe("none");

    const invoked = await lambda().send(new InvokeCommand({ FunctionName: f.id, Payload: Buffer.from(JSON.stringify({ ping: 1 })) }));
    expect(invoked.StatusCode).toBe(200);

    const code2 = archive({ "index.js": text("exports.handler = async () => 2;") });
    const u = await updateResource(m.provider, f, { ...args, code: code2, timeout: 30, memorySize: 256, environment: { variables: { MODE: "b" } }, tags: { env: "prod" } });
    expect(u.diff.replaces ?? []).toEqual([]);
    const zip2 = await zipBytes({ property: "code", value: code2 });
    expect(u.outputs).toMatchObject({ timeout: 30, memorySize: 256, environment: { variables: { MODE: "b" } }, sourceCodeHash: sha256Base64(zip2), tagsAll: { env: "prod", team: "ops" } });
    expect((await lambda().send(new GetFunctionCommand({ FunctionName: f.id }))).Configuration?.CodeSha256).toBe(sha256Base64(zip2));

    await lambda().send(new UpdateFunctionConfigurationCommand({ FunctionName: f.id, Timeout: 99 }));
    expect((await readResource(m.provider, u)).inputs?.["timeout"]).toBe(99);
    expect((await importResource(m.provider, FN, "imp", f.id)).inputs).toMatchObject({ name: f.id, runtime: "nodejs20.x", handler: "index.handler", tags: { env: "prod" } });

    const r = await replaceResource(m.provider, u, { ...args, name: "worker-two" });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });

  it("sees a changed local file behind an unchanged FileArchive as a code change", async () => {
    const src = join(dir, "fn");
    await mkdir(src, { recursive: true });
    await writeFile(join(src, "index.js"), "exports.handler = async () => 'v1';");
    const args = { role: roleArn, runtime: "nodejs20.x", handler: "index.handler", code: { [SIG]: "archive", path: src } };
    const f = await createResource(m.provider, FN, "files", args);
    expect((await planChange(m.provider, f, args)).diff.changes).toBe("none");
    await writeFile(join(src, "index.js"), "exports.handler = async () => 'v2';");
    const u = await updateResource(m.provider, f, args);
    expect(u.diff.diffs).toContain("code");
    expect(u.outputs["sourceCodeHash"]).not.toBe(f.outputs["sourceCodeHash"]);
  });

  it("reports missing code, runtime and handler at once", async () => {
    const res = await m.provider.check({ urn: urnOf(FN, "bad"), type: FN, olds: {}, news: { role: roleArn }, randomSeed: "s" });
    expect(res.failures?.map((x) => x.property).sort()).toEqual(["code", "handler", "runtime"]);
    const single = await m.provider.check({ urn: urnOf(FN, "bad"), type: FN, olds: {}, news: { role: roleArn, runtime: "nodejs20.x", handler: "i.h", code: text("x") }, randomSeed: "s" });
    expect(single.failures?.map((x) => x.reason)).toEqual([expect.stringContaining("must be an archive")]);
  });
});

describe("aws:lambda/permission:Permission", () => {
  it("grants SNS invoke, reads the statement back, imports, replaces and deletes", async () => {
    const fn = await createResource(m.provider, FN, "target", { role: roleArn, runtime: "python3.12", handler: "h.main", code: archive({ "h.py": text("def main(e, c): return 1") }) });
    const topic = await createResource(m.provider, TOPIC, "events", {});
    const args = { function: fn.id, action: "lambda:InvokeFunction", principal: "sns.amazonaws.com", sourceArn: topic.id };
    const perm = await createResource(m.provider, PERM, "from-sns", args);
    expect(perm.id).toMatch(/^from-sns-[0-9a-f]{7}$/);
    expect(perm.outputs).toMatchObject({ ...args, statementId: perm.id });
    expect((await readResource(m.provider, perm)).inputs).toMatchObject(args);
    const imported = await importResource(m.provider, PERM, "imp", `${fn.id}/${perm.id}`);
    expect(imported.id).toBe(perm.id);
    expect(imported.inputs).toMatchObject({ ...args, statementId: perm.id });

    await lambda().send(new AddPermissionCommand({ FunctionName: fn.id, StatementId: "other", Action: "lambda:InvokeFunction", Principal: "s3.amazonaws.com" }));
    const r = await replaceResource(m.provider, perm, { ...args, principal: "events.amazonaws.com" });
    expect(r.diff.replaces).toEqual(["principal"]);
    expect(r.diff.deleteBeforeReplace).toBe(true);
    expect(r.id).toBe(perm.id);
    expect((await readResource(m.provider, r)).inputs).toMatchObject({ principal: "events.amazonaws.com" });
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });
});
