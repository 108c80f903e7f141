// aws.iam.Policy: a customer-managed IAM policy; a new document becomes a new default version.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface PolicyArgs {
  /** The policy document: a JSON string or an object. */
  policy: Input<string | Record<string, unknown>>;
  /** The policy name; auto-named from the resource name when unset. */
  name?: Input<string>;
  namePrefix?: Input<string>;
  path?: Input<string>;
  description?: Input<string>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["policy", "name", "namePrefix", "path", "description", "tags", "arn", "policyId", "attachmentCount", "defaultVersionId", "tagsAll"] as const;

export class Policy extends CustomResource {
  declare readonly policy: Output<string>;
  declare readonly name: Output<string>;
  declare readonly namePrefix: Output<string | undefined>;
  declare readonly path: Output<string>;
  declare readonly description: Output<string | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly policyId: Output<string>;
  declare readonly attachmentCount: Output<number>;
  declare readonly defaultVersionId: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: PolicyArgs, opts: CustomResourceOptions = {}) {
    super("aws:iam/policy:Policy", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Policy by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<PolicyArgs> = {}, opts: CustomResourceOptions = {}): Policy {
    return new Policy(name, state as PolicyArgs, { ...opts, id });
  }
}
