// Vpc, Subnet and InternetGateway against moto.
import { CreateTagsCommand, DescribeInternetGatewaysCommand, DescribeVpcAttributeCommand, EC2Client, ModifySubnetAttributeCommand } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "@cairn/protocol";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource, urnOf } from "../../test-support/provider-harness.js";

const VPC = "aws:ec2/vpc:Vpc";
const SUBNET = "aws:ec2/subnet:Subnet";
const IGW = "aws:ec2/internetGateway:InternetGateway";
const m = useMoto({ provider: { defaultTags: { tags: { owner: "cairn" } } } });
const ec2 = m.client(EC2Client);

describe("aws:ec2/vpc:Vpc", () => {
  it("creates with DNS attributes and tags, updates in place, drifts, imports, replaces and deletes", async () => {
    const vpc = await createResource(m.provider, VPC, "main", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, tags: { Name: "main" } });
    expect(vpc.id).toMatch(/^vpc-/);
    expect(vpc.outputs).toMatchObject({ enableDnsSupport: true, enableDnsHostnames: true, tagsAll: { Name: "main", owner: "cairn" } });
    expect(vpc.outputs["arn"]).toBe(`arn:aws:ec2:us-east-1:${vpc.outputs["ownerId"] as string}:vpc/${vpc.id}`);
    expect(vpc.outputs["mainRouteTableId"]).toMatch(/^rtb-/);
    expect(vpc.outputs["defaultSecurityGroupId"]).toMatch(/^sg-/);
    const hostnames = await ec2().send(new DescribeVpcAttributeCommand({ VpcId: vpc.id, Attribute: "enableDnsHostnames" }));
    expect(hostnames.EnableDnsHostnames?.Value).toBe(true);

    const u = await updateResource(m.provider, vpc, { cidrBlock: "10.0.0.0/16", enableDnsHostnames: false, tags: { Name: "renamed" } });
    expect(u.diff.detailedDiff).toMatchObject({ enableDnsHostnames: { kind: "update" }, "tags.Name": { kind: "update" } });
    expect(u.outputs["tagsAll"]).toEqual({ Name: "renamed", owner: "cairn" });

    await ec2().send(new CreateTagsCommand({ Resources: [vpc.id], Tags: [{ Key: "Name", Value: "drifted" }] }));
    const drift = await readResource(m.provider, u);
    expect(drift.inputs?.["tags"]).toEqual({ Name: "drifted" });

    const imported = await importResource(m.provider, VPC, "adopted", vpc.id);
    expect(imported.inputs).toMatchObject({ cidrBlock: "10.0.0.0/16", enableDnsSupport: true, enableDnsHostnames: false, instanceTenancy: "default" });

    const r = await replaceResource(m.provider, u, { cidrBlock: "10.1.0.0/16", tags: { Name: "renamed" } });
    expect(r.diff.replaces).toEqual(["cidrBlock"]);
    expect(r.id).not.toBe(vpc.id);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
  });

  it("previews unknown outputs and reports a bad CIDR", async () => {
    const pv = await m.provider.create({ urn: urnOf(VPC, "pv"), type: VPC, inputs: { cidrBlock: "10.0.0.0/16" }, preview: true });
    expect(pv.outputs["arn"]).toEqual(UNKNOWN);
    const bad = await m.provider.check({ urn: urnOf(VPC, "bad"), type: VPC, olds: {}, news: { cidrBlock: "10.0.0.0" }, randomSeed: "s" });
    expect(bad.failures?.[0]?.property).toBe("cidrBlock");
  });
});

describe("aws:ec2/subnet:Subnet", () => {
  it("creates in a chosen zone, records the zone AWS picks when unset, updates mapPublicIpOnLaunch, drifts, replaces", async () => {
    const vpc = await createResource(m.provider, VPC, "net", { cidrBlock: "10.0.0.0/16" });
    const a = await createResource(m.provider, SUBNET, "a", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" });
    expect(a.outputs).toMatchObject({ availabilityZone: "us-east-1a", mapPublicIpOnLaunch: false });
    expect(a.outputs["arn"]).toMatch(/subnet\//);
    const b = await createResource(m.provider, SUBNET, "b", { vpcId: vpc.id, cidrBlock: "10.0.2.0/24" });
    expect(b.outputs["availabilityZone"]).toMatch(/^us-east-1[a-f]$/);
    expect((await planChange(m.provider, b, { vpcId: vpc.id, cidrBlock: "10.0.2.0/24" })).diff.changes).toBe("none");

    const u = await updateResource(m.provider, a, { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a", mapPublicIpOnLaunch: true });
    expect(u.outputs["mapPublicIpOnLaunch"]).toBe(true);

    await ec2().send(new ModifySubnetAttributeCommand({ SubnetId: a.id, MapPublicIpOnLaunch: { Value: false } }));
    expect((await readResource(m.provider, u)).inputs?.["mapPublicIpOnLaunch"]).toBe(false);
    expect((await importResource(m.provider, SUBNET, "imp", a.id)).inputs).toMatchObject({ vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });

    // Create-before-delete: the new subnet needs a CIDR that does not overlap the old one.
    const r = await replaceResource(m.provider, u, { vpcId: vpc.id, cidrBlock: "10.0.3.0/24", availabilityZone: "us-east-1b" });
    expect(r.diff.replaces).toEqual(["cidrBlock", "availabilityZone"]);
    expect(r.outputs["availabilityZone"]).toBe("us-east-1b");
    await deleteResource(m.provider, r);
    await deleteResource(m.provider, b);
    expect(await readResource(m.provider, r)).toEqual({});
  });
});

describe("aws:ec2/internetGateway:InternetGateway", () => {
  it("attaches, moves to another VPC in place, detaches on delete", async () => {
    const v1 = await createResource(m.provider, VPC, "v1", { cidrBlock: "10.0.0.0/16" });
    const v2 = await createResource(m.provider, VPC, "v2", { cidrBlock: "10.1.0.0/16" });
    const igw = await createResource(m.provider, IGW, "gw", { vpcId: v1.id, tags: { Name: "gw" } });
    expect(igw.id).toMatch(/^igw-/);
    const u = await updateResource(m.provider, igw, { vpcId: v2.id, tags: { Name: "gw" } });
    expect(u.diff.diffs).toEqual(["vpcId"]);
    const described = await ec2().send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [igw.id] }));
    expect(described.InternetGateways?.[0]?.Attachments?.[0]?.VpcId).toBe(v2.id);
    expect((await importResource(m.provider, IGW, "imp", igw.id)).inputs).toEqual({ vpcId: v2.id, tags: { Name: "gw" } });
    await deleteResource(m.provider, u);
    expect(await readResource(m.provider, u)).toEqual({});
    // The VPC can now be deleted: the gateway was detached first.
    await deleteResource(m.provider, v2);
  });
});
