// End to end through the real engine, host, file backend and the built provider, against moto: an
// app server (instance, EBS volume attached with deleteBeforeReplace, IAM role and policy, launch
// template and Auto Scaling group). A second up changes nothing, an instance type change updates in
// place, refresh records only real drift, destroy removes everything in dependency order.
import { DescribeImagesCommand, DescribeInstancesCommand, DescribeVolumesCommand, EC2Client, ModifyVolumeCommand } from "@aws-sdk/client-ec2";
import { GetRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { beforeAll, describe, expect, it } from "vitest";
import { useMoto, motoWorkspace } from "./test-support/use-moto.js";
import * as aws from "./index.js";

const m = useMoto({ tempDir: "cairn-aws-compute-e2e-" });
const ec2 = m.client(EC2Client);
const iam = m.client(IAMClient);
let ami: string;

beforeAll(async () => {
  ami = (await ec2().send(new DescribeImagesCommand({ Owners: ["amazon"] }))).Images?.[0]?.ImageId ?? "";
});

describe("an app server in a deployment", () => {
  it("ups, updates the instance type in place, refreshes drift and destroys against moto", async () => {
    let instanceType = "t3.micro";
    const ws = motoWorkspace({
      moto: m.moto,
      root: m.root,
      projectName: "app",
      program: () => {
        const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });
        const subnet = new aws.ec2.Subnet("a", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" });
        const sg = new aws.ec2.SecurityGroup("app", { vpcId: vpc.id });
        const server = new aws.ec2.Instance("app", { ami, instanceType, subnetId: subnet.id, vpcSecurityGroupIds: [sg.id], userData: "#!/bin/sh\n", tags: { Name: "app" } });
        const data = new aws.ebs.Volume("data", { availabilityZone: server.availabilityZone, size: 10, type: "gp3" });
        new aws.ec2.VolumeAttachment("data", { deviceName: "/dev/sdf", instanceId: server.id, volumeId: data.id }, { deleteBeforeReplace: true });
        const role = new aws.iam.Role("app", {
          assumeRolePolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] },
        });
        const policy = new aws.iam.Policy("logs", { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "logs:*", Resource: "*" }] } });
        new aws.iam.RolePolicyAttachment("logs", { role: role.name, policyArn: policy.arn });
        const lt = new aws.ec2.LaunchTemplate("web", { imageId: ami, instanceType: "t3.micro", vpcSecurityGroupIds: [sg.id] });
        new aws.autoscaling.Group("web", { launchTemplate: { id: lt.id, version: "$Latest" }, minSize: 1, maxSize: 2, vpcZoneIdentifiers: [subnet.id] });
        return { instanceId: server.id, volumeId: data.id, roleName: role.name };
      },
    });
    const stack = await ws.createStack("dev");
    const up = await stack.up();
    expect(up.error).toBeUndefined();
    expect(up.counts.create).toBe(13); // the stack, the default aws provider and eleven resources
    const outs = await stack.outputs();
    const instanceId = String(outs["instanceId"]?.value);
    const volumeId = String(outs["volumeId"]?.value);
    const roleName = String(outs["roleName"]?.value);
    const attachments = async () => (await ec2().send(new DescribeVolumesCommand({ VolumeIds: [volumeId] }))).Volumes?.[0]?.Attachments ?? [];
    expect((await attachments()).map((a) => a.InstanceId)).toEqual([instanceId]);

    // Nothing changed: no update and no replacement of any resource read back after create.
    const again = await stack.up();
    expect(again.counts.update ?? 0).toBe(0);
    expect(again.counts.replace ?? 0).toBe(0);

    instanceType = "t3.small";
    const resized = await stack.up();
    expect(resized.counts).toMatchObject({ update: 1 });
    expect(resized.counts.replace ?? 0).toBe(0);
    const described = (await ec2().send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))).Reservations?.[0]?.Instances?.[0];
    expect(described?.InstanceType).toBe("t3.small");

    await ec2().send(new ModifyVolumeCommand({ VolumeId: volumeId, Size: 50 }));
    const refresh = await stack.refresh();
    expect(refresh.result).toBe("succeeded");
    // The volume drifted; the policy's attachmentCount went from 0 to 1 when the attachment was made.
    expect(refresh.counts).toMatchObject({ refresh: 2, same: 9 });
    // The next up sets the program's size again.
    expect((await stack.up()).counts.update).toBe(1);

    const destroy = await stack.destroy();
    expect(destroy.result).toBe("succeeded");
    const left = (await ec2().send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))).Reservations?.[0]?.Instances?.[0];
    expect(left?.State?.Name).toBe("terminated");
    await expect(iam().send(new GetRoleCommand({ RoleName: roleName }))).rejects.toMatchObject({ name: "NoSuchEntityException" });
  });
});
