// End to end: examples/aws-network with the real `cairn` binary against moto_server. Two stacks of
// the same program (app1234 and app5678) deploy side by side, each with the VPCs, subnets, server
// and volume its Cairn.<stack>.yaml asks for; a new AMI replaces one stack's server delete-first
// (seen in the order of the AWS calls); nothing is left to change; destroy leaves moto empty.
import { DescribeInstancesCommand, DescribeRouteTablesCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVolumesCommand, DescribeVpcsCommand, EC2Client, type Instance } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientConfig, expectCode, sandboxWithExample, stackOutputs, startMoto, startRecordingProxy, type Moto, type RecordingProxy } from "./aws-example-harness.js";

const NEW_AMI = "ami-785db401";
let moto: Moto;
let proxy: RecordingProxy;
let ec2: EC2Client;

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startRecordingProxy(moto.url);
  ec2 = new EC2Client(clientConfig(moto.url));
});
afterAll(async () => {
  ec2?.destroy();
  await proxy?.close();
  await moto?.stop();
});

async function instance(id: string): Promise<Instance | undefined> {
  return (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations?.[0]?.Instances?.[0];
}

interface Expected {
  appCidr: string;
  dataCidr: string;
  instanceType: string;
  volumeSize: number;
}

/** Checks one stack's resources in moto against what its config asked for. */
async function expectStack(outs: Record<string, unknown>, want: Expected): Promise<void> {
  const vpcs = (await ec2.send(new DescribeVpcsCommand({ VpcIds: [String(outs.appVpcId), String(outs.dataVpcId)] }))).Vpcs ?? [];
  expect(vpcs.map((v) => v.CidrBlock).sort()).toEqual([want.appCidr, want.dataCidr].sort());
  for (const [vpcId, cidr] of [[outs.appVpcId, want.appCidr], [outs.dataVpcId, want.dataCidr]] as const) {
    const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [String(vpcId)] }] }))).Subnets ?? [];
    const prefix = cidr.replace(/\.0\.0\/16$/, "");
    expect(subnets.map((s) => `${s.CidrBlock} ${s.AvailabilityZone} ${s.MapPublicIpOnLaunch === true ? "public" : "private"}`).sort()).toEqual([
      `${prefix}.0.0/24 us-east-1a public`,
      `${prefix}.1.0/24 us-east-1b public`,
      `${prefix}.100.0/24 us-east-1a private`,
      `${prefix}.101.0/24 us-east-1b private`,
    ]);
    // The public route table sends 0.0.0.0/0 to the internet gateway and serves both public subnets.
    const tables = (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "vpc-id", Values: [String(vpcId)] }] }))).RouteTables ?? [];
    const publicTable = tables.find((t) => t.Routes?.some((r) => r.DestinationCidrBlock === "0.0.0.0/0" && r.GatewayId?.startsWith("igw-")));
    const publicIds = subnets.filter((s) => s.MapPublicIpOnLaunch === true).map((s) => s.SubnetId).sort();
    expect(publicTable?.Associations?.map((a) => a.SubnetId).filter(Boolean).sort()).toEqual(publicIds);
  }
  expect(outs.appPublicSubnetIds).toHaveLength(2);
  expect(outs.dataPrivateSubnetIds).toHaveLength(2);
  const server = await instance(String(outs.instanceId));
  expect(server?.State?.Name).toBe("running");
  expect(server?.InstanceType).toBe(want.instanceType);
  expect(server?.SubnetId).toBe((outs.appPublicSubnetIds as string[])[0]);
  expect(server?.SecurityGroups?.map((g) => g.GroupId)).toEqual([outs.securityGroupId]);
  const volume = (await ec2.send(new DescribeVolumesCommand({ VolumeIds: [String(outs.volumeId)] }))).Volumes?.[0];
  expect(volume?.Size).toBe(want.volumeSize);
  expect(volume?.Attachments?.map((a) => `${a.InstanceId} ${a.Device}`)).toEqual([`${String(outs.instanceId)} /dev/sdf`]);
}

describe("examples/aws-network", () => {
  it("deploys two environments side by side, replaces a server delete-first and destroys both", async () => {
    const sb = sandboxWithExample("aws-network", proxy.url);
    const dir = "aws-network";
    for (const stack of ["app1234", "app5678"]) {
      expectCode(await sb.run(dir, ["stack", "init", stack]), 0);
      const up = expectCode(await sb.run(dir, ["up", "--yes", "-s", stack]), 0);
      expect(up.stdout).toMatch(/\+ 27 created/); // the stack, 2 components x (1 VPC, IGW, route table, 4 subnets, 2 associations) + server, SG, volume, attachment + provider
    }
    const a = await stackOutputs(sb, dir, "app1234");
    const b = await stackOutputs(sb, dir, "app5678");
    await expectStack(a, { appCidr: "10.12.0.0/16", dataCidr: "10.13.0.0/16", instanceType: "t3.micro", volumeSize: 8 });
    await expectStack(b, { appCidr: "10.56.0.0/16", dataCidr: "10.57.0.0/16", instanceType: "t3.small", volumeSize: 20 });

    // A new AMI for app1234 replaces its server delete-first: the volume is detached and the old
    // server terminated before the new one is started and the volume attached to it.
    expectCode(await sb.run(dir, ["config", "set", "ami", NEW_AMI, "-s", "app1234"]), 0);
    proxy.calls.length = 0;
    const replaced = expectCode(await sb.run(dir, ["up", "--yes", "-s", "app1234"]), 0);
    expect(replaced.stdout).toMatch(/Instance web replaced/);
    expect(replaced.stdout).toMatch(/\+- 2 replaced, 25 unchanged/);
    expect(proxy.sequence(["DetachVolume", "TerminateInstances", "RunInstances", "AttachVolume"])).toEqual(["DetachVolume", "TerminateInstances", "RunInstances", "AttachVolume"]);
    // The stack's history records the replacement as delete-first.
    const history = JSON.parse(expectCode(await sb.run(dir, ["stack", "history", "--json", "-s", "app1234"]), 0).stdout) as Array<{ steps?: Array<{ op: string; type: string; deleteBeforeReplace?: boolean }> }>;
    const serverStep = history[0]?.steps?.find((st) => st.type === "aws:ec2/instance:Instance");
    expect(serverStep).toMatchObject({ op: "replace", deleteBeforeReplace: true });
    const a2 = await stackOutputs(sb, dir, "app1234");
    expect(a2.instanceId).not.toBe(a.instanceId);
    expect(a2.volumeId).toBe(a.volumeId); // the data volume survives the server's replacement
    expect((await instance(String(a.instanceId)))?.State?.Name).toBe("terminated");
    expect((await instance(String(a2.instanceId)))?.ImageId).toBe(NEW_AMI);
    await expectStack(a2, { appCidr: "10.12.0.0/16", dataCidr: "10.13.0.0/16", instanceType: "t3.micro", volumeSize: 8 });
    // The other environment was not touched.
    expect(await stackOutputs(sb, dir, "app5678")).toEqual(b);
    expect((await instance(String(b.instanceId)))?.State?.Name).toBe("running");

    for (const stack of ["app1234", "app5678"]) expectCode(await sb.run(dir, ["preview", "--expect-no-changes", "-s", stack]), 0);

    for (const stack of ["app1234", "app5678"]) expectCode(await sb.run(dir, ["destroy", "--yes", "--remove", "-s", stack]), 0);
    expect(expectCode(await sb.run(dir, ["stack", "ls", "--json"]), 0).stdout.trim()).toBe("[]");
    const tagged = [{ Name: "tag:Project", Values: ["aws-network"] }];
    expect((await ec2.send(new DescribeVpcsCommand({ Filters: tagged }))).Vpcs).toEqual([]);
    expect((await ec2.send(new DescribeSubnetsCommand({ Filters: tagged }))).Subnets).toEqual([]);
    expect((await ec2.send(new DescribeVolumesCommand({}))).Volumes).toEqual([]);
    expect((await ec2.send(new DescribeSecurityGroupsCommand({ Filters: tagged }))).SecurityGroups).toEqual([]);
    const live = ((await ec2.send(new DescribeInstancesCommand({}))).Reservations ?? []).flatMap((r) => r.Instances ?? []).filter((i) => i.State?.Name !== "terminated");
    expect(live).toEqual([]);
  }, 300_000);
});
