// aws.sns.Topic: an SNS topic.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface TopicArgs {
  /** The topic name; auto-named from the resource name when unset. */
  name?: Input<string>;
  namePrefix?: Input<string>;
  fifoTopic?: Input<boolean>;
  displayName?: Input<string>;
  policy?: Input<string | Record<string, unknown>>;
  deliveryPolicy?: Input<string | Record<string, unknown>>;
  kmsMasterKeyId?: Input<string>;
  contentBasedDeduplication?: Input<boolean>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["name", "namePrefix", "fifoTopic", "displayName", "policy", "deliveryPolicy", "kmsMasterKeyId", "contentBasedDeduplication", "tags", "arn", "owner", "tagsAll"] as const;

export class Topic extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly fifoTopic: Output<boolean>;
  declare readonly displayName: Output<string | undefined>;
  declare readonly policy: Output<string>;
  declare readonly namePrefix: Output<string | undefined>;
  declare readonly deliveryPolicy: Output<string | undefined>;
  declare readonly kmsMasterKeyId: Output<string | undefined>;
  declare readonly contentBasedDeduplication: Output<boolean | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly owner: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: TopicArgs = {}, opts: CustomResourceOptions = {}) {
    super("aws:sns/topic:Topic", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Topic by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<TopicArgs> = {}, opts: CustomResourceOptions = {}): Topic {
    return new Topic(name, state as TopicArgs, { ...opts, id });
  }
}
