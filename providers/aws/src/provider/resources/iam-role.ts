// aws:iam/role:Role — an IAM role. ID = role name. The trust policy, description, session length
// and tags update in place; name and path replace it. forceDetachPolicies detaches managed
// policies and deletes inline ones before delete.
import {
  CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, DetachRolePolicyCommand, GetRoleCommand, ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand, TagRoleCommand, UntagRoleCommand, UpdateAssumeRolePolicyCommand, UpdateRoleCommand,
} from "@aws-sdk/client-iam";
import { IAM_NOT_FOUND, policyDocument } from "../iam-support.js";
import { jsonEqual, jsonText } from "../json-policy.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { fromTagList, tagChanges, toTagList, userTags } from "../tags.js";
import { bool, num, str, strMap, type Plain } from "../values.js";

async function detachAll(ctx: ResourceContext, role: string): Promise<void> {
  const iam = ctx.clients.iam();
  let marker: string | undefined;
  do {
    const res = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role, Marker: marker }), ctx.sendOptions);
    for (const p of res.AttachedPolicies ?? []) await iam.send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: p.PolicyArn }), ctx.sendOptions);
    marker = res.IsTruncated === true ? res.Marker : undefined;
  } while (marker !== undefined);
  const inline = await iam.send(new ListRolePoliciesCommand({ RoleName: role }), ctx.sendOptions);
  for (const name of inline.PolicyNames ?? []) await iam.send(new DeleteRolePolicyCommand({ RoleName: role, PolicyName: name }), ctx.sendOptions);
}

export const iamRole = defineResource({
  type: "aws:iam/role:Role",
  inputs: {
    name: { kind: "string", forceNew: true },
    namePrefix: { kind: "string", forceNew: true },
    assumeRolePolicy: { kind: "json", required: true, equal: jsonEqual },
    path: { kind: "string", forceNew: true, default: "/" },
    description: { kind: "string" },
    maxSessionDuration: { kind: "number", default: 3600 },
    forceDetachPolicies: { kind: "boolean", default: false },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "uniqueId", "createDate", "tagsAll"],
  naming: { property: "name", prefixProperty: "namePrefix", maxLength: 64 },
  tags: true,
  notFound: IAM_NOT_FOUND,
  validate(inputs) {
    const d = num(inputs["maxSessionDuration"]);
    if (d !== undefined && (d < 3600 || d > 43200)) return [{ property: "maxSessionDuration", reason: `must be between 3600 and 43200 seconds, not ${d}` }];
    return [];
  },

  async create(ctx, inputs) {
    const tags = toTagList(strMap(inputs["tagsAll"]));
    const res = await ctx.clients.iam().send(
      new CreateRoleCommand({
        RoleName: str(inputs["name"]), AssumeRolePolicyDocument: jsonText(inputs["assumeRolePolicy"]), Path: str(inputs["path"]),
        Description: str(inputs["description"]), MaxSessionDuration: num(inputs["maxSessionDuration"]), ...(tags.length > 0 ? { Tags: tags } : {}),
      }),
      ctx.sendOptions,
    );
    return res.Role?.RoleName as string;
  },
  async read(ctx, { id, inputs }) {
    const role = (await ctx.clients.iam().send(new GetRoleCommand({ RoleName: id }), ctx.sendOptions)).Role;
    if (role === undefined) return undefined;
    const all = fromTagList(role.Tags);
    const read: Plain = {
      name: role.RoleName ?? id, assumeRolePolicy: policyDocument(role.AssumeRolePolicyDocument) ?? "", path: role.Path ?? "/",
      maxSessionDuration: role.MaxSessionDuration ?? 3600, forceDetachPolicies: bool(inputs?.["forceDetachPolicies"]) ?? false,
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    if (role.Description !== undefined && role.Description !== "") read["description"] = role.Description;
    if (inputs?.["namePrefix"] !== undefined) read["namePrefix"] = inputs["namePrefix"];
    return {
      inputs: read,
      outputs: { arn: role.Arn ?? "", uniqueId: role.RoleId ?? "", createDate: role.CreateDate?.toISOString() ?? "", tagsAll: all },
    };
  },
  async update(ctx, { id, olds, news, changed }) {
    const iam = ctx.clients.iam();
    if (changed.has("assumeRolePolicy")) {
      await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: id, PolicyDocument: jsonText(news["assumeRolePolicy"]) }), ctx.sendOptions);
    }
    if (changed.has("description") || changed.has("maxSessionDuration")) {
      await iam.send(
        new UpdateRoleCommand({ RoleName: id, Description: str(news["description"]) ?? "", MaxSessionDuration: num(news["maxSessionDuration"]) }),
        ctx.sendOptions,
      );
    }
    if (changed.has("tagsAll")) {
      const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
      if (remove.length > 0) await iam.send(new UntagRoleCommand({ RoleName: id, TagKeys: remove }), ctx.sendOptions);
      if (Object.keys(set).length > 0) await iam.send(new TagRoleCommand({ RoleName: id, Tags: toTagList(set) }), ctx.sendOptions);
    }
  },
  async delete(ctx, { id, inputs }) {
    if (bool(inputs["forceDetachPolicies"]) === true) await detachAll(ctx, id);
    await ctx.clients.iam().send(new DeleteRoleCommand({ RoleName: id }), ctx.sendOptions);
  },
});
