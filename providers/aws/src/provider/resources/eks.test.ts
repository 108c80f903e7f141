// EKS Cluster against moto. moto's cluster is ACTIVE at once with a made-up endpoint and
// certificate (nothing answers there), and it has no UpdateClusterVersion (see README).
import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeClusterCommand, EKSClient, TagResourceCommand } from "@aws-sdk/client-eks";
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "@cairn/protocol";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource, urnOf } from "../../test-support/provider-harness.js";

const CLUSTER = "aws:eks/cluster:Cluster";
const ROLE = "arn:aws:iam::123456789012:role/eks-control-plane";
const m = useMoto({ provider: { defaultTags: { tags: { team: "platform" } } } });
const ec2 = m.client(EC2Client);
const eks = m.client(EKSClient);

async function subnets(): Promise<string[]> {
  const vpc = (await ec2().send(new CreateVpcCommand({ CidrBlock: "10.2.0.0/16" }))).Vpc?.VpcId;
  const make = async (cidr: string, az: string) => (await ec2().send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: cidr, AvailabilityZone: az }))).Subnet?.SubnetId as string;
  return [await make("10.2.1.0/24", "us-east-1a"), await make("10.2.2.0/24", "us-east-1b")];
}

describe("aws:eks/cluster:Cluster", () => {
  it("creates, updates endpoint access and tags in place, drifts, imports, replaces and deletes", async () => {
    const [a, b] = await subnets();
    const args = { roleArn: ROLE, version: "1.31", vpcConfig: { subnetIds: [a!, b!] }, tags: { env: "dev" } };
    const c = await createResource(m.provider, CLUSTER, "apps", args);
    expect(c.id).toMatch(/^apps-[0-9a-f]{7}$/);
    expect(c.outputs).toMatchObject({ name: c.id, version: "1.31", status: "ACTIVE", tagsAll: { env: "dev", team: "platform" } });
    expect(c.outputs["arn"]).toBe(`arn:aws:eks:us-east-1:123456789012:cluster/${c.id}`);
    expect(c.outputs["endpoint"]).toMatch(/^https:\/\//);
    expect((c.outputs["certificateAuthority"] as { data: string }).data.length).toBeGreaterThan(0);
    expect(c.outputs["platformVersion"]).toMatch(/^eks\./);
    const sent = (await eks().send(new DescribeClusterCommand({ name: c.id }))).cluster?.resourcesVpcConfig;
    expect(sent).toMatchObject({ subnetIds: [a, b], endpointPublicAccess: true, endpointPrivateAccess: false });
    // Subnet order and spelled-out defaults are no change.
    expect((await planChange(m.provider, c, { ...args, vpcConfig: { subnetIds: [b!, a!], endpointPublicAccess: true } })).diff.changes).toBe("none");

    const u = await updateResource(m.provider, c, { ...args, vpcConfig: { subnetIds: [a!, b!], endpointPrivateAccess: true }, tags: { env: "prod" } });
    expect(u.diff.replaces).toBeUndefined();
    const after = (await eks().send(new DescribeClusterCommand({ name: c.id }))).cluster;
    // Only the endpoint fields were sent (as EKS wants); moto then forgets the subnets (see README).
    expect(after?.resourcesVpcConfig).toEqual({ endpointPublicAccess: true, endpointPrivateAccess: true });
    expect(after?.tags).toEqual({ env: "prod", team: "platform" });
    expect(u.outputs).toMatchObject({ status: "ACTIVE", tagsAll: { env: "prod", team: "platform" } });

    await eks().send(new TagResourceCommand({ resourceArn: String(c.outputs["arn"]), tags: { owner: "someone" } }));
    expect((await readResource(m.provider, u)).inputs?.["tags"]).toEqual({ env: "prod", owner: "someone" });
    expect((await importResource(m.provider, CLUSTER, "imp", c.id)).inputs).toMatchObject({ name: c.id, roleArn: ROLE, version: "1.31", tags: { env: "prod" } });

    const r = await replaceResource(m.provider, u, { ...args, name: "apps-two", roleArn: `${ROLE}-2` });
    expect(r.diff.replaces?.sort()).toEqual(["name", "roleArn"]);
    expect(r.outputs).toMatchObject({ name: "apps-two", status: "ACTIVE" });
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });

  it("plans a version change in place and reports every invalid input at once", async () => {
    const [a, b] = await subnets();
    const c = await createResource(m.provider, CLUSTER, "ver", { roleArn: ROLE, version: "1.30", vpcConfig: { subnetIds: [a!, b!] } });
    const plan = await planChange(m.provider, c, { roleArn: ROLE, version: "1.31", vpcConfig: { subnetIds: [a!, b!] } });
    expect(plan.diff.diffs).toEqual(["version"]);
    expect(plan.diff.replaces).toBeUndefined();
    // A subnet not known until apply (preview) is a change of the VPC config, in place.
    const unknownSubnet = await planChange(m.provider, c, { roleArn: ROLE, version: "1.30", vpcConfig: { subnetIds: [a!, b!, UNKNOWN] } });
    expect(unknownSubnet.diff).toMatchObject({ changes: "some", diffs: ["vpcConfig"] });
    expect(unknownSubnet.diff.replaces).toBeUndefined();

    const res = await m.provider.check({
      urn: urnOf(CLUSTER, "bad"), type: CLUSTER, olds: {}, randomSeed: "s",
      news: { name: "-bad.name", roleArn: ROLE, vpcConfig: { subnetIds: [a!], endpointPublicAccess: false } },
    });
    expect(res.failures?.map((f) => f.property).sort()).toEqual(["name", "vpcConfig.endpointPrivateAccess", "vpcConfig.subnetIds"]);
    const missing = await m.provider.check({ urn: urnOf(CLUSTER, "bad"), type: CLUSTER, olds: {}, randomSeed: "s", news: { vpcConfig: {} } });
    expect(missing.failures?.map((f) => f.property).sort()).toEqual(["roleArn", "vpcConfig.subnetIds"]);
  });
});
