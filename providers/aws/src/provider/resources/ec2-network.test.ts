// Vpc, Subnet and InternetGateway against moto.
import { CreateTagsCommand, DescribeInternetGatewaysCommand, DescribeVpcAttributeCommand, EC2Client, ModifySubnetAttributeCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UNKNOWN, type Provider } from "@cairn/protocol";
import { startMoto, type Moto } from "../../test-support/moto.js";
import {
  createResource, deleteResource, importResource, motoProvider, planChange, readResource, replaceResource, updateResource, urnOf,
} from "../../test-support/provider-harness.js";

const VPC = "aws:ec2/vpc:Vpc";
const SUBNET = "aws:ec2/subnet:Subnet";
const IGW = "aws:ec2/internetGateway:InternetGateway";
let moto: Moto;
let p: Provider;
let ec2: EC2Client;

beforeAll(async () => {
  moto = await startMoto();
  ec2 = new EC2Client({ endpoint: moto.url, region: "us-east-1", credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
});
afterAll(async () => {
  ec2?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  p = await motoProvider(moto, { defaultTags: { tags: { owner: "cairn" } } });
});

describe("aws:ec2/vpc:Vpc", () => {
  it("creates with DNS attributes and tags, updates in place, drifts, imports, replaces and deletes", async () => {
    const vpc = await createResource(p, VPC, "main", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, tags: { Name: "main" } });
    expect(vpc.id).toMatch(/^vpc-/);
    expect(vpc.outputs).toMatchObject({ enableDnsSupport: true, enableDnsHostnames: true, tagsAll: { Name: "main", owner: "cairn" } });
    expect(vpc.outputs["arn"]).toBe(`arn:aws:ec2:us-east-1:${vpc.outputs["ownerId"] as string}:vpc/${vpc.id}`);
    expect(vpc.outputs["mainRouteTableId"]).toMatch(/^rtb-/);
    expect(vpc.outputs["defaultSecurityGroupId"]).toMatch(/^sg-/);
    const hostnames = await ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpc.id, Attribute: "enableDnsHostnames" }));
    expect(hostnames.EnableDnsHostnames?.Value).toBe(true);

    const u = await updateResource(p, vpc, { cidrBlock: "10.0.0.0/16", enableDnsHostnames: false, tags: { Name: "renamed" } });
    expect(u.diff.detailedDiff).toMatchObject({ enableDnsHostnames: { kind: "update" }, "tags.Name": { kind: "update" } });
    expect(u.outputs["tagsAll"]).toEqual({ Name: "renamed", owner: "cairn" });

    await ec2.send(new CreateTagsCommand({ Resources: [vpc.id], Tags: [{ Key: "Name", Value: "drifted" }] }));
    const drift = await readResource(p, u);
    expect(drift.inputs?.["tags"]).toEqual({ Name: "drifted" });

    const imported = await importResource(p, VPC, "adopted", vpc.id);
    expect(imported.inputs).toMatchObject({ cidrBlock: "10.0.0.0/16", enableDnsSupport: true, enableDnsHostnames: false, instanceTenancy: "default" });

    const r = await replaceResource(p, u, { cidrBlock: "10.1.0.0/16", tags: { Name: "renamed" } });
    expect(r.diff.replaces).toEqual(["cidrBlock"]);
    expect(r.id).not.toBe(vpc.id);
    expect(await readResource(p, u)).toEqual({});
    await deleteResource(p, r);
    await deleteResource(p, r);
    expect(await readResource(p, r)).toEqual({});
  });

  it("previews unknown outputs and reports a bad CIDR", async () => {
    const pv = await p.create({ urn: urnOf(VPC, "pv"), type: VPC, inputs: { cidrBlock: "10.0.0.0/16" }, preview: true });
    expect(pv.outputs["arn"]).toEqual(UNKNOWN);
    const bad = await p.check({ urn: urnOf(VPC, "bad"), type: VPC, olds: {}, news: { cidrBlock: "10.0.0.0" }, randomSeed: "s" });
    expect(bad.failures?.[0]?.property).toBe("cidrBlock");
  });
});

describe("aws:ec2/subnet:Subnet", () => {
  it("creates in a chosen zone, records the zone AWS picks when unset, updates mapPublicIpOnLaunch, drifts, replaces", async () => {
    const vpc = await createResource(p, VPC, "net", { cidrBlock: "10.0.0.0/16" });
    const a = await createResource(p, SUBNET, "a", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" });
    expect(a.outputs).toMatchObject({ availabilityZone: "us-east-1a", mapPublicIpOnLaunch: false });
    expect(a.outputs["arn"]).toMatch(/subnet\//);
    const b = await createResource(p, SUBNET, "b", { vpcId: vpc.id, cidrBlock: "10.0.2.0/24" });
    expect(b.outputs["availabilityZone"]).toMatch(/^us-east-1[a-f]$/);
    expect((await planChange(p, b, { vpcId: vpc.id, cidrBlock: "10.0.2.0/24" })).diff.changes).toBe("none");

    const u = await updateResource(p, a, { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a", mapPublicIpOnLaunch: true });
    expect(u.outputs["mapPublicIpOnLaunch"]).toBe(true);

    await ec2.send(new ModifySubnetAttributeCommand({ SubnetId: a.id, MapPublicIpOnLaunch: { Value: false } }));
    expect((await readResource(p, u)).inputs?.["mapPublicIpOnLaunch"]).toBe(false);
    expect((await importResource(p, SUBNET, "imp", a.id)).inputs).toMatchObject({ vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });

    // Create-before-delete: the new subnet needs a CIDR that does not overlap the old one.
    const r = await replaceResource(p, u, { vpcId: vpc.id, cidrBlock: "10.0.3.0/24", availabilityZone: "us-east-1b" });
    expect(r.diff.replaces).toEqual(["cidrBlock", "availabilityZone"]);
    expect(r.outputs["availabilityZone"]).toBe("us-east-1b");
    await deleteResource(p, r);
    await deleteResource(p, b);
    expect(await readResource(p, r)).toEqual({});
  });
});

describe("aws:ec2/internetGateway:InternetGateway", () => {
  it("attaches, moves to another VPC in place, detaches on delete", async () => {
    const v1 = await createResource(p, VPC, "v1", { cidrBlock: "10.0.0.0/16" });
    const v2 = await createResource(p, VPC, "v2", { cidrBlock: "10.1.0.0/16" });
    const igw = await createResource(p, IGW, "gw", { vpcId: v1.id, tags: { Name: "gw" } });
    expect(igw.id).toMatch(/^igw-/);
    const u = await updateResource(p, igw, { vpcId: v2.id, tags: { Name: "gw" } });
    expect(u.diff.diffs).toEqual(["vpcId"]);
    const described = await ec2.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [igw.id] }));
    expect(described.InternetGateways?.[0]?.Attachments?.[0]?.VpcId).toBe(v2.id);
    expect((await importResource(p, IGW, "imp", igw.id)).inputs).toEqual({ vpcId: v2.id, tags: { Name: "gw" } });
    await deleteResource(p, u);
    expect(await readResource(p, u)).toEqual({});
    // The VPC can now be deleted: the gateway was detached first.
    await deleteResource(p, v2);
  });
});
