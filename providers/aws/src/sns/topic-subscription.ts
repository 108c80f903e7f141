// aws.sns.TopicSubscription: a subscription of an endpoint (an SQS queue, a Lambda function, a URL) to an SNS topic.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface TopicSubscriptionArgs {
  /** The topic's ARN. */
  topic: Input<string>;
  /** "sqs", "lambda", "sns", "http", "https", "email", "email-json", "sms", "application" or "firehose". */
  protocol: Input<string>;
  /** The subscriber: a queue or function ARN, a URL, an address. */
  endpoint: Input<string>;
  rawMessageDelivery?: Input<boolean>;
  filterPolicy?: Input<string | Record<string, unknown>>;
  filterPolicyScope?: Input<string>;
  deliveryPolicy?: Input<string | Record<string, unknown>>;
  redrivePolicy?: Input<string | Record<string, unknown>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = [
  "topic", "protocol", "endpoint", "rawMessageDelivery", "filterPolicy", "filterPolicyScope", "deliveryPolicy", "redrivePolicy",
  "arn", "ownerId", "pendingConfirmation",
] as const;

export class TopicSubscription extends CustomResource {
  declare readonly topic: Output<string>;
  declare readonly protocol: Output<string>;
  declare readonly endpoint: Output<string>;
  declare readonly rawMessageDelivery: Output<boolean>;
  declare readonly filterPolicy: Output<string | undefined>;
  declare readonly filterPolicyScope: Output<string>;
  declare readonly deliveryPolicy: Output<string | undefined>;
  declare readonly redrivePolicy: Output<string | undefined>;
  declare readonly arn: Output<string>;
  declare readonly ownerId: Output<string>;
  declare readonly pendingConfirmation: Output<boolean>;

  constructor(name: string, args: TopicSubscriptionArgs, opts: CustomResourceOptions = {}) {
    super("aws:sns/topicSubscription:TopicSubscription", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing TopicSubscription by its ARN into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<TopicSubscriptionArgs> = {}, opts: CustomResourceOptions = {}): TopicSubscription {
    return new TopicSubscription(name, state as TopicSubscriptionArgs, { ...opts, id });
  }
}
