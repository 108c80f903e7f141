import { GetBucketPolicyCommand, PutBucketPolicyCommand, S3Client } from "@aws-sdk/client-s3";
import { beforeEach, describe, expect, it } from "vitest";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource } from "../../test-support/provider-harness.js";

const T = "aws:s3/bucketPolicy:BucketPolicy";
const m = useMoto({ provider: {} });
const s3 = m.client(S3Client, { forcePathStyle: true });

const policy = (action: string, bucket = "pol") => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: action, Resource: `arn:aws:s3:::${bucket}/*` }],
});

beforeEach(async () => {
  await createResource(m.provider, "aws:s3/bucket:Bucket", "b", { bucket: "pol" });
  await createResource(m.provider, "aws:s3/bucket:Bucket", "b2", { bucket: "pol2" });
});

describe("aws:s3/bucketPolicy:BucketPolicy", () => {
  it("puts a policy given as an object, treats the same JSON string as no change, updates, drifts, imports and deletes", async () => {
    const bp = await createResource(m.provider, T, "policy", { bucket: "pol", policy: policy("s3:GetObject") });
    expect(bp.id).toBe("pol");
    const stored = JSON.parse((await s3().send(new GetBucketPolicyCommand({ Bucket: "pol" }))).Policy ?? "{}") as unknown;
    expect(stored).toMatchObject({ Statement: [{ Action: "s3:GetObject" }] });

    const none = await planChange(m.provider, bp, { bucket: "pol", policy: JSON.stringify(policy("s3:GetObject"), null, 2) });
    expect(none.diff.changes).toBe("none");

    const u = await updateResource(m.provider, bp, { bucket: "pol", policy: JSON.stringify(policy("s3:PutObject")) });
    expect(u.diff.diffs).toEqual(["policy"]);
    const after = JSON.parse((await s3().send(new GetBucketPolicyCommand({ Bucket: "pol" }))).Policy ?? "{}") as unknown;
    expect(after).toMatchObject({ Statement: [{ Action: "s3:PutObject" }] });

    await s3().send(new PutBucketPolicyCommand({ Bucket: "pol", Policy: JSON.stringify(policy("s3:DeleteObject")) }));
    const drift = await readResource(m.provider, u);
    expect(JSON.parse(drift.inputs?.["policy"] as string)).toMatchObject({ Statement: [{ Action: "s3:DeleteObject" }] });

    const imported = await importResource(m.provider, T, "adopt", "pol");
    expect(imported.inputs?.["bucket"]).toBe("pol");

    await deleteResource(m.provider, u);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, u);
  });

  it("replaces when the bucket changes", async () => {
    const bp = await createResource(m.provider, T, "policy", { bucket: "pol", policy: policy("s3:GetObject") });
    const r = await replaceResource(m.provider, bp, { bucket: "pol2", policy: policy("s3:GetObject", "pol2") });
    expect(r.diff.replaces).toEqual(["bucket"]);
    expect(r.id).toBe("pol2");
    expect(await readResource(m.provider, bp)).toEqual({});
  });
});
