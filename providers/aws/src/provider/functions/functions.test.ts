// The provider's functions (getRegion, getAvailabilityZones, ec2 getAmi/getVpc/getSubnets) against
// moto, called the way the engine calls them: provider.invoke({token, args}).
import { CreateVpcCommand, CreateSubnetCommand, EC2Client, RegisterImageCommand } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { isCairnError, type PropertyMap } from "@cairn/protocol";
import { useMoto } from "../../test-support/use-moto.js";

const m = useMoto({ provider: {} });
const ec2 = m.client(EC2Client);

async function call(token: string, args: PropertyMap = {}): Promise<PropertyMap> {
  const res = await m.provider.invoke({ token, args });
  if (res.failures !== undefined && res.failures.length > 0) throw new Error(`failures: ${JSON.stringify(res.failures)}`);
  return res.return;
}

describe("aws provider functions", () => {
  it("getRegion answers the configured region and refuses another", async () => {
    expect(await call("aws:index/getRegion:getRegion")).toMatchObject({ name: "us-east-1", id: "us-east-1" });
    await expect(call("aws:index/getRegion:getRegion", { name: "eu-west-1" })).rejects.toThrow(/configured for region us-east-1, not eu-west-1/);
  });

  it("getAvailabilityZones lists the region's zones, sorted, minus the excluded ones", async () => {
    const all = await call("aws:index/getAvailabilityZones:getAvailabilityZones", { state: "available" });
    const names = all.names as string[];
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names.every((n) => n.startsWith("us-east-1"))).toBe(true);
    expect([...names].sort()).toEqual(names);
    expect((all.zoneIds as string[]).length).toBe(names.length);
    const fewer = await call("aws:index/getAvailabilityZones:getAvailabilityZones", { excludeNames: [names[0]!] });
    expect(fewer.names).toEqual(names.slice(1));
  });

  it("getAmi finds one image, asks for mostRecent when several match, and fails when none does", async () => {
    const a = await ec2().send(new RegisterImageCommand({ Name: "cairn-app-1", Description: "first" }));
    await ec2().send(new RegisterImageCommand({ Name: "cairn-app-2", Description: "second" }));
    const one = await call("aws:ec2/getAmi:getAmi", { owners: ["self"], nameRegex: "^cairn-app-1$" });
    expect(one).toMatchObject({ id: a.ImageId, imageId: a.ImageId, name: "cairn-app-1", description: "first" });
    await expect(call("aws:ec2/getAmi:getAmi", { owners: ["self"], nameRegex: "^cairn-app-" })).rejects.toThrow(/2 AMIs match the lookup; narrow it or set mostRecent: true/);
    const newest = await call("aws:ec2/getAmi:getAmi", { owners: ["self"], nameRegex: "^cairn-app-", mostRecent: true });
    expect(["cairn-app-1", "cairn-app-2"]).toContain(newest.name);
    await expect(call("aws:ec2/getAmi:getAmi", { owners: ["self"], filters: [{ name: "name", values: ["nothing-*"] }] })).rejects.toThrow(/no AMI matches/);
  });

  it("getVpc finds exactly one VPC (the default, or by tags); getSubnets lists a VPC's subnets", async () => {
    const def = await call("aws:ec2/getVpc:getVpc", { default: true });
    expect(def).toMatchObject({ default: true, cidrBlock: "172.31.0.0/16" });
    expect(def.id).toMatch(/^vpc-/);

    const vpc = await ec2().send(new CreateVpcCommand({ CidrBlock: "10.7.0.0/16", TagSpecifications: [{ ResourceType: "vpc", Tags: [{ Key: "team", Value: "data" }] }] }));
    const vpcId = vpc.Vpc!.VpcId!;
    const s1 = await ec2().send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.7.1.0/24" }));
    const s2 = await ec2().send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.7.2.0/24" }));
    const tagged = await call("aws:ec2/getVpc:getVpc", { tags: { team: "data" } });
    expect(tagged).toMatchObject({ id: vpcId, cidrBlock: "10.7.0.0/16", default: false, tags: { team: "data" } });
    expect(tagged.arn).toBe(`arn:aws:ec2:us-east-1:${String(tagged.ownerId)}:vpc/${vpcId}`);

    const subnets = await call("aws:ec2/getSubnets:getSubnets", { filters: [{ name: "vpc-id", values: [vpcId] }] });
    expect(subnets.ids).toEqual([s1.Subnet!.SubnetId!, s2.Subnet!.SubnetId!].sort());
    // Two VPCs without a filter: not exactly one.
    await expect(call("aws:ec2/getVpc:getVpc")).rejects.toThrow(/2 VPCs match the lookup; exactly one must/);
  });

  it("reports every bad argument at once, names an unknown function, and wraps AWS errors with the token", async () => {
    const bad = await m.provider.invoke({ token: "aws:ec2/getAmi:getAmi", args: { owner: ["self"], nameRegex: "(", filters: [{ name: 1 }] } });
    expect(bad.failures?.map((f) => f.property).sort()).toEqual(["filters[0]", "nameRegex", "owner"]);
    const unknown = await m.provider.invoke({ token: "aws:ec2/getNothing:getNothing", args: {} });
    expect(unknown.failures?.[0]?.reason).toMatch(/no function "aws:ec2\/getNothing:getNothing"; it has aws:index\/getRegion:getRegion/);
    const err = await call("aws:ec2/getVpc:getVpc", { id: "vpc-0000000000" }).catch((e: unknown) => e);
    expect(isCairnError(err)).toBe(true);
    expect(String((err as Error).message)).toMatch(/^aws:ec2\/getVpc:getVpc failed: DescribeVpcs: InvalidVpcID.NotFound/);
  });
});
