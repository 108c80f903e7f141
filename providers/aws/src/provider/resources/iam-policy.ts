// aws:iam/policy:Policy — a customer-managed IAM policy. ID = policy ARN. A changed document
// becomes a new default version and the older versions are deleted (IAM keeps at most five);
// tags update in place; name, path and description replace it.
import {
  CreatePolicyCommand, CreatePolicyVersionCommand, DeletePolicyCommand, DeletePolicyVersionCommand, GetPolicyCommand, GetPolicyVersionCommand,
  ListPolicyVersionsCommand, TagPolicyCommand, UntagPolicyCommand,
} from "@aws-sdk/client-iam";
import { IAM_NOT_FOUND, policyDocument } from "../iam-support.js";
import { jsonEqual, jsonText } from "../json-policy.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { fromTagList, tagChanges, toTagList, userTags } from "../tags.js";
import { str, strMap, type Plain } from "../values.js";

/** Deletes every version except the default one (a policy must have no others before delete). */
async function pruneVersions(ctx: ResourceContext, arn: string): Promise<void> {
  const iam = ctx.clients.iam();
  const res = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }), ctx.sendOptions);
  for (const v of res.Versions ?? []) {
    if (v.IsDefaultVersion === true || v.VersionId === undefined) continue;
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: v.VersionId }), ctx.sendOptions);
  }
}

export const iamPolicy = defineResource({
  type: "aws:iam/policy:Policy",
  inputs: {
    name: { kind: "string", forceNew: true },
    namePrefix: { kind: "string", forceNew: true },
    path: { kind: "string", forceNew: true, default: "/" },
    description: { kind: "string", forceNew: true },
    policy: { kind: "json", required: true, equal: jsonEqual },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "policyId", "attachmentCount", "defaultVersionId", "tagsAll"],
  naming: { property: "name", prefixProperty: "namePrefix", maxLength: 128 },
  tags: true,
  notFound: IAM_NOT_FOUND,

  async create(ctx, inputs) {
    const tags = toTagList(strMap(inputs["tagsAll"]));
    const res = await ctx.clients.iam().send(
      new CreatePolicyCommand({
        PolicyName: str(inputs["name"]), Path: str(inputs["path"]), Description: str(inputs["description"]),
        PolicyDocument: jsonText(inputs["policy"]), ...(tags.length > 0 ? { Tags: tags } : {}),
      }),
      ctx.sendOptions,
    );
    return res.Policy?.Arn as string;
  },
  async read(ctx, { id, inputs }) {
    const iam = ctx.clients.iam();
    const p = (await iam.send(new GetPolicyCommand({ PolicyArn: id }), ctx.sendOptions)).Policy;
    if (p === undefined) return undefined;
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: id, VersionId: p.DefaultVersionId }), ctx.sendOptions);
    const all = fromTagList(p.Tags);
    const read: Plain = {
      name: p.PolicyName ?? "", path: p.Path ?? "/", policy: policyDocument(version.PolicyVersion?.Document) ?? "",
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    if (p.Description !== undefined && p.Description !== "") read["description"] = p.Description;
    if (inputs?.["namePrefix"] !== undefined) read["namePrefix"] = inputs["namePrefix"];
    return {
      inputs: read,
      outputs: { arn: id, policyId: p.PolicyId ?? "", attachmentCount: p.AttachmentCount ?? 0, defaultVersionId: p.DefaultVersionId ?? "", tagsAll: all },
    };
  },
  async update(ctx, { id, olds, news, changed }) {
    const iam = ctx.clients.iam();
    if (changed.has("policy")) {
      // IAM holds at most five versions: make room first, then add the new default and prune again.
      await pruneVersions(ctx, id);
      await iam.send(new CreatePolicyVersionCommand({ PolicyArn: id, PolicyDocument: jsonText(news["policy"]), SetAsDefault: true }), ctx.sendOptions);
      await pruneVersions(ctx, id);
    }
    if (changed.has("tagsAll")) {
      const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
      if (remove.length > 0) await iam.send(new UntagPolicyCommand({ PolicyArn: id, TagKeys: remove }), ctx.sendOptions);
      if (Object.keys(set).length > 0) await iam.send(new TagPolicyCommand({ PolicyArn: id, Tags: toTagList(set) }), ctx.sendOptions);
    }
  },
  async delete(ctx, { id }) {
    await pruneVersions(ctx, id);
    await ctx.clients.iam().send(new DeletePolicyCommand({ PolicyArn: id }), ctx.sendOptions);
  },
});
