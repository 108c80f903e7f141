// End to end through the real engine, host, file backend and the built provider, against moto:
// up creates a small network and a bucket, a tag change updates in place, refresh records drift
// made outside Cairn, destroy removes everything.
import { DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { HeadBucketCommand, PutBucketTaggingCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { useMoto, motoWorkspace, motoClientConfig } from "./test-support/use-moto.js";
import * as aws from "./index.js";

const m = useMoto({ tempDir: "cairn-aws-e2e-" });

describe("aws resources in a deployment", () => {
  it("ups, updates, refreshes drift and destroys against moto", async () => {
    let env = "dev";
    const ws = motoWorkspace({
      moto: m.moto,
      root: m.root,
      projectName: "net",
      program: () => {
        const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16", tags: { env } });
        const subnet = new aws.ec2.Subnet("public", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" });
        const sg = new aws.ec2.SecurityGroup("web", { vpcId: vpc.id, ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] });
        const bucket = new aws.s3.Bucket("logs", { forceDestroy: true, tags: { env } });
        return { vpcId: vpc.id, subnetAz: subnet.availabilityZone, sgName: sg.name, bucket: bucket.bucket };
      },
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

    const ec2 = new EC2Client(motoClientConfig(m.moto));
    const s3 = new S3Client({ ...motoClientConfig(m.moto), forcePathStyle: true });
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
