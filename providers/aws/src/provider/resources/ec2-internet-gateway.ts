// aws:ec2/internetGateway:InternetGateway — an internet gateway, attached to `vpcId` when set
// (changing vpcId detaches and re-attaches in place).
import {
  AttachInternetGatewayCommand, CreateInternetGatewayCommand, DeleteInternetGatewayCommand, DescribeInternetGatewaysCommand, DetachInternetGatewayCommand,
} from "@aws-sdk/client-ec2";
import { ec2Arn, tagSpecifications, updateEc2Tags } from "../ec2-support.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { fromTagList, userTags } from "../tags.js";
import { str, type Plain } from "../values.js";

async function describe(ctx: ResourceContext, id: string) {
  const res = await ctx.clients.ec2().send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [id] }), ctx.sendOptions);
  return res.InternetGateways?.[0];
}

async function attach(ctx: ResourceContext, id: string, vpcId: string | undefined): Promise<void> {
  if (vpcId !== undefined) await ctx.clients.ec2().send(new AttachInternetGatewayCommand({ InternetGatewayId: id, VpcId: vpcId }), ctx.sendOptions);
}
async function detach(ctx: ResourceContext, id: string, vpcId: string | undefined): Promise<void> {
  if (vpcId !== undefined) await ctx.clients.ec2().send(new DetachInternetGatewayCommand({ InternetGatewayId: id, VpcId: vpcId }), ctx.sendOptions);
}

export const ec2InternetGateway = defineResource({
  type: "aws:ec2/internetGateway:InternetGateway",
  inputs: { vpcId: { kind: "string" }, tags: { kind: "stringMap" } },
  outputs: ["arn", "ownerId", "tagsAll"],
  tags: true,
  notFound: ["InvalidInternetGatewayID.NotFound"],

  async create(ctx, inputs) {
    const res = await ctx.clients.ec2().send(new CreateInternetGatewayCommand({ TagSpecifications: tagSpecifications("internet-gateway", inputs) }), ctx.sendOptions);
    const id = res.InternetGateway?.InternetGatewayId as string;
    ctx.created(id);
    await attach(ctx, id, str(inputs["vpcId"]));
    return id;
  },
  async read(ctx, { id, inputs }) {
    const igw = await describe(ctx, id);
    if (igw === undefined) return undefined;
    const all = fromTagList(igw.Tags);
    const read: Plain = { tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]) };
    const vpcId = igw.Attachments?.[0]?.VpcId;
    if (vpcId !== undefined) read["vpcId"] = vpcId;
    return { inputs: read, outputs: { arn: ec2Arn(ctx, igw.OwnerId, "internet-gateway", id), ownerId: igw.OwnerId ?? "", tagsAll: all } };
  },
  async update(ctx, { id, olds, news, changed }) {
    if (changed.has("vpcId")) {
      await detach(ctx, id, str(olds["vpcId"]));
      await attach(ctx, id, str(news["vpcId"]));
    }
    if (changed.has("tagsAll")) await updateEc2Tags(ctx, id, olds, news);
  },
  async delete(ctx, { id }) {
    const igw = await describe(ctx, id);
    for (const a of igw?.Attachments ?? []) await detach(ctx, id, a.VpcId);
    await ctx.clients.ec2().send(new DeleteInternetGatewayCommand({ InternetGatewayId: id }), ctx.sendOptions);
  },
});
