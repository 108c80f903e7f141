// aws:ec2/instance:Instance — one EC2 instance (RunInstances with a count of one). A changed
// instanceType is applied in place: stop, modify, start; security groups and tags update in place;
// ami, subnet, key pair and user data replace it. Delete terminates and waits until terminated.
import {
  DescribeInstanceAttributeCommand, DescribeInstancesCommand, ModifyInstanceAttributeCommand, RunInstancesCommand, StartInstancesCommand,
  StopInstancesCommand, TerminateInstancesCommand, type Instance,
} from "@aws-sdk/client-ec2";
import { ec2Arn, tagSpecifications, updateEc2Tags } from "../ec2-support.js";
import { unsetComputedAsOutputs } from "../unset-computed.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { sameStringSet } from "../string-sets.js";
import { fromTagList, userTags } from "../tags.js";
import { str, strList } from "../values.js";

async function describeWithOwner(ctx: ResourceContext, id: string): Promise<{ instance?: Instance; owner?: string }> {
  const res = await ctx.clients.ec2().send(new DescribeInstancesCommand({ InstanceIds: [id] }), ctx.sendOptions);
  const r = res.Reservations?.[0];
  const out: { instance?: Instance; owner?: string } = {};
  if (r?.Instances?.[0] !== undefined) out.instance = r.Instances[0];
  if (r?.OwnerId !== undefined) out.owner = r.OwnerId;
  return out;
}

async function describe(ctx: ResourceContext, id: string): Promise<Instance | undefined> {
  return (await describeWithOwner(ctx, id)).instance;
}

async function waitState(ctx: ResourceContext, id: string, state: string): Promise<void> {
  await ctx.waitFor({ what: `instance ${id} to be ${state}`, done: async () => (await describe(ctx, id))?.State?.Name === state });
}

async function userData(ctx: ResourceContext, id: string): Promise<string | undefined> {
  const res = await ctx.clients.ec2().send(new DescribeInstanceAttributeCommand({ InstanceId: id, Attribute: "userData" }), ctx.sendOptions);
  const encoded = res.UserData?.Value;
  return encoded === undefined || encoded === "" ? undefined : Buffer.from(encoded, "base64").toString("utf8");
}

export const ec2Instance = defineResource({
  type: "aws:ec2/instance:Instance",
  inputs: {
    ami: { kind: "string", required: true, forceNew: true },
    instanceType: { kind: "string", required: true },
    subnetId: { kind: "string", forceNew: true, computed: true },
    vpcSecurityGroupIds: { kind: "stringList", computed: true, equal: sameStringSet },
    keyName: { kind: "string", forceNew: true },
    userData: { kind: "string", forceNew: true },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "privateIp", "publicIp", "availabilityZone", "instanceState", "tagsAll"],
  tags: true,
  notFound: ["InvalidInstanceID.NotFound"],

  async create(ctx, inputs) {
    const ud = str(inputs["userData"]);
    const groups = strList(inputs["vpcSecurityGroupIds"]);
    const res = await ctx.clients.ec2().send(
      new RunInstancesCommand({
        MinCount: 1, MaxCount: 1, ImageId: str(inputs["ami"]), InstanceType: str(inputs["instanceType"]) as never,
        SubnetId: str(inputs["subnetId"]), KeyName: str(inputs["keyName"]),
        ...(groups.length > 0 ? { SecurityGroupIds: groups } : {}),
        ...(ud !== undefined ? { UserData: Buffer.from(ud, "utf8").toString("base64") } : {}),
        TagSpecifications: tagSpecifications("instance", inputs),
      }),
      ctx.sendOptions,
    );
    const id = res.Instances?.[0]?.InstanceId as string;
    ctx.created(id);
    await waitState(ctx, id, "running");
    return id;
  },
  async read(ctx, { id, inputs }) {
    const { instance: i, owner } = await describeWithOwner(ctx, id);
    if (i === undefined || i.State?.Name === "terminated" || i.State?.Name === "shutting-down") return undefined;
    const all = fromTagList(i.Tags);
    const read: Record<string, string | string[] | Record<string, string>> = {
      ami: i.ImageId ?? "", instanceType: i.InstanceType ?? "", subnetId: i.SubnetId ?? "",
      vpcSecurityGroupIds: (i.SecurityGroups ?? []).map((g) => g.GroupId ?? "").filter((g) => g !== ""),
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    if (i.KeyName !== undefined && i.KeyName !== "") read["keyName"] = i.KeyName;
    const ud = await userData(ctx, id);
    if (ud !== undefined) read["userData"] = ud;
    const outputs = {
      arn: ec2Arn(ctx, owner, "instance", id),
      privateIp: i.PrivateIpAddress ?? "", publicIp: i.PublicIpAddress ?? "",
      availabilityZone: i.Placement?.AvailabilityZone ?? "", instanceState: i.State?.Name ?? "", tagsAll: all,
    };
    return unsetComputedAsOutputs(ec2Instance.inputs, { inputs: read, outputs }, inputs);
  },
  async update(ctx, { id, olds, news, changed }) {
    const ec2 = ctx.clients.ec2();
    if (changed.has("instanceType")) {
      // An instance someone stopped stays stopped after the change.
      const wasRunning = (await describe(ctx, id))?.State?.Name !== "stopped";
      await ec2.send(new StopInstancesCommand({ InstanceIds: [id] }), ctx.sendOptions);
      await waitState(ctx, id, "stopped");
      await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: id, InstanceType: { Value: str(news["instanceType"]) } }), ctx.sendOptions);
      if (wasRunning) {
        await ec2.send(new StartInstancesCommand({ InstanceIds: [id] }), ctx.sendOptions);
        await waitState(ctx, id, "running");
      }
    }
    if (changed.has("vpcSecurityGroupIds") && strList(news["vpcSecurityGroupIds"]).length > 0) {
      await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: id, Groups: strList(news["vpcSecurityGroupIds"]) }), ctx.sendOptions);
    }
    if (changed.has("tagsAll")) await updateEc2Tags(ctx, id, olds, news);
  },
  async delete(ctx, { id }) {
    await ctx.clients.ec2().send(new TerminateInstancesCommand({ InstanceIds: [id] }), ctx.sendOptions);
  },
});

