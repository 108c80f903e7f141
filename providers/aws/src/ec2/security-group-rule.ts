// aws.ec2.SecurityGroupRule: one ingress or egress rule of a security group.
import { withOutputs } from "../resource-args.js";
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";

export interface SecurityGroupRuleArgs {
  type: Input<"ingress" | "egress">;
  securityGroupId: Input<string>;
  protocol: Input<string>;
  fromPort: Input<number>;
  toPort: Input<number>;
  cidrBlocks?: Input<Input<string>[]>;
  ipv6CidrBlocks?: Input<Input<string>[]>;
  prefixListIds?: Input<Input<string>[]>;
  sourceSecurityGroupId?: Input<string>;
  self?: Input<boolean>;
  description?: Input<string>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["type", "securityGroupId", "protocol", "fromPort", "toPort", "cidrBlocks", "ipv6CidrBlocks", "prefixListIds", "sourceSecurityGroupId", "self", "description"] as const;

export class SecurityGroupRule extends CustomResource {
  declare readonly type: Output<"ingress" | "egress">;
  declare readonly securityGroupId: Output<string>;
  declare readonly protocol: Output<string>;
  declare readonly fromPort: Output<number>;
  declare readonly toPort: Output<number>;
  declare readonly cidrBlocks: Output<string[] | undefined>;
  declare readonly ipv6CidrBlocks: Output<string[] | undefined>;
  declare readonly prefixListIds: Output<string[] | undefined>;
  declare readonly sourceSecurityGroupId: Output<string | undefined>;
  declare readonly self: Output<boolean | undefined>;
  declare readonly description: Output<string | undefined>;

  constructor(name: string, args: SecurityGroupRuleArgs, opts: CustomResourceOptions = {}) {
    super("aws:ec2/securityGroupRule:SecurityGroupRule", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing SecurityGroupRule by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<SecurityGroupRuleArgs> = {}, opts: CustomResourceOptions = {}): SecurityGroupRule {
    return new SecurityGroupRule(name, state as SecurityGroupRuleArgs, { ...opts, id });
  }
}
