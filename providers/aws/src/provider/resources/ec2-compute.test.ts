// Instance, ebs.Volume, VolumeAttachment, LaunchTemplate and autoscaling.Group against moto.
import { AutoScalingClient, DescribeAutoScalingGroupsCommand, UpdateAutoScalingGroupCommand } from "@aws-sdk/client-auto-scaling";
import {
  AttachVolumeCommand, CreateKeyPairCommand, CreateSecurityGroupCommand, CreateTagsCommand, DescribeImagesCommand, DescribeInstancesCommand, DescribeLaunchTemplateVersionsCommand,
  DescribeVolumesCommand, DetachVolumeCommand, EC2Client, ModifyLaunchTemplateCommand, ModifyVolumeCommand, StopInstancesCommand,
} from "@aws-sdk/client-ec2";
import { beforeAll, describe, expect, it } from "vitest";
import { makeSecret } from "@cairn/protocol";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource, urnOf } from "../../test-support/provider-harness.js";

const INSTANCE = "aws:ec2/instance:Instance";
const VOLUME = "aws:ebs/volume:Volume";
const ATTACHMENT = "aws:ec2/volumeAttachment:VolumeAttachment";
const TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const GROUP = "aws:autoscaling/group:Group";
const VPC = "aws:ec2/vpc:Vpc";
const SUBNET = "aws:ec2/subnet:Subnet";
const m = useMoto({ provider: { defaultTags: { tags: { owner: "cairn" } } } });
const ec2 = m.client(EC2Client);
const asg = m.client(AutoScalingClient);
let amis: string[];

beforeAll(async () => {
  // moto's built-in images (they survive its reset); listing them is slow, so once per file.
  const images = await ec2().send(new DescribeImagesCommand({ Owners: ["amazon"] }));
  amis = (images.Images ?? []).map((i) => i.ImageId ?? "").filter((id) => id !== "").slice(0, 2);
});

async function network() {
  const vpc = await createResource(m.provider, VPC, "vpc", { cidrBlock: "10.0.0.0/16" });
  const subnet = await createResource(m.provider, SUBNET, "a", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" });
  const sg = async (name: string) =>
    (await ec2().send(new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: vpc.id }))).GroupId as string;
  return { vpc, subnet, sg1: await sg("one"), sg2: await sg("two") };
}

describe("aws:ec2/instance:Instance", () => {
  it("runs an instance, changes its type by stop-modify-start, swaps security groups, drifts, imports, replaces and terminates", async () => {
    const { subnet, sg1, sg2 } = await network();
    await ec2().send(new CreateKeyPairCommand({ KeyName: "ops" }));
    const args = { ami: amis[0]!, instanceType: "t3.micro", subnetId: subnet.id, vpcSecurityGroupIds: [sg1], keyName: "ops", userData: "#!/bin/sh\necho hi\n", tags: { Name: "app" } };
    const i = await createResource(m.provider, INSTANCE, "app", args);
    expect(i.id).toMatch(/^i-/);
    expect(i.outputs).toMatchObject({ instanceState: "running", availabilityZone: "us-east-1a", tagsAll: { Name: "app", owner: "cairn" }, userData: args.userData });
    expect(i.outputs["arn"]).toMatch(new RegExp(`^arn:aws:ec2:us-east-1:\\d{12}:instance/${i.id}$`));
    expect(i.outputs["privateIp"]).toMatch(/^10\.0\.1\./);

    const u = await updateResource(m.provider, i, { ...args, instanceType: "t3.large", vpcSecurityGroupIds: [sg2, sg1], tags: { Name: "app", tier: "web" } });
    expect(u.diff.diffs?.sort()).toEqual(["instanceType", "tags", "tagsAll", "vpcSecurityGroupIds"]);
    expect(u.outputs["tagsAll"]).toEqual({ Name: "app", tier: "web", owner: "cairn" });
    expect(u.id).toBe(i.id);
    const described = (await ec2().send(new DescribeInstancesCommand({ InstanceIds: [i.id] }))).Reservations?.[0]?.Instances?.[0];
    expect(described?.InstanceType).toBe("t3.large");
    expect(described?.State?.Name).toBe("running");
    expect(described?.SecurityGroups?.map((g) => g.GroupId).sort()).toEqual([sg1, sg2].sort());
    // The same groups in another order are no change.
    expect((await planChange(m.provider, u, { ...args, instanceType: "t3.large", vpcSecurityGroupIds: [sg1, sg2], tags: { Name: "app", tier: "web" } })).diff.changes).toBe("none");

    await ec2().send(new CreateTagsCommand({ Resources: [i.id], Tags: [{ Key: "Name", Value: "drifted" }] }));
    expect((await readResource(m.provider, u)).inputs?.["tags"]).toEqual({ Name: "drifted", tier: "web" });
    const imported = await importResource(m.provider, INSTANCE, "adopted", i.id);
    expect(imported.inputs).toMatchObject({ ami: amis[0], instanceType: "t3.large", subnetId: subnet.id, keyName: "ops", userData: args.userData });

    // A stopped instance gets its new type and stays stopped.
    await ec2().send(new StopInstancesCommand({ InstanceIds: [i.id] }));
    const small = await updateResource(m.provider, u, { ...args, instanceType: "t3.small", vpcSecurityGroupIds: [sg1, sg2], tags: { Name: "app", tier: "web" } });
    expect(small.outputs).toMatchObject({ instanceType: "t3.small", instanceState: "stopped" });

    const changedUserData = await planChange(m.provider, u, { ...args, instanceType: "t3.large", userData: "#!/bin/sh\necho bye\n" });
    expect(changedUserData.diff.replaces).toEqual(["userData"]);
    const r = await replaceResource(m.provider, u, { ...args, ami: amis[1]!, instanceType: "t3.large" });
    expect(r.diff.replaces).toEqual(["ami"]);
    expect(r.id).not.toBe(i.id);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
  });

  it("reports a missing ami and instanceType at once", async () => {
    const res = await m.provider.check({ urn: urnOf(INSTANCE, "bad"), type: INSTANCE, olds: {}, news: {}, randomSeed: "s" });
    expect(res.failures?.map((f) => f.property).sort()).toEqual(["ami", "instanceType"]);
  });
});

describe("aws:ebs/volume:Volume and aws:ec2/volumeAttachment:VolumeAttachment", () => {
  it("creates a volume, grows it in place, drifts, imports, replaces on a zone change and deletes", async () => {
    const v = await createResource(m.provider, VOLUME, "data", { availabilityZone: "us-east-1a", size: 10, type: "gp3", tags: { Name: "data" } });
    expect(v.id).toMatch(/^vol-/);
    expect(v.outputs).toMatchObject({ size: 10, type: "gp3", encrypted: false, tagsAll: { Name: "data", owner: "cairn" } });
    expect(v.outputs["arn"]).toMatch(new RegExp(`^arn:aws:ec2:us-east-1:\\d{12}:volume/${v.id}$`));
    const u = await updateResource(m.provider, v, { availabilityZone: "us-east-1a", size: 20, type: "io1", iops: 4000, tags: {} });
    expect(u.diff.diffs?.sort()).toEqual(["iops", "size", "tags", "tagsAll", "type"]);
    expect(u.outputs["tagsAll"]).toEqual({ owner: "cairn" });
    const described = (await ec2().send(new DescribeVolumesCommand({ VolumeIds: [v.id] }))).Volumes?.[0];
    expect(described).toMatchObject({ Size: 20, VolumeType: "io1", Iops: 4000 });

    await ec2().send(new ModifyVolumeCommand({ VolumeId: v.id, Size: 30 }));
    expect((await readResource(m.provider, u)).inputs?.["size"]).toBe(30);
    expect((await importResource(m.provider, VOLUME, "imp", v.id)).inputs).toMatchObject({ availabilityZone: "us-east-1a", size: 30, type: "io1" });

    const r = await replaceResource(m.provider, u, { availabilityZone: "us-east-1b", size: 20, type: "io1", iops: 4000, tags: {} });
    expect(r.diff.replaces).toEqual(["availabilityZone"]);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
  });

  it("attaches a volume, imports the attachment by device:volume:instance, replaces delete-first and detaches", async () => {
    const { subnet } = await network();
    const script = "#!/bin/sh\nexport TOKEN=s3cret\n";
    const inst = await createResource(m.provider, INSTANCE, "host", { ami: amis[0]!, instanceType: "t3.micro", subnetId: subnet.id, userData: makeSecret(script) });
    // Secret user data stays secret in outputs and when read back.
    expect(inst.outputs["userData"]).toEqual(makeSecret(script));
    const hostRead = await readResource(m.provider, inst);
    expect(hostRead.inputs?.["userData"]).toEqual(makeSecret(script));
    expect(hostRead.outputs?.["userData"]).toEqual(makeSecret(script));
    const v1 = await createResource(m.provider, VOLUME, "v1", { availabilityZone: "us-east-1a", size: 8 });
    const v2 = await createResource(m.provider, VOLUME, "v2", { availabilityZone: "us-east-1a", size: 8 });
    const a = await createResource(m.provider, ATTACHMENT, "att", { deviceName: "/dev/sdh", instanceId: inst.id, volumeId: v1.id });
    expect(a.id).toMatch(/^vai-\d+$/);
    const attached = (await ec2().send(new DescribeVolumesCommand({ VolumeIds: [v1.id] }))).Volumes?.[0]?.Attachments?.[0];
    expect(attached).toMatchObject({ InstanceId: inst.id, Device: "/dev/sdh", State: "attached" });
    expect((await readResource(m.provider, a)).inputs).toEqual({ deviceName: "/dev/sdh", instanceId: inst.id, volumeId: v1.id });
    // A detach made outside Cairn shows as gone; attach again for the rest of the test.
    await ec2().send(new DetachVolumeCommand({ VolumeId: v1.id, InstanceId: inst.id, Device: "/dev/sdh" }));
    expect(await readResource(m.provider, a)).toEqual({});
    await ec2().send(new AttachVolumeCommand({ VolumeId: v1.id, InstanceId: inst.id, Device: "/dev/sdh" }));

    const imported = await importResource(m.provider, ATTACHMENT, "imp", `/dev/sdh:${v1.id}:${inst.id}`);
    expect(imported.id).toBe(a.id);
    expect(imported.inputs).toEqual({ deviceName: "/dev/sdh", instanceId: inst.id, volumeId: v1.id });

    const r = await replaceResource(m.provider, a, { deviceName: "/dev/sdh", instanceId: inst.id, volumeId: v2.id });
    expect(r.diff.replaces).toEqual(["volumeId"]);
    expect(r.diff.deleteBeforeReplace).toBe(true);
    expect(await readResource(m.provider, a)).toEqual({});
    expect((await ec2().send(new DescribeVolumesCommand({ VolumeIds: [v1.id] }))).Volumes?.[0]?.State).toBe("available");

    // skipDestroy leaves the volume attached; a plain delete detaches it.
    const kept = await updateResource(m.provider, r, { deviceName: "/dev/sdh", instanceId: inst.id, volumeId: v2.id, skipDestroy: true });
    await deleteResource(m.provider, kept);
    expect((await ec2().send(new DescribeVolumesCommand({ VolumeIds: [v2.id] }))).Volumes?.[0]?.State).toBe("in-use");
    await deleteResource(m.provider, r);
    await deleteResource(m.provider, r);
    expect((await ec2().send(new DescribeVolumesCommand({ VolumeIds: [v2.id] }))).Volumes?.[0]?.State).toBe("available");
  });
});

describe("aws:ec2/launchTemplate:LaunchTemplate and aws:autoscaling/group:Group", () => {
  it("makes a new default version on change, follows a drifted default, imports, replaces on rename and deletes", async () => {
    const args = { imageId: amis[0]!, instanceType: "t3.micro", userData: Buffer.from("echo 1").toString("base64"), updateDefaultVersion: true, tags: { Name: "web" } };
    const lt = await createResource(m.provider, TEMPLATE, "web", args);
    expect(lt.id).toMatch(/^lt-/);
    expect(lt.outputs).toMatchObject({ name: "web-" + (lt.outputs["name"] as string).slice(4), latestVersion: 1, defaultVersion: 1 });
    expect(lt.outputs["name"]).toMatch(/^web-[0-9a-f]{7}$/);
    expect(lt.outputs["arn"]).toMatch(new RegExp(`:launch-template/${lt.id}$`));

    const u = await updateResource(m.provider, lt, { ...args, instanceType: "t3.small", description: "bigger", tags: { Name: "web2" } });
    expect(u.diff.diffs?.sort()).toEqual(["description", "instanceType", "tags", "tagsAll"]);
    expect(u.outputs["tagsAll"]).toEqual({ Name: "web2", owner: "cairn" });
    expect(u.outputs).toMatchObject({ latestVersion: 2, defaultVersion: 2, instanceType: "t3.small" });
    const v2 = await ec2().send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: lt.id, Versions: ["2"] }));
    expect(v2.LaunchTemplateVersions?.[0]?.LaunchTemplateData?.InstanceType).toBe("t3.small");

    await ec2().send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: lt.id, DefaultVersion: "1" }));
    // defaultVersion was left to AWS: its drift shows in the outputs, not as a program input.
    const drift = await readResource(m.provider, u);
    expect(drift.outputs?.["defaultVersion"]).toBe(1);
    expect(drift.inputs?.["defaultVersion"]).toBeUndefined();
    const imported = await importResource(m.provider, TEMPLATE, "imp", lt.id);
    expect(imported.inputs).toMatchObject({ name: lt.outputs["name"], imageId: amis[0], instanceType: "t3.small", description: "bigger" });

    const r = await replaceResource(m.provider, u, { ...args, name: "web-renamed" });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
  });

  it("runs a group from a template, resizes and retags in place, drifts, imports, replaces and scales to zero on delete", async () => {
    const { subnet } = await network();
    const lt = await createResource(m.provider, TEMPLATE, "tpl", { imageId: amis[0]!, instanceType: "t3.micro" });
    const args = {
      launchTemplate: { id: lt.id, version: "$Latest" }, minSize: 1, maxSize: 3, desiredCapacity: 2, vpcZoneIdentifiers: [subnet.id],
      tags: [{ key: "Name", value: "web", propagateAtLaunch: true }],
    };
    const g = await createResource(m.provider, GROUP, "web", args);
    expect(g.id).toMatch(/^web-[0-9a-f]{7}$/);
    expect(g.outputs["arn"]).toMatch(/^arn:aws:autoscaling:us-east-1:\d{12}:autoScalingGroup:.*autoScalingGroupName\/web-/);
    const described = async () => (await asg().send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [g.id] }))).AutoScalingGroups?.[0];
    expect((await described())?.Instances?.length).toBe(2);
    // The template given by ID matches the read-back {id, name, version}.
    expect((await planChange(m.provider, g, args)).diff.changes).toBe("none");

    const u = await updateResource(m.provider, g, { ...args, maxSize: 4, desiredCapacity: 3, tags: [{ key: "Name", value: "web2", propagateAtLaunch: false }] });
    expect(u.diff.diffs?.sort()).toEqual(["desiredCapacity", "maxSize", "tags"]);
    expect(await described()).toMatchObject({ MaxSize: 4, DesiredCapacity: 3, Tags: [expect.objectContaining({ Key: "Name", Value: "web2", PropagateAtLaunch: false })] });

    await asg().send(new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: g.id, MaxSize: 5 }));
    expect((await readResource(m.provider, u)).inputs?.["maxSize"]).toBe(5);
    expect((await importResource(m.provider, GROUP, "imp", g.id)).inputs).toMatchObject({ minSize: 1, maxSize: 5, vpcZoneIdentifiers: [subnet.id] });

    const r = await replaceResource(m.provider, u, { ...args, name: "web-second" });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
  });

  it("reports template and size problems at once", async () => {
    const res = await m.provider.check({
      urn: urnOf(GROUP, "bad"), type: GROUP, olds: {}, randomSeed: "s",
      news: { launchTemplate: { version: "1" }, minSize: 3, maxSize: 1 },
    });
    expect(res.failures?.map((f) => f.property).sort()).toEqual(["launchTemplate", "minSize", "vpcZoneIdentifiers"]);
  });
});
