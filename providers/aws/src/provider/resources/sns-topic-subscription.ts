// aws:sns/topicSubscription:TopicSubscription — a subscription of an endpoint (an SQS queue ARN, a
// Lambda ARN, an HTTP URL, ...) to an SNS topic. ID = subscription ARN. Topic, protocol and
// endpoint replace; delivery attributes update in place with SetSubscriptionAttributes.
import { GetSubscriptionAttributesCommand, SetSubscriptionAttributesCommand, SubscribeCommand, UnsubscribeCommand } from "@aws-sdk/client-sns";
import { jsonEqual, jsonText } from "../json-policy.js";
import { defineResource } from "../resource-definition.js";
import { str, type Plain } from "../values.js";

type Kind = "boolean" | "json" | "string";
/** Property -> [subscription attribute name, kind], for attributes that update in place. */
const ATTRIBUTES: Record<string, [string, Kind]> = {
  rawMessageDelivery: ["RawMessageDelivery", "boolean"],
  filterPolicy: ["FilterPolicy", "json"],
  filterPolicyScope: ["FilterPolicyScope", "string"],
  deliveryPolicy: ["DeliveryPolicy", "json"],
  redrivePolicy: ["RedrivePolicy", "json"],
};

function toAttribute(kind: Kind, v: Plain[string] | undefined): string | undefined {
  if (v === undefined) return undefined;
  return kind === "json" ? jsonText(v) : String(v);
}

export const snsTopicSubscription = defineResource({
  type: "aws:sns/topicSubscription:TopicSubscription",
  inputs: {
    topic: { kind: "string", required: true, forceNew: true },
    protocol: { kind: "string", required: true, forceNew: true, oneOf: ["sqs", "sns", "lambda", "http", "https", "email", "email-json", "sms", "application", "firehose"] },
    endpoint: { kind: "string", required: true, forceNew: true },
    rawMessageDelivery: { kind: "boolean", default: false },
    filterPolicy: { kind: "json", equal: jsonEqual },
    filterPolicyScope: { kind: "string", oneOf: ["MessageAttributes", "MessageBody"], computed: true },
    deliveryPolicy: { kind: "json", equal: jsonEqual },
    redrivePolicy: { kind: "json", equal: jsonEqual },
  },
  outputs: ["arn", "ownerId", "pendingConfirmation"],
  notFound: ["NotFound", "NotFoundException", "InvalidParameter"],

  async create(ctx, inputs) {
    const attributes: Record<string, string> = {};
    for (const [prop, [attr, kind]] of Object.entries(ATTRIBUTES)) {
      const v = toAttribute(kind, inputs[prop]);
      if (v !== undefined) attributes[attr] = v;
    }
    const res = await ctx.clients.sns().send(
      new SubscribeCommand({ TopicArn: str(inputs["topic"]), Protocol: str(inputs["protocol"]), Endpoint: str(inputs["endpoint"]), Attributes: attributes, ReturnSubscriptionArn: true }),
      ctx.sendOptions,
    );
    return res.SubscriptionArn as string;
  },
  async read(ctx, { id }) {
    const res = await ctx.clients.sns().send(new GetSubscriptionAttributesCommand({ SubscriptionArn: id }), ctx.sendOptions);
    const attrs = res.Attributes;
    if (attrs === undefined) return undefined;
    const read: Plain = { topic: attrs["TopicArn"] ?? "", protocol: attrs["Protocol"] ?? "", endpoint: attrs["Endpoint"] ?? "" };
    for (const [prop, [attr, kind]] of Object.entries(ATTRIBUTES)) {
      const v = attrs[attr];
      if (v !== undefined && v !== "") read[prop] = kind === "boolean" ? v === "true" : v;
    }
    return { inputs: read, outputs: { arn: id, ownerId: attrs["Owner"] ?? "", pendingConfirmation: attrs["PendingConfirmation"] === "true" } };
  },
  async update(ctx, { id, news, changed }) {
    for (const [prop, [attr, kind]] of Object.entries(ATTRIBUTES)) {
      if (!changed.has(prop)) continue;
      const value = toAttribute(kind, news[prop]) ?? (kind === "boolean" ? "false" : "");
      await ctx.clients.sns().send(new SetSubscriptionAttributesCommand({ SubscriptionArn: id, AttributeName: attr, AttributeValue: value }), ctx.sendOptions);
    }
  },
  async delete(ctx, { id }) {
    await ctx.clients.sns().send(new UnsubscribeCommand({ SubscriptionArn: id }), ctx.sendOptions);
  },
});
