// aws.secretsmanager.Secret: a Secrets Manager secret (its value is a SecretVersion).
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface SecretArgs {
  /** The secret name; auto-named from the resource name when unset. */
  name?: Input<string>;
  namePrefix?: Input<string>;
  description?: Input<string>;
  kmsKeyId?: Input<string>;
  /** Days before a deleted secret is gone (7-30, default 30); 0 deletes at once. */
  recoveryWindowInDays?: Input<number>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["name", "namePrefix", "description", "kmsKeyId", "recoveryWindowInDays", "tags", "arn", "tagsAll"] as const;

export class Secret extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly namePrefix: Output<string | undefined>;
  declare readonly description: Output<string | undefined>;
  declare readonly kmsKeyId: Output<string | undefined>;
  declare readonly recoveryWindowInDays: Output<number>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: SecretArgs = {}, opts: CustomResourceOptions = {}) {
    super("aws:secretsmanager/secret:Secret", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Secret by its ARN into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<SecretArgs> = {}, opts: CustomResourceOptions = {}): Secret {
    return new Secret(name, state as SecretArgs, { ...opts, id });
  }
}
