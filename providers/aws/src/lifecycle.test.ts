// End to end through the real engine, host, file backend and the built provider, against moto:
// up creates a small network and a bucket, a tag change updates in place, refresh records drift
// made outside Cairn, destroy removes everything.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { HeadBucketCommand, PutBucketTaggingCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Workspace } from "@cairn/automation";
import { TEST_SCRYPT } from "@cairn/state";
import { startMoto, type Moto } from "./test-support/moto.js";
import * as aws from "./index.js";

let moto: Moto;
let root: string;
beforeAll(async () => {
  moto = await startMoto();
  root = mkdtempSync(join(tmpdir(), "cairn-aws-e2e-"));
});
afterAll(async () => {
  await moto?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe("aws resources in a deployment", () => {
  it("ups, updates, refreshes drift and destroys against moto", async () => {
    let env = "dev";
    const ws = Workspace.create({
      projectName: "net",
      program: () => {
        const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16", tags: { env } });
        const subnet = new aws.ec2.Subnet("public", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" });
        const sg = new aws.ec2.SecurityGroup("web", { vpcId: vpc.id, ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] });
        const bucket = new aws.s3.Bucket("logs", { forceDestroy: true, tags: { env } });
        return { vpcId: vpc.id, subnetAz: subnet.availabilityZone, sgName: sg.name, bucket: bucket.bucket };
      },
      workDir: join(root, "work"),
      backendUrl: `file://${join(root, "state")}`,
      passphrase: "pass",
      kdf: TEST_SCRYPT,
      identity: { user: "u", host: "h", pid: process.pid },
      env: { AWS_ENDPOINT_URL: moto.url, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" },
    });
    const stack = await ws.createStack("dev");
    const up = await stack.up();
    expect(up.error).toBeUndefined();
    expect(up.result).toBe("succeeded");
    expect(up.counts.create).toBe(6); // the stack, the default aws provider and four resources
    const outs = await stack.outputs();
    const vpcId = String(outs["vpcId"]?.value);
    const bucket = String(outs["bucket"]?.value);
    expect(vpcId).toMatch(/^vpc-/);
    expect(bucket).toMatch(/^logs-[0-9a-f]{7}$/);
    expect(outs["subnetAz"]?.value).toBe("us-east-1a");

    const ec2 = new EC2Client({ endpoint: moto.url, region: "us-east-1", credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
    const s3 = new S3Client({ endpoint: moto.url, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
    try {
      expect((await stack.up()).counts.update ?? 0).toBe(0);

      env = "prod";
      const retag = await stack.up();
      expect(retag.counts.update).toBe(2);
      expect(retag.counts.replace ?? 0).toBe(0);

      await s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: "env", Value: "hand-edited" }] } }));
      const refresh = await stack.refresh();
      expect(refresh.result).toBe("succeeded");
      // Only the bucket drifted; the others read back exactly as recorded.
      expect(refresh.counts).toMatchObject({ refresh: 1, same: 3 });
      // The next up puts the program's tags back.
      expect((await stack.up()).counts.update).toBe(1);

      const destroy = await stack.destroy();
      expect(destroy.result).toBe("succeeded");
      const vpcs = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }));
      expect(vpcs.Vpcs ?? []).toEqual([]);
      await expect(s3.send(new HeadBucketCommand({ Bucket: bucket }))).rejects.toMatchObject({ name: "NotFound" });
    } finally {
      ec2.destroy();
      s3.destroy();
    }
  });
});
