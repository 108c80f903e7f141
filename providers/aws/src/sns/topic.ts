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

export class Topic extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly fifoTopic: Output<boolean>;
  declare readonly displayName: Output<string | undefined>;
  declare readonly policy: Output<string>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly owner: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: TopicArgs = {}, opts: CustomResourceOptions = {}) {
    super("aws:sns/topic:Topic", name, withOutputs({ name: undefined, fifoTopic: undefined, displayName: undefined, policy: undefined, ...args }, ["arn", "owner", "tagsAll"]), opts);
  }
}
