// aws.iam.RolePolicyAttachment: a managed policy attached to a role.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface RolePolicyAttachmentArgs {
  /** The role name. */
  role: Input<string>;
  policyArn: Input<string>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["role", "policyArn"] as const;

export class RolePolicyAttachment extends CustomResource {
  declare readonly role: Output<string>;
  declare readonly policyArn: Output<string>;

  constructor(name: string, args: RolePolicyAttachmentArgs, opts: CustomResourceOptions = {}) {
    super("aws:iam/rolePolicyAttachment:RolePolicyAttachment", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing RolePolicyAttachment by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<RolePolicyAttachmentArgs> = {}, opts: CustomResourceOptions = {}): RolePolicyAttachment {
    return new RolePolicyAttachment(name, state as RolePolicyAttachmentArgs, { ...opts, id });
  }
}
