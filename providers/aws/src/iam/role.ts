// aws.iam.Role: an IAM role with its trust (assume-role) policy.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface RoleArgs {
  /** The trust policy: a JSON string or an object. */
  assumeRolePolicy: Input<string | Record<string, unknown>>;
  /** The role name; auto-named from the resource name when unset. */
  name?: Input<string>;
  namePrefix?: Input<string>;
  path?: Input<string>;
  description?: Input<string>;
  /** Seconds, 3600 to 43200. */
  maxSessionDuration?: Input<number>;
  /** Detach managed and delete inline policies before deleting the role. */
  forceDetachPolicies?: Input<boolean>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["assumeRolePolicy", "name", "namePrefix", "path", "description", "maxSessionDuration", "forceDetachPolicies", "tags", "arn", "uniqueId", "createDate", "tagsAll"] as const;

export class Role extends CustomResource {
  declare readonly assumeRolePolicy: Output<string>;
  declare readonly name: Output<string>;
  declare readonly namePrefix: Output<string | undefined>;
  declare readonly path: Output<string>;
  declare readonly description: Output<string | undefined>;
  declare readonly maxSessionDuration: Output<number>;
  declare readonly forceDetachPolicies: Output<boolean>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly uniqueId: Output<string>;
  declare readonly createDate: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: RoleArgs, opts: CustomResourceOptions = {}) {
    super("aws:iam/role:Role", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Role by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<RoleArgs> = {}, opts: CustomResourceOptions = {}): Role {
    return new Role(name, state as RoleArgs, { ...opts, id });
  }
}
