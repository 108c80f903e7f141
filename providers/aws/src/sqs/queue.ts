// aws.sqs.Queue: an SQS queue.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface QueueArgs {
  /** The queue name; auto-named from the resource name when unset. */
  name?: Input<string>;
  namePrefix?: Input<string>;
  fifoQueue?: Input<boolean>;
  visibilityTimeoutSeconds?: Input<number>;
  messageRetentionSeconds?: Input<number>;
  maxMessageSize?: Input<number>;
  delaySeconds?: Input<number>;
  receiveWaitTimeSeconds?: Input<number>;
  policy?: Input<string | Record<string, unknown>>;
  redrivePolicy?: Input<string | Record<string, unknown>>;
  contentBasedDeduplication?: Input<boolean>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["name", "namePrefix", "fifoQueue", "visibilityTimeoutSeconds", "messageRetentionSeconds", "maxMessageSize", "delaySeconds", "receiveWaitTimeSeconds", "policy", "redrivePolicy", "contentBasedDeduplication", "tags", "arn", "url", "tagsAll"] as const;

export class Queue extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly namePrefix: Output<string | undefined>;
  declare readonly fifoQueue: Output<boolean>;
  declare readonly visibilityTimeoutSeconds: Output<number>;
  declare readonly messageRetentionSeconds: Output<number>;
  declare readonly maxMessageSize: Output<number>;
  declare readonly delaySeconds: Output<number>;
  declare readonly receiveWaitTimeSeconds: Output<number>;
  declare readonly policy: Output<string | undefined>;
  declare readonly redrivePolicy: Output<string | undefined>;
  declare readonly contentBasedDeduplication: Output<boolean | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly url: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: QueueArgs = {}, opts: CustomResourceOptions = {}) {
    super("aws:sqs/queue:Queue", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Queue by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<QueueArgs> = {}, opts: CustomResourceOptions = {}): Queue {
    return new Queue(name, state as QueueArgs, { ...opts, id });
  }
}
