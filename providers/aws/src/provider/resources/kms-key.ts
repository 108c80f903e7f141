// aws:kms/key:Key — a KMS key. ID = key ID. Description, rotation, enabled state, policy and tags
// update in place; usage and spec replace. Delete schedules deletion after deletionWindowInDays
// (7-30); a key pending deletion reads as gone.
import {
  CreateKeyCommand, DescribeKeyCommand, DisableKeyCommand, DisableKeyRotationCommand, EnableKeyCommand, EnableKeyRotationCommand,
  GetKeyPolicyCommand, GetKeyRotationStatusCommand, ListResourceTagsCommand, PutKeyPolicyCommand, ScheduleKeyDeletionCommand, TagResourceCommand,
  UntagResourceCommand, UpdateKeyDescriptionCommand, type CreateKeyCommandInput,
} from "@aws-sdk/client-kms";
import { jsonEqual, jsonText } from "../json-policy.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { tagChanges, userTags } from "../tags.js";
import { bool, num, str, strMap, type Plain } from "../values.js";

const kmsTags = (m: Record<string, string>) => Object.entries(m).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));

async function setRotation(ctx: ResourceContext, keyId: string, on: boolean): Promise<void> {
  const kms = ctx.clients.kms();
  if (on) await kms.send(new EnableKeyRotationCommand({ KeyId: keyId }), ctx.sendOptions);
  else await kms.send(new DisableKeyRotationCommand({ KeyId: keyId }), ctx.sendOptions);
}

export const kmsKey = defineResource({
  type: "aws:kms/key:Key",
  inputs: {
    description: { kind: "string" },
    keyUsage: { kind: "string", forceNew: true, default: "ENCRYPT_DECRYPT", oneOf: ["ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT"] },
    customerMasterKeySpec: { kind: "string", forceNew: true, default: "SYMMETRIC_DEFAULT" },
    deletionWindowInDays: { kind: "number", default: 30 },
    enableKeyRotation: { kind: "boolean", default: false },
    isEnabled: { kind: "boolean", default: true },
    policy: { kind: "json", computed: true, equal: jsonEqual },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "keyId", "tagsAll"],
  tags: true,
  notFound: ["NotFoundException"],
  validate(inputs) {
    const w = num(inputs["deletionWindowInDays"]);
    if (w !== undefined && (w < 7 || w > 30)) return [{ property: "deletionWindowInDays", reason: "deletionWindowInDays must be between 7 and 30" }];
    return [];
  },

  async create(ctx, inputs) {
    const kms = ctx.clients.kms();
    const tags = kmsTags(strMap(inputs["tagsAll"]));
    const res = await kms.send(new CreateKeyCommand({
      Description: str(inputs["description"]), KeyUsage: str(inputs["keyUsage"]) as CreateKeyCommandInput["KeyUsage"],
      KeySpec: str(inputs["customerMasterKeySpec"]) as CreateKeyCommandInput["KeySpec"], Policy: jsonText(inputs["policy"]),
      ...(tags.length > 0 ? { Tags: tags } : {}),
    }), ctx.sendOptions);
    const keyId = res.KeyMetadata?.KeyId as string;
    ctx.created(keyId);
    if (bool(inputs["enableKeyRotation"]) === true) await setRotation(ctx, keyId, true);
    if (bool(inputs["isEnabled"]) === false) await kms.send(new DisableKeyCommand({ KeyId: keyId }), ctx.sendOptions);
    return keyId;
  },
  async read(ctx, { id, inputs }) {
    const kms = ctx.clients.kms();
    const meta = (await kms.send(new DescribeKeyCommand({ KeyId: id }), ctx.sendOptions)).KeyMetadata;
    if (meta === undefined || meta.KeyState === "PendingDeletion") return undefined;
    const rotation = (await kms.send(new GetKeyRotationStatusCommand({ KeyId: id }), ctx.sendOptions)).KeyRotationEnabled ?? false;
    const policy = (await kms.send(new GetKeyPolicyCommand({ KeyId: id, PolicyName: "default" }), ctx.sendOptions)).Policy;
    const all: Record<string, string> = {};
    for (const t of (await kms.send(new ListResourceTagsCommand({ KeyId: id }), ctx.sendOptions)).Tags ?? []) if (t.TagKey !== undefined) all[t.TagKey] = t.TagValue ?? "";
    const read: Plain = {
      keyUsage: meta.KeyUsage ?? "ENCRYPT_DECRYPT",
      customerMasterKeySpec: meta.KeySpec ?? "SYMMETRIC_DEFAULT",
      deletionWindowInDays: num(inputs?.["deletionWindowInDays"]) ?? 30,
      enableKeyRotation: rotation,
      isEnabled: meta.Enabled ?? true,
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    if (meta.Description !== undefined && meta.Description !== "") read["description"] = meta.Description;
    if (policy !== undefined) read["policy"] = policy;
    return { id: meta.KeyId ?? id, inputs: read, outputs: { arn: meta.Arn ?? "", keyId: meta.KeyId ?? id, tagsAll: all } };
  },
  async update(ctx, { id, olds, news, changed }) {
    const kms = ctx.clients.kms();
    if (changed.has("description")) await kms.send(new UpdateKeyDescriptionCommand({ KeyId: id, Description: str(news["description"]) ?? "" }), ctx.sendOptions);
    if (changed.has("isEnabled") && bool(news["isEnabled"]) !== false) await kms.send(new EnableKeyCommand({ KeyId: id }), ctx.sendOptions);
    if (changed.has("enableKeyRotation")) await setRotation(ctx, id, bool(news["enableKeyRotation"]) === true);
    if (changed.has("policy") && news["policy"] !== undefined) {
      await kms.send(new PutKeyPolicyCommand({ KeyId: id, PolicyName: "default", Policy: jsonText(news["policy"]) }), ctx.sendOptions);
    }
    if (changed.has("isEnabled") && bool(news["isEnabled"]) === false) await kms.send(new DisableKeyCommand({ KeyId: id }), ctx.sendOptions);
    if (changed.has("tagsAll")) {
      const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
      if (remove.length > 0) await kms.send(new UntagResourceCommand({ KeyId: id, TagKeys: remove }), ctx.sendOptions);
      if (Object.keys(set).length > 0) await kms.send(new TagResourceCommand({ KeyId: id, Tags: kmsTags(set) }), ctx.sendOptions);
    }
  },
  async delete(ctx, { id, inputs }) {
    await ctx.clients.kms().send(new ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: num(inputs["deletionWindowInDays"]) ?? 30 }), ctx.sendOptions);
  },
});
