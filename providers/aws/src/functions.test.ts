// Provider functions from a program, through the real engine, host, file backend and the built
// provider (run `npx tsc -b providers/aws` first), against moto: a network spread over the zones
// getAvailabilityZones reports, in both the Promise and the Output form.
import { DescribeSubnetsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { all } from "@cairn/sdk";
import { useMoto, motoWorkspace, motoClientConfig } from "./test-support/use-moto.js";
import * as aws from "./index.js";

const m = useMoto({ tempDir: "cairn-aws-fn-" });

describe("provider functions in a program", () => {
  it("spreads subnets over the zones the provider reports, in preview and up", async () => {
    const ws = motoWorkspace({
      moto: m.moto,
      root: m.root,
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

    const ec2 = new EC2Client(motoClientConfig(m.moto));
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
