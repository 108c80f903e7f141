// aws.kms.Key: a KMS key; deleting it schedules deletion after deletionWindowInDays.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface KeyArgs {
  description?: Input<string>;
  keyUsage?: Input<string>;
  customerMasterKeySpec?: Input<string>;
  /** Days between delete and the key being gone (7-30, default 30). */
  deletionWindowInDays?: Input<number>;
  enableKeyRotation?: Input<boolean>;
  isEnabled?: Input<boolean>;
  policy?: Input<string | Record<string, unknown>>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = [
  "description", "keyUsage", "customerMasterKeySpec", "deletionWindowInDays", "enableKeyRotation", "isEnabled", "policy", "tags",
  "arn", "keyId", "tagsAll",
] as const;

export class Key extends CustomResource {
  declare readonly description: Output<string | undefined>;
  declare readonly keyUsage: Output<string>;
  declare readonly customerMasterKeySpec: Output<string>;
  declare readonly deletionWindowInDays: Output<number>;
  declare readonly enableKeyRotation: Output<boolean>;
  declare readonly isEnabled: Output<boolean>;
  declare readonly policy: Output<string>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly keyId: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: KeyArgs = {}, opts: CustomResourceOptions = {}) {
    super("aws:kms/key:Key", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Key by its key ID into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<KeyArgs> = {}, opts: CustomResourceOptions = {}): Key {
    return new Key(name, state as KeyArgs, { ...opts, id });
  }
}
