// aws:rds/subnetGroup:SubnetGroup — the subnets (in at least two availability zones of one VPC) a
// DB instance may be placed in. ID = the group name. Subnets, description and tags update in place
// (ModifyDBSubnetGroup); the name replaces it.
import {
  CreateDBSubnetGroupCommand, DeleteDBSubnetGroupCommand, DescribeDBSubnetGroupsCommand, ModifyDBSubnetGroupCommand, type DBSubnetGroup,
} from "@aws-sdk/client-rds";
import type { CheckFailure } from "@cairn/protocol";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { sameStringSet } from "../string-sets.js";
import { toTagList, userTags } from "../tags.js";
import { str, strList, strMap, type Plain } from "../values.js";
import { rdsTags, updateRdsTags } from "./rds-support.js";

async function describe(ctx: ResourceContext, name: string): Promise<DBSubnetGroup | undefined> {
  return (await ctx.clients.rds().send(new DescribeDBSubnetGroupsCommand({ DBSubnetGroupName: name }), ctx.sendOptions)).DBSubnetGroups?.[0];
}

function validate(inputs: Plain): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const k of ["name", "namePrefix"]) {
    const v = str(inputs[k]);
    if (v === undefined) continue;
    if (!/^[a-z0-9 ._-]*$/.test(v)) failures.push({ property: k, reason: `${k} ${JSON.stringify(v)} may contain only lowercase letters, digits, spaces, periods, underscores and hyphens` });
    if (v === "default") failures.push({ property: k, reason: `${k} must not be "default" (AWS reserves it)` });
  }
  if (Array.isArray(inputs["subnetIds"]) && inputs["subnetIds"].length === 0) failures.push({ property: "subnetIds", reason: "subnetIds must name at least one subnet (AWS wants subnets in two availability zones)" });
  return failures;
}

export const rdsSubnetGroup = defineResource({
  type: "aws:rds/subnetGroup:SubnetGroup",
  inputs: {
    name: { kind: "string", forceNew: true },
    namePrefix: { kind: "string", forceNew: true },
    description: { kind: "string", default: "Managed by Cairn" },
    subnetIds: { kind: "stringList", required: true, equal: sameStringSet },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "vpcId", "tagsAll"],
  naming: { property: "name", prefixProperty: "namePrefix", maxLength: 255, lowercase: true },
  tags: true,
  notFound: ["DBSubnetGroupNotFoundFault"],
  validate,

  async create(ctx, inputs) {
    const name = str(inputs["name"]) as string;
    const tags = toTagList(strMap(inputs["tagsAll"]));
    await ctx.clients.rds().send(new CreateDBSubnetGroupCommand({
      DBSubnetGroupName: name, DBSubnetGroupDescription: str(inputs["description"]), SubnetIds: strList(inputs["subnetIds"]),
      ...(tags.length > 0 ? { Tags: tags } : {}),
    }), ctx.sendOptions);
    return name;
  },
  async read(ctx, { id, inputs }) {
    const g = await describe(ctx, id);
    if (g === undefined) return undefined;
    const all = g.DBSubnetGroupArn === undefined ? {} : await rdsTags(ctx, g.DBSubnetGroupArn);
    const read: Plain = {
      name: g.DBSubnetGroupName ?? id,
      description: g.DBSubnetGroupDescription ?? "",
      subnetIds: (g.Subnets ?? []).map((s) => s.SubnetIdentifier ?? "").filter((s) => s !== ""),
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    if (inputs?.["namePrefix"] !== undefined) read["namePrefix"] = inputs["namePrefix"];
    return { inputs: read, outputs: { arn: g.DBSubnetGroupArn ?? "", vpcId: g.VpcId ?? "", tagsAll: all } };
  },
  async update(ctx, { id, olds, news, changed }) {
    if (changed.has("subnetIds") || changed.has("description")) {
      await ctx.clients.rds().send(new ModifyDBSubnetGroupCommand({
        DBSubnetGroupName: id, DBSubnetGroupDescription: str(news["description"]), SubnetIds: strList(news["subnetIds"]),
      }), ctx.sendOptions);
    }
    if (changed.has("tagsAll")) {
      const arn = (await describe(ctx, id))?.DBSubnetGroupArn;
      if (arn !== undefined) await updateRdsTags(ctx, arn, olds, news);
    }
  },
  async delete(ctx, { id }) {
    await ctx.clients.rds().send(new DeleteDBSubnetGroupCommand({ DBSubnetGroupName: id }), ctx.sendOptions);
  },
});
