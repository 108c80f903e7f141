// aws:sns/topic:Topic — an SNS topic. ID = topic ARN. Attributes update in place.
import {
  CreateTopicCommand, DeleteTopicCommand, GetTopicAttributesCommand, ListTagsForResourceCommand, SetTopicAttributesCommand, TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-sns";
import { jsonEqual, jsonText } from "../json-policy.js";
import { defineResource } from "../resource-definition.js";
import { fromTagList, tagChanges, toTagList, userTags } from "../tags.js";
import { bool, str, strMap, type Plain } from "../values.js";

/** Property -> SNS attribute name, for attributes that update in place. */
const ATTRIBUTES: Record<string, string> = {
  displayName: "DisplayName",
  policy: "Policy",
  deliveryPolicy: "DeliveryPolicy",
  kmsMasterKeyId: "KmsMasterKeyId",
  contentBasedDeduplication: "ContentBasedDeduplication",
};

function attributeValue(prop: string, v: Plain[string] | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (prop === "policy" || prop === "deliveryPolicy") return jsonText(v);
  return typeof v === "boolean" ? String(v) : str(v);
}

export const snsTopic = defineResource({
  type: "aws:sns/topic:Topic",
  inputs: {
    name: { kind: "string", forceNew: true },
    namePrefix: { kind: "string", forceNew: true },
    fifoTopic: { kind: "boolean", forceNew: true, default: false },
    displayName: { kind: "string" },
    policy: { kind: "json", computed: true, equal: jsonEqual },
    deliveryPolicy: { kind: "json", equal: jsonEqual },
    kmsMasterKeyId: { kind: "string" },
    contentBasedDeduplication: { kind: "boolean" },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "owner", "tagsAll"],
  naming: { property: "name", prefixProperty: "namePrefix", maxLength: 256 },
  tags: true,
  notFound: ["NotFound", "NotFoundException"],
  validate(inputs) {
    const name = str(inputs["name"]);
    if (bool(inputs["fifoTopic"]) === true && name !== undefined && !name.endsWith(".fifo")) {
      return [{ property: "name", reason: "a FIFO topic's name must end in \".fifo\"; set name explicitly" }];
    }
    return [];
  },

  async create(ctx, inputs) {
    const attributes: Record<string, string> = {};
    for (const [prop, attr] of Object.entries(ATTRIBUTES)) {
      const v = attributeValue(prop, inputs[prop]);
      if (v !== undefined) attributes[attr] = v;
    }
    if (bool(inputs["fifoTopic"]) === true) attributes["FifoTopic"] = "true";
    const tags = toTagList(strMap(inputs["tagsAll"]));
    const res = await ctx.clients.sns().send(
      new CreateTopicCommand({ Name: str(inputs["name"]), Attributes: attributes, ...(tags.length > 0 ? { Tags: tags } : {}) }),
      ctx.sendOptions,
    );
    return res.TopicArn as string;
  },
  async read(ctx, { id, inputs }) {
    const sns = ctx.clients.sns();
    const attrs = (await sns.send(new GetTopicAttributesCommand({ TopicArn: id }), ctx.sendOptions)).Attributes ?? {};
    const all = fromTagList((await sns.send(new ListTagsForResourceCommand({ ResourceArn: id }), ctx.sendOptions)).Tags);
    const read: Plain = {
      name: id.slice(id.lastIndexOf(":") + 1),
      fifoTopic: attrs["FifoTopic"] === "true",
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    if (inputs?.["namePrefix"] !== undefined) read["namePrefix"] = inputs["namePrefix"];
    for (const [prop, attr] of Object.entries(ATTRIBUTES)) {
      const v = attrs[attr];
      if (v === undefined || v === "") continue;
      read[prop] = prop === "contentBasedDeduplication" ? v === "true" : v;
    }
    return { inputs: read, outputs: { arn: id, owner: attrs["Owner"] ?? "", tagsAll: all } };
  },
  async update(ctx, { id, olds, news, changed }) {
    const sns = ctx.clients.sns();
    for (const [prop, attr] of Object.entries(ATTRIBUTES)) {
      if (!changed.has(prop)) continue;
      await sns.send(new SetTopicAttributesCommand({ TopicArn: id, AttributeName: attr, AttributeValue: attributeValue(prop, news[prop]) ?? "" }), ctx.sendOptions);
    }
    if (changed.has("tagsAll")) {
      const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
      if (remove.length > 0) await sns.send(new UntagResourceCommand({ ResourceArn: id, TagKeys: remove }), ctx.sendOptions);
      if (Object.keys(set).length > 0) await sns.send(new TagResourceCommand({ ResourceArn: id, Tags: toTagList(set) }), ctx.sendOptions);
    }
  },
  async delete(ctx, { id }) {
    await ctx.clients.sns().send(new DeleteTopicCommand({ TopicArn: id }), ctx.sendOptions);
  },
});
