// aws:ec2/subnet:Subnet — a subnet of a VPC in one availability zone (AWS picks one when unset).
import { CreateSubnetCommand, DeleteSubnetCommand, DescribeSubnetsCommand, ModifySubnetAttributeCommand } from "@aws-sdk/client-ec2";
import { ec2Arn, tagSpecifications, updateEc2Tags } from "../ec2-support.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { fromTagList, userTags } from "../tags.js";
import { bool, str } from "../values.js";

async function describe(ctx: ResourceContext, id: string) {
  const res = await ctx.clients.ec2().send(new DescribeSubnetsCommand({ SubnetIds: [id] }), ctx.sendOptions);
  return res.Subnets?.[0];
}

export const ec2Subnet = defineResource({
  type: "aws:ec2/subnet:Subnet",
  inputs: {
    vpcId: { kind: "string", required: true, forceNew: true },
    cidrBlock: { kind: "string", required: true, forceNew: true },
    availabilityZone: { kind: "string", forceNew: true, computed: true },
    mapPublicIpOnLaunch: { kind: "boolean", default: false },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "ownerId", "availabilityZoneId", "tagsAll"],
  tags: true,
  notFound: ["InvalidSubnetID.NotFound"],

  async create(ctx, inputs) {
    const res = await ctx.clients.ec2().send(
      new CreateSubnetCommand({
        VpcId: str(inputs["vpcId"]), CidrBlock: str(inputs["cidrBlock"]), AvailabilityZone: str(inputs["availabilityZone"]),
        TagSpecifications: tagSpecifications("subnet", inputs),
      }),
      ctx.sendOptions,
    );
    const id = res.Subnet?.SubnetId as string;
    ctx.created(id);
    await ctx.waitFor({ what: `subnet ${id} to become available`, done: async () => (await describe(ctx, id))?.State === "available" });
    if (bool(inputs["mapPublicIpOnLaunch"]) === true) {
      await ctx.clients.ec2().send(new ModifySubnetAttributeCommand({ SubnetId: id, MapPublicIpOnLaunch: { Value: true } }), ctx.sendOptions);
    }
    return id;
  },
  async read(ctx, { id, inputs }) {
    const s = await describe(ctx, id);
    if (s === undefined) return undefined;
    const all = fromTagList(s.Tags);
    return {
      inputs: {
        vpcId: s.VpcId ?? "", cidrBlock: s.CidrBlock ?? "", availabilityZone: s.AvailabilityZone ?? "",
        mapPublicIpOnLaunch: s.MapPublicIpOnLaunch === true, tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
      },
      outputs: { arn: s.SubnetArn ?? ec2Arn(ctx, s.OwnerId, "subnet", id), ownerId: s.OwnerId ?? "", availabilityZoneId: s.AvailabilityZoneId ?? "", tagsAll: all },
    };
  },
  async update(ctx, { id, olds, news, changed }) {
    if (changed.has("mapPublicIpOnLaunch")) {
      await ctx.clients.ec2().send(new ModifySubnetAttributeCommand({ SubnetId: id, MapPublicIpOnLaunch: { Value: bool(news["mapPublicIpOnLaunch"]) === true } }), ctx.sendOptions);
    }
    if (changed.has("tagsAll")) await updateEc2Tags(ctx, id, olds, news);
  },
  async delete(ctx, { id }) {
    await ctx.clients.ec2().send(new DeleteSubnetCommand({ SubnetId: id }), ctx.sendOptions);
  },
});
