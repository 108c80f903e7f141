// End to end: `cairn new aws-typescript` scaffolds a project whose first stack already has
// `aws:region`; with AWS_ENDPOINT_URL pointing at a moto_server the test starts, one `cairn up
// --yes` deploys its bucket and queue (checked through the AWS SDK) and `cairn destroy` removes them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HeadBucketCommand, ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { GetQueueAttributesCommand, ListQueuesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMoto, type Moto } from "../../../providers/aws/src/test-support/moto.js";
import { CliSandbox, expectCode } from "./cli-harness.js";

const creds = { accessKeyId: "testing", secretAccessKey: "testing" };
let moto: Moto;
let s3: S3Client;
let sqs: SQSClient;

beforeAll(async () => {
  moto = await startMoto();
  s3 = new S3Client({ endpoint: moto.url, region: "eu-west-1", credentials: creds, forcePathStyle: true });
  sqs = new SQSClient({ endpoint: moto.url, region: "eu-west-1", credentials: creds });
});
afterAll(async () => {
  s3?.destroy();
  sqs?.destroy();
  await moto?.stop();
});

describe("cairn new aws-typescript", () => {
  it("scaffolds a project that deploys to moto with one command and destroys", async () => {
    const sb = new CliSandbox({ AWS_ENDPOINT_URL: moto.url, AWS_ACCESS_KEY_ID: creds.accessKeyId, AWS_SECRET_ACCESS_KEY: creds.secretAccessKey });
    // The region comes from the environment `cairn new` runs in (us-east-1 without one).
    const created = expectCode(await sb.run(".", ["new", "aws-typescript", "shop", "-s", "dev"], { env: { AWS_REGION: "eu-west-1" } }), 0);
    expect(created.stdout).toContain("Set aws:region = eu-west-1 in stack 'dev'");
    const dir = join(sb.root, "shop");
    for (const f of ["Cairn.yaml", "index.ts", "package.json", "tsconfig.json", ".gitignore", "README.md"]) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(readFileSync(join(dir, "Cairn.dev.yaml"), "utf8")).toMatch(/aws:region: eu-west-1/);
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).dependencies).toMatchObject({ "@cairn/aws": "0.1.0" });

    // One command deploys it (no AWS_REGION in this run: the stack's config supplies the region).
    const up = expectCode(await sb.run("shop", ["up", "--yes"]), 0);
    expect(up.stdout).toMatch(/\+ 4 created/); // the stack, the aws provider, the bucket, the queue
    const outs = JSON.parse(expectCode(await sb.run("shop", ["stack", "output", "--json"]), 0).stdout) as { bucketName: string; queueUrl: string };
    const { bucketName: bucket, queueUrl } = outs;
    expect(bucket).toMatch(/^bucket-[0-9a-f]{7}$/);
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    const attrs = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["MessageRetentionPeriod", "QueueArn"] }))).Attributes;
    expect(attrs?.MessageRetentionPeriod).toBe("86400");
    expect(attrs?.QueueArn).toMatch(/^arn:aws:sqs:eu-west-1:/);
    expectCode(await sb.run("shop", ["preview", "--expect-no-changes"]), 0);

    expectCode(await sb.run("shop", ["destroy", "--yes"]), 0);
    expect((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
    expect((await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? []).toEqual([]);
  }, 180_000);

  it("without -s, tells the user to set the region after creating a stack", async () => {
    const sb = new CliSandbox();
    const created = expectCode(await sb.run(".", ["new", "aws-typescript", "later"], { env: { AWS_DEFAULT_REGION: "ap-south-1" } }), 0);
    expect(created.stdout).toContain("cairn stack init dev\n  cairn config set aws:region ap-south-1\n  cairn up");
    expect(existsSync(join(sb.root, "later", "Cairn.dev.yaml"))).toBe(false);
    const bad = expectCode(await sb.run(".", ["new", "aws-python", "x"]), 1);
    expect(bad.stderr).toMatch(/unknown template "aws-python"/);
    expect(bad.stderr).toContain("typescript, aws-typescript");
  });
});
