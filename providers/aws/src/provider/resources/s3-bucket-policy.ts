// aws:s3/bucketPolicy:BucketPolicy — the policy document of one bucket. ID = bucket name.
import { DeleteBucketPolicyCommand, GetBucketPolicyCommand, PutBucketPolicyCommand } from "@aws-sdk/client-s3";
import { jsonEqual, jsonText } from "../json-policy.js";
import { defineResource } from "../resource-definition.js";
import { str } from "../values.js";

export const s3BucketPolicy = defineResource({
  type: "aws:s3/bucketPolicy:BucketPolicy",
  inputs: {
    bucket: { kind: "string", required: true, forceNew: true },
    policy: { kind: "json", required: true, equal: jsonEqual },
  },
  outputs: [],
  notFound: ["NoSuchBucketPolicy", "NoSuchBucket"],

  async create(ctx, inputs) {
    const bucket = str(inputs["bucket"]) as string;
    await ctx.clients.s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: jsonText(inputs["policy"]) }), ctx.sendOptions);
    return bucket;
  },
  async read(ctx, { id }) {
    const res = await ctx.clients.s3().send(new GetBucketPolicyCommand({ Bucket: id }), ctx.sendOptions);
    if (res.Policy === undefined) return undefined;
    return { inputs: { bucket: id, policy: res.Policy }, outputs: {} };
  },
  async update(ctx, { id, news }) {
    await ctx.clients.s3().send(new PutBucketPolicyCommand({ Bucket: id, Policy: jsonText(news["policy"]) }), ctx.sendOptions);
  },
  async delete(ctx, { id }) {
    await ctx.clients.s3().send(new DeleteBucketPolicyCommand({ Bucket: id }), ctx.sendOptions);
  },
});
