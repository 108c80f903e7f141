// aws.secretsmanager.SecretVersion: one value of a secret. The value is always secret in outputs and state.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface SecretVersionArgs {
  /** The secret's ARN or name. */
  secretId: Input<string>;
  secretString?: Input<string>;
  /** A binary value, base64-encoded. */
  secretBinary?: Input<string>;
  versionStages?: Input<Input<string>[]>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["secretId", "secretString", "secretBinary", "versionStages", "arn", "versionId"] as const;
const SECRETS = ["secretString", "secretBinary"];

export class SecretVersion extends CustomResource {
  declare readonly secretId: Output<string>;
  declare readonly secretString: Output<string | undefined>;
  declare readonly secretBinary: Output<string | undefined>;
  declare readonly versionStages: Output<string[]>;
  declare readonly arn: Output<string>;
  declare readonly versionId: Output<string>;

  constructor(name: string, args: SecretVersionArgs, opts: CustomResourceOptions = {}) {
    const additionalSecretOutputs = [...new Set([...(opts.additionalSecretOutputs ?? []), ...SECRETS])];
    super("aws:secretsmanager/secretVersion:SecretVersion", name, withOutputs(args, PROPERTIES), { ...opts, additionalSecretOutputs });
  }

  /** Reads an existing SecretVersion by "<secret ARN>|<version ID>" into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<SecretVersionArgs> = {}, opts: CustomResourceOptions = {}): SecretVersion {
    return new SecretVersion(name, state as SecretVersionArgs, { ...opts, id });
  }
}
