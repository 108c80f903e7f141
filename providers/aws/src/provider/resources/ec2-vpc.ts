// aws:ec2/vpc:Vpc — a VPC with DNS attributes and tags. Waits until the VPC is available.
import {
  CreateVpcCommand, DeleteVpcCommand, DescribeNetworkAclsCommand, DescribeRouteTablesCommand, DescribeSecurityGroupsCommand,
  DescribeVpcAttributeCommand, DescribeVpcsCommand, ModifyVpcAttributeCommand, type Tenancy,
} from "@aws-sdk/client-ec2";
import { ec2Arn, tagSpecifications, updateEc2Tags } from "../ec2-support.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { fromTagList, userTags } from "../tags.js";
import { bool, str, type Plain } from "../values.js";

async function describe(ctx: ResourceContext, id: string) {
  const res = await ctx.clients.ec2().send(new DescribeVpcsCommand({ VpcIds: [id] }), ctx.sendOptions);
  return res.Vpcs?.[0];
}

async function setDns(ctx: ResourceContext, id: string, attr: "EnableDnsSupport" | "EnableDnsHostnames", value: boolean): Promise<void> {
  await ctx.clients.ec2().send(new ModifyVpcAttributeCommand({ VpcId: id, [attr]: { Value: value } }), ctx.sendOptions);
}

async function attribute(ctx: ResourceContext, id: string, name: "enableDnsSupport" | "enableDnsHostnames"): Promise<boolean> {
  const res = await ctx.clients.ec2().send(new DescribeVpcAttributeCommand({ VpcId: id, Attribute: name }), ctx.sendOptions);
  return (name === "enableDnsSupport" ? res.EnableDnsSupport?.Value : res.EnableDnsHostnames?.Value) === true;
}

async function defaults(ctx: ResourceContext, id: string): Promise<Plain> {
  const ec2 = ctx.clients.ec2();
  const filter = { Name: "vpc-id", Values: [id] };
  const rt = await ec2.send(new DescribeRouteTablesCommand({ Filters: [filter, { Name: "association.main", Values: ["true"] }] }), ctx.sendOptions);
  const sg = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [filter, { Name: "group-name", Values: ["default"] }] }), ctx.sendOptions);
  const acl = await ec2.send(new DescribeNetworkAclsCommand({ Filters: [filter, { Name: "default", Values: ["true"] }] }), ctx.sendOptions);
  const out: Plain = {};
  const mainRt = rt.RouteTables?.[0]?.RouteTableId;
  if (mainRt !== undefined) {
    out["mainRouteTableId"] = mainRt;
    out["defaultRouteTableId"] = mainRt;
  }
  const sgId = sg.SecurityGroups?.[0]?.GroupId;
  if (sgId !== undefined) out["defaultSecurityGroupId"] = sgId;
  const aclId = acl.NetworkAcls?.[0]?.NetworkAclId;
  if (aclId !== undefined) out["defaultNetworkAclId"] = aclId;
  return out;
}

export const ec2Vpc = defineResource({
  type: "aws:ec2/vpc:Vpc",
  inputs: {
    cidrBlock: { kind: "string", required: true, forceNew: true },
    instanceTenancy: { kind: "string", forceNew: true, default: "default", oneOf: ["default", "dedicated"] },
    enableDnsSupport: { kind: "boolean", default: true },
    enableDnsHostnames: { kind: "boolean", default: false },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "ownerId", "mainRouteTableId", "defaultRouteTableId", "defaultSecurityGroupId", "defaultNetworkAclId", "dhcpOptionsId", "tagsAll"],
  tags: true,
  notFound: ["InvalidVpcID.NotFound"],
  validate(inputs) {
    const cidr = str(inputs["cidrBlock"]);
    return cidr !== undefined && !/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(cidr) ? [{ property: "cidrBlock", reason: `cidrBlock ${JSON.stringify(cidr)} is not an IPv4 CIDR block` }] : [];
  },

  async create(ctx, inputs) {
    const res = await ctx.clients.ec2().send(
      new CreateVpcCommand({ CidrBlock: str(inputs["cidrBlock"]), InstanceTenancy: str(inputs["instanceTenancy"]) as Tenancy, TagSpecifications: tagSpecifications("vpc", inputs) }),
      ctx.sendOptions,
    );
    const id = res.Vpc?.VpcId as string;
    ctx.created(id);
    await ctx.waitFor({ what: `VPC ${id} to become available`, done: async () => (await describe(ctx, id))?.State === "available" });
    if (bool(inputs["enableDnsSupport"]) === false) await setDns(ctx, id, "EnableDnsSupport", false);
    if (bool(inputs["enableDnsHostnames"]) === true) await setDns(ctx, id, "EnableDnsHostnames", true);
    return id;
  },
  async read(ctx, { id, inputs }) {
    const vpc = await describe(ctx, id);
    if (vpc === undefined) return undefined;
    const all = fromTagList(vpc.Tags);
    return {
      inputs: {
        cidrBlock: vpc.CidrBlock ?? "",
        instanceTenancy: vpc.InstanceTenancy ?? "default",
        enableDnsSupport: await attribute(ctx, id, "enableDnsSupport"),
        enableDnsHostnames: await attribute(ctx, id, "enableDnsHostnames"),
        tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
      },
      outputs: { arn: ec2Arn(ctx, vpc.OwnerId, "vpc", id), ownerId: vpc.OwnerId ?? "", dhcpOptionsId: vpc.DhcpOptionsId ?? "", tagsAll: all, ...(await defaults(ctx, id)) },
    };
  },
  async update(ctx, { id, olds, news, changed }) {
    if (changed.has("enableDnsSupport")) await setDns(ctx, id, "EnableDnsSupport", bool(news["enableDnsSupport"]) ?? true);
    if (changed.has("enableDnsHostnames")) await setDns(ctx, id, "EnableDnsHostnames", bool(news["enableDnsHostnames"]) ?? false);
    if (changed.has("tagsAll")) await updateEc2Tags(ctx, id, olds, news);
  },
  async delete(ctx, { id }) {
    await ctx.clients.ec2().send(new DeleteVpcCommand({ VpcId: id }), ctx.sendOptions);
  },
});
