import { GetBucketTaggingCommand, GetBucketVersioningCommand, PutBucketTaggingCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource, urnOf } from "../../test-support/provider-harness.js";

const T = "aws:s3/bucket:Bucket";
const m = useMoto({ provider: { defaultTags: { tags: { team: "platform" } } } });
const s3 = m.client(S3Client, { forcePathStyle: true });

describe("aws:s3/bucket:Bucket", () => {
  it("auto-names from the logical name with a stable 7-hex suffix", async () => {
    const urn = urnOf(T, "site");
    const a = await m.provider.check({ urn, type: T, olds: {}, news: {}, randomSeed: "s1" });
    const b = await m.provider.check({ urn, type: T, olds: {}, news: {}, randomSeed: "s1" });
    expect(a.inputs["bucket"]).toMatch(/^site-[0-9a-f]{7}$/);
    expect(b.inputs["bucket"]).toBe(a.inputs["bucket"]);
    const kept = await m.provider.check({ urn, type: T, olds: a.inputs, news: {}, randomSeed: "s2" });
    expect(kept.inputs["bucket"]).toBe(a.inputs["bucket"]);
    const prefixed = await m.provider.check({ urn, type: T, olds: {}, news: { bucketPrefix: "logs-" }, randomSeed: "s1" });
    expect(prefixed.inputs["bucket"]).toMatch(/^logs-[0-9a-f]+$/);
  });

  it("reports every invalid input at once", async () => {
    const res = await m.provider.check({ urn: urnOf(T, "b"), type: T, olds: {}, news: { bucket: "Bad_Name", tags: "x", versioning: { enabled: "yes" }, colour: 1 }, randomSeed: "s" });
    const props = (res.failures ?? []).map((f) => f.property).sort();
    expect(props).toEqual(["colour", "tags", "versioning.enabled"]);
    const named = await m.provider.check({ urn: urnOf(T, "b"), type: T, olds: {}, news: { bucket: "Bad_Name" }, randomSeed: "s" });
    expect(named.failures?.[0]?.property).toBe("bucket");
  });

  it("creates with tags, versioning and website, updates in place, detects drift, imports and deletes", async () => {
    const b = await createResource(m.provider, T, "site", {
      bucket: "my-site", tags: { env: "dev" }, versioning: { enabled: true }, website: { indexDocument: "index.html", errorDocument: "error.html" },
    });
    expect(b.id).toBe("my-site");
    expect(b.outputs).toMatchObject({
      arn: "arn:aws:s3:::my-site",
      bucketDomainName: "my-site.s3.amazonaws.com",
      bucketRegionalDomainName: "my-site.s3.us-east-1.amazonaws.com",
      websiteEndpoint: "my-site.s3-website-us-east-1.amazonaws.com",
      tagsAll: { env: "dev", team: "platform" },
    });
    const tagging = await s3().send(new GetBucketTaggingCommand({ Bucket: "my-site" }));
    expect(Object.fromEntries((tagging.TagSet ?? []).map((t) => [t.Key, t.Value]))).toEqual({ env: "dev", team: "platform" });
    expect((await s3().send(new GetBucketVersioningCommand({ Bucket: "my-site" }))).Status).toBe("Enabled");

    const same = await planChange(m.provider, b, { bucket: "my-site", tags: { env: "dev" }, versioning: { enabled: true }, website: { indexDocument: "index.html", errorDocument: "error.html" } });
    expect(same.diff.changes).toBe("none");

    const u = await updateResource(m.provider, b, { bucket: "my-site", tags: { env: "prod" }, versioning: { enabled: false } });
    expect(u.diff.detailedDiff).toMatchObject({ "tags.env": { kind: "update" }, versioning: { kind: "update" }, website: { kind: "delete" } });
    expect((await s3().send(new GetBucketVersioningCommand({ Bucket: "my-site" }))).Status).toBe("Suspended");
    expect(u.outputs["websiteEndpoint"]).toBeUndefined();
    expect(u.outputs["tagsAll"]).toEqual({ env: "prod", team: "platform" });

    // Drift: someone retags the bucket outside Cairn.
    await s3().send(new PutBucketTaggingCommand({ Bucket: "my-site", Tagging: { TagSet: [{ Key: "env", Value: "hacked" }, { Key: "team", Value: "platform" }] } }));
    const drift = await readResource(m.provider, u);
    expect(drift.inputs?.["tags"]).toEqual({ env: "hacked" });
    expect(drift.outputs?.["tagsAll"]).toEqual({ env: "hacked", team: "platform" });

    const imported = await importResource(m.provider, T, "adopted", "my-site");
    expect(imported.id).toBe("my-site");
    expect(imported.inputs).toMatchObject({ bucket: "my-site", tags: { env: "hacked" }, versioning: { enabled: false } });

    await deleteResource(m.provider, u);
    expect(await readResource(m.provider, u)).toEqual({});
    // Already gone counts as deleted.
    await deleteResource(m.provider, u);
  });

  it("replaces when the bucket name changes and forceDestroy empties a non-empty bucket", async () => {
    const b = await createResource(m.provider, T, "data", { bucket: "data-one", forceDestroy: true });
    await s3().send(new PutObjectCommand({ Bucket: "data-one", Key: "a.txt", Body: "hello" }));
    const r = await replaceResource(m.provider, b, { bucket: "data-two", forceDestroy: true });
    expect(r.diff.replaces).toEqual(["bucket"]);
    expect(r.id).toBe("data-two");
    expect(await readResource(m.provider, b)).toEqual({});
  });

  it("names the resource, the operation and AWS's error code when a call fails", async () => {
    const b = await createResource(m.provider, T, "full", { bucket: "full-bucket" });
    await s3().send(new PutObjectCommand({ Bucket: "full-bucket", Key: "a.txt", Body: "hello" }));
    const err = await deleteResource(m.provider, b).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CAIRN_PROVIDER_ERROR", source: "provider", urn: urnOf(T, "full") });
    expect((err as Error).message).toMatch(/delete of .*full failed: DeleteBucket: BucketNotEmpty/);
  });

  it("previews a create with unknown outputs and the merged tags", async () => {
    const urn = urnOf(T, "pv");
    const res = await m.provider.create({ urn, type: T, inputs: { bucket: "pv", tags: { a: "1" } }, preview: true });
    expect(res.id).toBe("");
    expect(res.outputs["arn"]).toEqual({ "cairn:sig": "unknown" });
    expect(res.outputs["tagsAll"]).toEqual({ a: "1", team: "platform" });
  });
});
