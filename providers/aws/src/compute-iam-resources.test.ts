// The compute, EBS, IAM and Auto Scaling classes under the SDK's mocks: type tokens, inputs sent,
// dependencies between them, output-only properties, and `get`.
import { afterEach, describe, expect, it } from "vitest";
import { runtime } from "@cairn/sdk";
import * as aws from "./index.js";

afterEach(() => runtime.clearMocks());

const mocks = {
  newResource(args: { type: string; name: string; id?: string; inputs: Record<string, unknown> }) {
    const computed: Record<string, unknown> = { arn: `arn:test:${args.name}`, tagsAll: args.inputs["tags"] ?? {} };
    if (args.type === "aws:ec2/instance:Instance") Object.assign(computed, { privateIp: "10.0.1.5", availabilityZone: "us-east-1a", instanceState: "running" });
    if (args.type === "aws:ec2/launchTemplate:LaunchTemplate") Object.assign(computed, { latestVersion: 3, defaultVersion: 1 });
    if (args.type === "aws:iam/role:Role") computed["name"] = args.inputs["name"] ?? `${args.name}-1234567`;
    return { id: args.id ?? `${args.name}-id`, state: { ...args.inputs, ...computed } };
  },
  call() {
    return {};
  },
};

describe("@cairn/aws compute, EBS, IAM and Auto Scaling classes", () => {
  it("register an instance with an attached volume and resolve its outputs", async () => {
    const monitor = await runtime.setMocks(mocks, "proj", "dev");
    const server = new aws.ec2.Instance("app", { ami: "ami-1", instanceType: "t3.micro", subnetId: "subnet-1", userData: "echo hi", tags: { Name: "app" } });
    const data = new aws.ebs.Volume("data", { availabilityZone: server.availabilityZone, size: 20, type: "gp3" });
    new aws.ec2.VolumeAttachment("data", { deviceName: "/dev/sdh", instanceId: server.id, volumeId: data.id }, { deleteBeforeReplace: true });
    await runtime.waitForRegistrations();

    expect((await runtime.resolveOutput(server.privateIp)).value).toBe("10.0.1.5");
    expect((await runtime.resolveOutput(server.instanceState)).value).toBe("running");
    expect((await runtime.resolveOutput(server.keyName)).value).toBeUndefined();
    const volReg = monitor.registrations.find((r) => r.type === "aws:ebs/volume:Volume")!;
    expect(volReg.object).toMatchObject({ availabilityZone: "us-east-1a", size: 20, type: "gp3" });
    const attReg = monitor.registrations.find((r) => r.type === "aws:ec2/volumeAttachment:VolumeAttachment")!;
    expect(attReg.object).toMatchObject({ deviceName: "/dev/sdh", instanceId: "app-id", volumeId: "data-id" });
    expect(attReg.propertyDependencies["instanceId"]).toEqual(["urn:cairn:dev::proj::aws:ec2/instance:Instance::app"]);
  });

  it("register a role with an attached policy and a group from a launch template", async () => {
    const monitor = await runtime.setMocks(mocks, "proj", "dev");
    const role = new aws.iam.Role("task", {
      assumeRolePolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] },
    });
    const policy = new aws.iam.Policy("read", { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] } });
    new aws.iam.RolePolicyAttachment("read", { role: role.name, policyArn: policy.arn });
    const lt = new aws.ec2.LaunchTemplate("web", { imageId: "ami-1", instanceType: "t3.micro", updateDefaultVersion: true });
    const group = new aws.autoscaling.Group("web", {
      launchTemplate: { id: lt.id, version: "$Latest" }, minSize: 1, maxSize: 3, vpcZoneIdentifiers: ["subnet-1"],
      tags: [{ key: "Name", value: "web", propagateAtLaunch: true }],
    });
    await runtime.waitForRegistrations();

    const attReg = monitor.registrations.find((r) => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment")!;
    expect(attReg.object).toEqual(expect.objectContaining({ role: "task-1234567", policyArn: "arn:test:read" }));
    expect((await runtime.resolveOutput(lt.latestVersion)).value).toBe(3);
    const groupReg = monitor.registrations.find((r) => r.type === "aws:autoscaling/group:Group")!;
    expect(groupReg.object["launchTemplate"]).toEqual({ id: "web-id", version: "$Latest" });
    expect((await runtime.resolveOutput(group.arn)).value).toBe("arn:test:web");
  });

  it("read an existing role and volume with get", async () => {
    const monitor = await runtime.setMocks(mocks, "proj", "dev");
    const role = aws.iam.Role.get("existing", "ops-role");
    const vol = aws.ebs.Volume.get("disk", "vol-123");
    await runtime.waitForRegistrations();
    expect((await runtime.resolveOutput(role.id)).value).toBe("ops-role");
    expect((await runtime.resolveOutput(vol.arn)).value).toBe("arn:test:disk");
    expect(monitor.reads.map((r) => [r.type, r.id])).toEqual([["aws:iam/role:Role", "ops-role"], ["aws:ebs/volume:Volume", "vol-123"]]);
  });
});
