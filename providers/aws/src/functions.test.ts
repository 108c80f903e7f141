// Provider functions from a program, through the real engine, host, file backend and the built
// provider (run `npx tsc -b providers/aws` first), against moto: a network spread over the zones
// getAvailabilityZones reports, in both the Promise and the Output form.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeSubnetsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Workspace } from "@cairn/automation";
import { all } from "@cairn/sdk";
import { TEST_SCRYPT } from "@cairn/state";
import { startMoto, type Moto } from "./test-support/moto.js";
import * as aws from "./index.js";

let moto: Moto;
let root: string;
beforeAll(async () => {
  moto = await startMoto();
  root = mkdtempSync(join(tmpdir(), "cairn-aws-fn-"));
});
afterAll(async () => {
  await moto?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe("provider functions in a program", () => {
  it("spreads subnets over the zones the provider reports, in preview and up", async () => {
    const ws = Workspace.create({
      projectName: "zones",
      program: async () => {
        const zones = await aws.getAvailabilityZones({ state: "available" });
        const region = aws.getRegionOutput();
        const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.3.0.0/16" });
        const subnets = zones.names.slice(0, 2).map(
          (az, i) => new aws.ec2.Subnet(`public-${i}`, { vpcId: vpc.id, cidrBlock: `10.3.${i}.0/24`, availabilityZone: az }),
        );
        // The Output form takes Inputs: this lookup waits until both subnets exist (unknown in preview).
        const filters = all(subnets.map((s) => s.vpcId)).apply((ids) => [{ name: "vpc-id", values: ids }]);
        const found = aws.ec2.getSubnetsOutput({ filters });
        return { vpcId: vpc.id, region: region.name, zones: zones.names.slice(0, 2), subnetAzs: subnets.map((s) => s.availabilityZone), found: found.ids };
      },
      workDir: join(root, "work"),
      backendUrl: `file://${join(root, "state")}`,
      passphrase: "pass",
      kdf: TEST_SCRYPT,
      identity: { user: "u", host: "h", pid: process.pid },
      env: { AWS_ENDPOINT_URL: moto.url, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" },
    });
    const stack = await ws.createStack("dev");
    const preview = await stack.preview();
    expect(preview.error).toBeUndefined();
    expect(preview.counts.create).toBe(5); // the stack, the default provider, the VPC and two subnets

    const up = await stack.up();
    expect(up.error).toBeUndefined();
    const outs = await stack.outputs();
    expect(outs["region"]?.value).toBe("us-east-1");
    const zones = outs["zones"]?.value as string[];
    expect(zones).toEqual(["us-east-1a", "us-east-1b"]);
    expect(outs["subnetAzs"]?.value).toEqual(zones);

    const ec2 = new EC2Client({ endpoint: moto.url, region: "us-east-1", credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
    try {
      const vpcId = String(outs["vpcId"]?.value);
      const listed = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }));
      expect([...(outs["found"]?.value as string[])].sort()).toEqual((listed.Subnets ?? []).map((s) => s.SubnetId).sort());
      expect((listed.Subnets ?? []).map((s) => s.AvailabilityZone).sort()).toEqual(zones);
      expect((await stack.destroy()).result).toBe("succeeded");
    } finally {
      ec2.destroy();
    }
  }, 120_000);
});
