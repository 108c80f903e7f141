import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetObjectCommand, GetObjectTaggingCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { beforeEach, describe, expect, it } from "vitest";
import { SIG, makeSecret } from "@cairn/protocol";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource, urnOf } from "../../test-support/provider-harness.js";

const T = "aws:s3/bucketObject:BucketObject";
const m = useMoto({ provider: {} });
const s3 = m.client(S3Client, { forcePathStyle: true });

const text = async (bucket: string, key: string) => (await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body?.transformToString();

beforeEach(async () => {
  await createResource(m.provider, "aws:s3/bucket:Bucket", "b", { bucket: "assets" });
});

describe("aws:s3/bucketObject:BucketObject", () => {
  it("uploads content, updates it in place, sees drift through the ETag, imports and deletes", async () => {
    const o = await createResource(m.provider, T, "index.html", { bucket: "assets", content: "<h1>hi</h1>", contentType: "text/html", tags: { a: "1" } });
    expect(o.id).toBe("index.html");
    expect(o.outputs["etag"]).toMatch(/^[0-9a-f]{32}$/);
    expect(await text("assets", "index.html")).toBe("<h1>hi</h1>");
    const tags = await s3().send(new GetObjectTaggingCommand({ Bucket: "assets", Key: "index.html" }));
    expect(tags.TagSet).toEqual([{ Key: "a", Value: "1" }]);

    const none = await planChange(m.provider, o, { bucket: "assets", content: "<h1>hi</h1>", contentType: "text/html", tags: { a: "1" } });
    expect(none.diff.changes).toBe("none");

    const u = await updateResource(m.provider, o, { bucket: "assets", content: "<h1>bye</h1>", contentType: "text/html", tags: { a: "1" } });
    expect(u.diff.diffs).toEqual(["content"]);
    expect(await text("assets", "index.html")).toBe("<h1>bye</h1>");
    expect(u.outputs["etag"]).not.toBe(o.outputs["etag"]);

    // Drift: the object is overwritten outside Cairn; refresh records the new ETag and the next diff re-uploads.
    await s3().send(new PutObjectCommand({ Bucket: "assets", Key: "index.html", Body: "defaced", ContentType: "text/html" }));
    const drift = await readResource(m.provider, u);
    expect(drift.outputs?.["etag"]).not.toBe(u.outputs["etag"]);
    const refreshed = { ...u, outputs: drift.outputs ?? {}, inputs: drift.inputs ?? {} };
    const again = await planChange(m.provider, refreshed, { bucket: "assets", content: "<h1>bye</h1>", contentType: "text/html", tags: { a: "1" } });
    // The overwrite also dropped the object's tags, so both show up.
    expect([...(again.diff.diffs ?? [])].sort()).toEqual(["content", "tags", "tagsAll"]);

    const imported = await importResource(m.provider, T, "adopt", "assets/index.html");
    expect(imported.id).toBe("index.html");
    expect(imported.inputs).toMatchObject({ bucket: "assets", key: "index.html", contentType: "text/html" });

    await deleteResource(m.provider, u);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, u);
  });

  it("uploads a file asset relative to the program directory and replaces on a key change", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cairn-aws-"));
    await writeFile(join(dir, "a.txt"), "from a file");
    const { createProvider } = await import("../index.js");
    const fp = createProvider({ package: "aws", rootDirectory: dir, env: { AWS_ENDPOINT_URL: m.moto.url, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "k", AWS_SECRET_ACCESS_KEY: "s" } });
    await fp.configure({ inputs: {}, preview: false });
    const o = await createResource(fp, T, "file", { bucket: "assets", key: "one.txt", source: { [SIG]: "asset", path: "a.txt" } });
    expect(await text("assets", "one.txt")).toBe("from a file");
    // The file changes locally with the same path: the ETag comparison notices.
    await writeFile(join(dir, "a.txt"), "changed file");
    const changed = await planChange(fp, o, { bucket: "assets", key: "one.txt", source: { [SIG]: "asset", path: "a.txt" } });
    expect(changed.diff.diffs).toEqual(["source"]);
    const r = await replaceResource(fp, o, { bucket: "assets", key: "two.txt", source: { [SIG]: "asset", path: "a.txt" } });
    expect(r.diff.replaces).toEqual(["key"]);
    expect(await text("assets", "two.txt")).toBe("changed file");
    expect(await readResource(fp, o)).toEqual({});
  });

  it("keeps secret content secret in outputs and in what read returns", async () => {
    const o = await createResource(m.provider, T, "secret.txt", { bucket: "assets", content: makeSecret("s3cret") });
    expect(o.outputs["content"]).toEqual({ [SIG]: "secret", value: "s3cret" });
    expect(await text("assets", "secret.txt")).toBe("s3cret");
    const read = await readResource(m.provider, o);
    expect(read.inputs?.["content"]).toEqual({ [SIG]: "secret", value: "s3cret" });
    expect(read.outputs?.["content"]).toEqual({ [SIG]: "secret", value: "s3cret" });
  });

  it("rejects source and content together, and a missing bucket", async () => {
    const res = await m.provider.check({ urn: urnOf(T, "x"), type: T, olds: {}, news: { source: { [SIG]: "asset", text: "a" }, content: "b" }, randomSeed: "s" });
    expect(res.failures?.map((f) => f.property).sort()).toEqual(["bucket"]);
    const both = await m.provider.check({ urn: urnOf(T, "x"), type: T, olds: {}, news: { bucket: "b", source: { [SIG]: "asset", text: "a" }, content: "b" }, randomSeed: "s" });
    expect(both.failures?.map((f) => f.property)).toEqual(["content"]);
    expect(both.inputs["key"]).toBe("x");
  });
});
