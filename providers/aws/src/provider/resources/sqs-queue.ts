// aws:sqs/queue:Queue — an SQS queue. ID = queue URL. Attributes update in place; AWS's defaults
// are applied by check so a read-back matches.
import {
  CreateQueueCommand, DeleteQueueCommand, GetQueueAttributesCommand, ListQueueTagsCommand, SetQueueAttributesCommand, TagQueueCommand, UntagQueueCommand,
} from "@aws-sdk/client-sqs";
import { jsonEqual, jsonText } from "../json-policy.js";
import { defineResource } from "../resource-definition.js";
import { tagChanges, userTags } from "../tags.js";
import { bool, str, strMap, type Plain } from "../values.js";

type Kind = "number" | "boolean" | "json";
/** Property -> [SQS attribute name, kind], for attributes that update in place. */
const ATTRIBUTES: Record<string, [string, Kind]> = {
  visibilityTimeoutSeconds: ["VisibilityTimeout", "number"],
  messageRetentionSeconds: ["MessageRetentionPeriod", "number"],
  maxMessageSize: ["MaximumMessageSize", "number"],
  delaySeconds: ["DelaySeconds", "number"],
  receiveWaitTimeSeconds: ["ReceiveMessageWaitTimeSeconds", "number"],
  policy: ["Policy", "json"],
  redrivePolicy: ["RedrivePolicy", "json"],
  contentBasedDeduplication: ["ContentBasedDeduplication", "boolean"],
};

function toAttribute(kind: Kind, v: Plain[string] | undefined): string | undefined {
  if (v === undefined) return undefined;
  return kind === "json" ? jsonText(v) : String(v);
}

function fromAttribute(kind: Kind, v: string): Plain[string] {
  return kind === "number" ? Number(v) : kind === "boolean" ? v === "true" : v;
}

function attributesOf(inputs: Plain, only?: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [prop, [attr, kind]] of Object.entries(ATTRIBUTES)) {
    if (only !== undefined && !only.has(prop)) continue;
    const v = toAttribute(kind, inputs[prop]);
    if (v !== undefined) out[attr] = v;
    else if (only !== undefined) out[attr] = "";
  }
  return out;
}

export const sqsQueue = defineResource({
  type: "aws:sqs/queue:Queue",
  inputs: {
    name: { kind: "string", forceNew: true },
    namePrefix: { kind: "string", forceNew: true },
    fifoQueue: { kind: "boolean", forceNew: true, default: false },
    visibilityTimeoutSeconds: { kind: "number", default: 30 },
    messageRetentionSeconds: { kind: "number", default: 345600 },
    maxMessageSize: { kind: "number", default: 262144 },
    delaySeconds: { kind: "number", default: 0 },
    receiveWaitTimeSeconds: { kind: "number", default: 0 },
    policy: { kind: "json", computed: true, equal: jsonEqual },
    redrivePolicy: { kind: "json", equal: jsonEqual },
    contentBasedDeduplication: { kind: "boolean" },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "url", "tagsAll"],
  naming: { property: "name", prefixProperty: "namePrefix", maxLength: 80 },
  tags: true,
  notFound: ["AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist"],
  validate(inputs) {
    const name = str(inputs["name"]);
    if (bool(inputs["fifoQueue"]) === true && name !== undefined && !name.endsWith(".fifo")) {
      return [{ property: "name", reason: "a FIFO queue's name must end in \".fifo\"; set name explicitly" }];
    }
    return [];
  },

  async create(ctx, inputs) {
    const attributes = attributesOf(inputs);
    if (bool(inputs["fifoQueue"]) === true) attributes["FifoQueue"] = "true";
    const tags = strMap(inputs["tagsAll"]);
    const res = await ctx.clients.sqs().send(
      new CreateQueueCommand({ QueueName: str(inputs["name"]), Attributes: attributes, ...(Object.keys(tags).length > 0 ? { tags } : {}) }),
      ctx.sendOptions,
    );
    return res.QueueUrl as string;
  },
  async read(ctx, { id, inputs }) {
    const sqs = ctx.clients.sqs();
    const attrs: Record<string, string | undefined> = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: id, AttributeNames: ["All"] }), ctx.sendOptions)).Attributes ?? {};
    const all = (await sqs.send(new ListQueueTagsCommand({ QueueUrl: id }), ctx.sendOptions)).Tags ?? {};
    const read: Plain = {
      name: id.slice(id.lastIndexOf("/") + 1),
      fifoQueue: attrs["FifoQueue"] === "true",
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    if (inputs?.["namePrefix"] !== undefined) read["namePrefix"] = inputs["namePrefix"];
    for (const [prop, [attr, kind]] of Object.entries(ATTRIBUTES)) {
      const v = attrs[attr];
      if (v !== undefined && v !== "") read[prop] = fromAttribute(kind, v);
    }
    return { inputs: read, outputs: { arn: attrs["QueueArn"] ?? "", url: id, tagsAll: all } };
  },
  async update(ctx, { id, olds, news, changed }) {
    const sqs = ctx.clients.sqs();
    const attributes = attributesOf(news, changed);
    if (Object.keys(attributes).length > 0) await sqs.send(new SetQueueAttributesCommand({ QueueUrl: id, Attributes: attributes }), ctx.sendOptions);
    if (changed.has("tagsAll")) {
      const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
      if (remove.length > 0) await sqs.send(new UntagQueueCommand({ QueueUrl: id, TagKeys: remove }), ctx.sendOptions);
      if (Object.keys(set).length > 0) await sqs.send(new TagQueueCommand({ QueueUrl: id, Tags: set }), ctx.sendOptions);
    }
  },
  async delete(ctx, { id }) {
    await ctx.clients.sqs().send(new DeleteQueueCommand({ QueueUrl: id }), ctx.sendOptions);
  },
});
