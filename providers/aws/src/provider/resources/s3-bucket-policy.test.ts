import { GetBucketPolicyCommand, PutBucketPolicyCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Provider } from "@cairn/protocol";
import { startMoto, type Moto } from "../../test-support/moto.js";
import {
  createResource, deleteResource, importResource, motoProvider, planChange, readResource, replaceResource, updateResource,
} from "../../test-support/provider-harness.js";

const T = "aws:s3/bucketPolicy:BucketPolicy";
let moto: Moto;
let p: Provider;
let s3: S3Client;

const policy = (action: string, bucket = "pol") => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: action, Resource: `arn:aws:s3:::${bucket}/*` }],
});

beforeAll(async () => {
  moto = await startMoto();
  s3 = new S3Client({ endpoint: moto.url, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
});
afterAll(async () => {
  s3?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  p = await motoProvider(moto);
  await createResource(p, "aws:s3/bucket:Bucket", "b", { bucket: "pol" });
  await createResource(p, "aws:s3/bucket:Bucket", "b2", { bucket: "pol2" });
});

describe("aws:s3/bucketPolicy:BucketPolicy", () => {
  it("puts a policy given as an object, treats the same JSON string as no change, updates, drifts, imports and deletes", async () => {
    const bp = await createResource(p, T, "policy", { bucket: "pol", policy: policy("s3:GetObject") });
    expect(bp.id).toBe("pol");
    const stored = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: "pol" }))).Policy ?? "{}") as unknown;
    expect(stored).toMatchObject({ Statement: [{ Action: "s3:GetObject" }] });

    const none = await planChange(p, bp, { bucket: "pol", policy: JSON.stringify(policy("s3:GetObject"), null, 2) });
    expect(none.diff.changes).toBe("none");

    const u = await updateResource(p, bp, { bucket: "pol", policy: JSON.stringify(policy("s3:PutObject")) });
    expect(u.diff.diffs).toEqual(["policy"]);
    const after = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: "pol" }))).Policy ?? "{}") as unknown;
    expect(after).toMatchObject({ Statement: [{ Action: "s3:PutObject" }] });

    await s3.send(new PutBucketPolicyCommand({ Bucket: "pol", Policy: JSON.stringify(policy("s3:DeleteObject")) }));
    const drift = await readResource(p, u);
    expect(JSON.parse(drift.inputs?.["policy"] as string)).toMatchObject({ Statement: [{ Action: "s3:DeleteObject" }] });

    const imported = await importResource(p, T, "adopt", "pol");
    expect(imported.inputs?.["bucket"]).toBe("pol");

    await deleteResource(p, u);
    expect(await readResource(p, u)).toEqual({});
    await deleteResource(p, u);
  });

  it("replaces when the bucket changes", async () => {
    const bp = await createResource(p, T, "policy", { bucket: "pol", policy: policy("s3:GetObject") });
    const r = await replaceResource(p, bp, { bucket: "pol2", policy: policy("s3:GetObject", "pol2") });
    expect(r.diff.replaces).toEqual(["bucket"]);
    expect(r.id).toBe("pol2");
    expect(await readResource(p, bp)).toEqual({});
  });
});
