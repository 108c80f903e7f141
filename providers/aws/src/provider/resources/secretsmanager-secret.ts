// aws:secretsmanager/secret:Secret — a Secrets Manager secret (its metadata; values are
// SecretVersion resources). ID = secret ARN. Description and KMS key update in place; delete
// schedules deletion with the recovery window (0 = at once), and a secret pending deletion reads as gone.
import {
  CreateSecretCommand, DeleteSecretCommand, DescribeSecretCommand, TagResourceCommand, UntagResourceCommand, UpdateSecretCommand,
} from "@aws-sdk/client-secrets-manager";
import { defineResource } from "../resource-definition.js";
import { fromTagList, tagChanges, toTagList, userTags } from "../tags.js";
import { num, str, strMap, type Plain } from "../values.js";

export const secretsmanagerSecret = defineResource({
  type: "aws:secretsmanager/secret:Secret",
  inputs: {
    name: { kind: "string", forceNew: true },
    namePrefix: { kind: "string", forceNew: true },
    description: { kind: "string" },
    kmsKeyId: { kind: "string" },
    recoveryWindowInDays: { kind: "number", default: 30 },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "tagsAll"],
  naming: { property: "name", prefixProperty: "namePrefix", maxLength: 512 },
  tags: true,
  notFound: ["ResourceNotFoundException"],
  validate(inputs) {
    const w = num(inputs["recoveryWindowInDays"]);
    if (w !== undefined && w !== 0 && (w < 7 || w > 30)) return [{ property: "recoveryWindowInDays", reason: "recoveryWindowInDays must be 0 (delete at once) or 7 to 30" }];
    return [];
  },

  async create(ctx, inputs) {
    const tags = toTagList(strMap(inputs["tagsAll"]));
    const res = await ctx.clients.secretsmanager().send(new CreateSecretCommand({
      Name: str(inputs["name"]), Description: str(inputs["description"]), KmsKeyId: str(inputs["kmsKeyId"]),
      ...(tags.length > 0 ? { Tags: tags } : {}),
    }), ctx.sendOptions);
    return res.ARN as string;
  },
  async read(ctx, { id, inputs }) {
    const res = await ctx.clients.secretsmanager().send(new DescribeSecretCommand({ SecretId: id }), ctx.sendOptions);
    if (res.DeletedDate !== undefined) return undefined;
    const all = fromTagList(res.Tags);
    const read: Plain = {
      name: res.Name ?? "",
      recoveryWindowInDays: num(inputs?.["recoveryWindowInDays"]) ?? 30,
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    if (inputs?.["namePrefix"] !== undefined) read["namePrefix"] = inputs["namePrefix"];
    if (res.Description !== undefined && res.Description !== "") read["description"] = res.Description;
    if (res.KmsKeyId !== undefined && res.KmsKeyId !== "") read["kmsKeyId"] = res.KmsKeyId;
    return { id: res.ARN ?? id, inputs: read, outputs: { arn: res.ARN ?? id, tagsAll: all } };
  },
  async update(ctx, { id, olds, news, changed }) {
    const sm = ctx.clients.secretsmanager();
    if (changed.has("description") || changed.has("kmsKeyId")) {
      await sm.send(new UpdateSecretCommand({ SecretId: id, Description: str(news["description"]) ?? "", KmsKeyId: str(news["kmsKeyId"]) }), ctx.sendOptions);
    }
    if (changed.has("tagsAll")) {
      const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
      if (remove.length > 0) await sm.send(new UntagResourceCommand({ SecretId: id, TagKeys: remove }), ctx.sendOptions);
      if (Object.keys(set).length > 0) await sm.send(new TagResourceCommand({ SecretId: id, Tags: toTagList(set) }), ctx.sendOptions);
    }
  },
  async delete(ctx, { id, inputs }) {
    const window = num(inputs["recoveryWindowInDays"]) ?? 30;
    const current = await ctx.clients.secretsmanager().send(new DescribeSecretCommand({ SecretId: id }), ctx.sendOptions);
    if (current.DeletedDate !== undefined) return; // already scheduled for deletion: as good as gone
    await ctx.clients.secretsmanager().send(
      new DeleteSecretCommand(window === 0 ? { SecretId: id, ForceDeleteWithoutRecovery: true } : { SecretId: id, RecoveryWindowInDays: window }),
      ctx.sendOptions,
    );
  },
});
