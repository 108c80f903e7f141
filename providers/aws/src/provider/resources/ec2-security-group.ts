// aws:ec2/securityGroup:SecurityGroup — a security group with optional inline ingress/egress rules.
// Like Pulumi, AWS's default allow-all egress rule is removed on create in a VPC; rules given
// inline are kept equal to the group's rules (changed atoms are revoked and authorized in place).
import {
  AuthorizeSecurityGroupEgressCommand, AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, DeleteSecurityGroupCommand,
  DescribeSecurityGroupsCommand, RevokeSecurityGroupEgressCommand, RevokeSecurityGroupIngressCommand,
} from "@aws-sdk/client-ec2";
import { ec2Arn, tagSpecifications, updateEc2Tags } from "../ec2-support.js";
import { atomKey, atomsFromPermissions, atomsOf, ruleFields, rulesOf, ruleSetEqual, toPermission, type RuleAtom } from "../ec2-sg-rules.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { fromTagList, userTags } from "../tags.js";
import { bool, str, type Plain } from "../values.js";

export async function describeGroup(ctx: ResourceContext, id: string) {
  const res = await ctx.clients.ec2().send(new DescribeSecurityGroupsCommand({ GroupIds: [id] }), ctx.sendOptions);
  return res.SecurityGroups?.[0];
}

type Direction = "ingress" | "egress";

export async function authorize(ctx: ResourceContext, id: string, dir: Direction, atoms: RuleAtom[]): Promise<void> {
  if (atoms.length === 0) return;
  const IpPermissions = atoms.map((a) => toPermission(a, id));
  const ec2 = ctx.clients.ec2();
  if (dir === "ingress") await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions }), ctx.sendOptions);
  else await ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: id, IpPermissions }), ctx.sendOptions);
}

export async function revoke(ctx: ResourceContext, id: string, dir: Direction, atoms: RuleAtom[]): Promise<void> {
  if (atoms.length === 0) return;
  const IpPermissions = atoms.map((a) => toPermission(a, id));
  const ec2 = ctx.clients.ec2();
  if (dir === "ingress") await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: id, IpPermissions }), ctx.sendOptions);
  else await ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: id, IpPermissions }), ctx.sendOptions);
}

async function sync(ctx: ResourceContext, id: string, dir: Direction, current: RuleAtom[], desired: RuleAtom[]): Promise<void> {
  const want = new Set(desired.map((a) => atomKey(a)));
  const have = new Set(current.map((a) => atomKey(a)));
  await revoke(ctx, id, dir, current.filter((a) => !want.has(atomKey(a))));
  await authorize(ctx, id, dir, desired.filter((a) => !have.has(atomKey(a))));
}

export const ec2SecurityGroup = defineResource({
  type: "aws:ec2/securityGroup:SecurityGroup",
  inputs: {
    name: { kind: "string", forceNew: true },
    namePrefix: { kind: "string", forceNew: true },
    description: { kind: "string", forceNew: true, default: "Managed by Cairn" },
    vpcId: { kind: "string", forceNew: true, computed: true },
    ingress: { kind: "objectList", computed: true, equal: ruleSetEqual, fields: ruleFields },
    egress: { kind: "objectList", computed: true, equal: ruleSetEqual, fields: ruleFields },
    revokeRulesOnDelete: { kind: "boolean", default: false },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "ownerId", "tagsAll"],
  naming: { property: "name", prefixProperty: "namePrefix", maxLength: 255 },
  tags: true,
  notFound: ["InvalidGroup.NotFound", "InvalidGroupId.NotFound", "InvalidGroupId.Malformed"],
  validate(inputs) {
    return str(inputs["name"])?.startsWith("sg-") === true ? [{ property: "name", reason: "security group names cannot start with \"sg-\"" }] : [];
  },

  async create(ctx, inputs) {
    const res = await ctx.clients.ec2().send(
      new CreateSecurityGroupCommand({
        GroupName: str(inputs["name"]), Description: str(inputs["description"]), VpcId: str(inputs["vpcId"]),
        TagSpecifications: tagSpecifications("security-group", inputs),
      }),
      ctx.sendOptions,
    );
    const id = res.GroupId as string;
    ctx.created(id);
    const group = await describeGroup(ctx, id);
    if (group?.VpcId !== undefined) await revoke(ctx, id, "egress", atomsFromPermissions(group.IpPermissionsEgress, id));
    await authorize(ctx, id, "ingress", atomsOf(inputs["ingress"]));
    await authorize(ctx, id, "egress", atomsOf(inputs["egress"]));
    return id;
  },
  async read(ctx, { id, inputs }) {
    const g = await describeGroup(ctx, id);
    if (g === undefined) return undefined;
    const all = fromTagList(g.Tags);
    const read: Plain = {
      name: g.GroupName ?? "",
      description: g.Description ?? "",
      ingress: rulesOf(atomsFromPermissions(g.IpPermissions, id)),
      egress: rulesOf(atomsFromPermissions(g.IpPermissionsEgress, id)),
      revokeRulesOnDelete: bool(inputs?.["revokeRulesOnDelete"]) ?? false,
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    if (g.VpcId !== undefined) read["vpcId"] = g.VpcId;
    if (inputs?.["namePrefix"] !== undefined) read["namePrefix"] = inputs["namePrefix"];
    return { inputs: read, outputs: { arn: ec2Arn(ctx, g.OwnerId, "security-group", id), ownerId: g.OwnerId ?? "", tagsAll: all } };
  },
  async update(ctx, { id, olds, news, changed }) {
    for (const dir of ["ingress", "egress"] as const) {
      if (changed.has(dir) && news[dir] !== undefined) await sync(ctx, id, dir, atomsOf(olds[dir]), atomsOf(news[dir]));
    }
    if (changed.has("tagsAll")) await updateEc2Tags(ctx, id, olds, news);
  },
  async delete(ctx, { id, inputs }) {
    if (bool(inputs["revokeRulesOnDelete"]) === true) {
      const g = await describeGroup(ctx, id);
      await revoke(ctx, id, "ingress", atomsFromPermissions(g?.IpPermissions, id));
      await revoke(ctx, id, "egress", atomsFromPermissions(g?.IpPermissionsEgress, id));
    }
    await ctx.clients.ec2().send(new DeleteSecurityGroupCommand({ GroupId: id }), ctx.sendOptions);
  },
});
