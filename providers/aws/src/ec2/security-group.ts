// aws.ec2.SecurityGroup: a security group with optional inline ingress/egress rules.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface SecurityGroupRuleSpec {
  protocol: Input<string>;
  fromPort: Input<number>;
  toPort: Input<number>;
  cidrBlocks?: Input<Input<string>[]>;
  ipv6CidrBlocks?: Input<Input<string>[]>;
  prefixListIds?: Input<Input<string>[]>;
  securityGroups?: Input<Input<string>[]>;
  self?: Input<boolean>;
  description?: Input<string>;
}

export interface SecurityGroupArgs {
  /** The group name; auto-named from the resource name when unset. */
  name?: Input<string>;
  namePrefix?: Input<string>;
  description?: Input<string>;
  vpcId?: Input<string>;
  ingress?: Input<Input<SecurityGroupRuleSpec>[]>;
  egress?: Input<Input<SecurityGroupRuleSpec>[]>;
  revokeRulesOnDelete?: Input<boolean>;
  tags?: Input<Record<string, Input<string>>>;
}

export interface SecurityGroupRuleOutput {
  protocol: string;
  fromPort: number;
  toPort: number;
  cidrBlocks?: string[];
  ipv6CidrBlocks?: string[];
  prefixListIds?: string[];
  securityGroups?: string[];
  self?: boolean;
  description?: string;
}

export class SecurityGroup extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly namePrefix: Output<string | undefined>;
  declare readonly description: Output<string>;
  declare readonly vpcId: Output<string>;
  declare readonly ingress: Output<SecurityGroupRuleOutput[]>;
  declare readonly egress: Output<SecurityGroupRuleOutput[]>;
  declare readonly revokeRulesOnDelete: Output<boolean>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly ownerId: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: SecurityGroupArgs = {}, opts: CustomResourceOptions = {}) {
    const defaults = { name: undefined, description: undefined, vpcId: undefined, ingress: undefined, egress: undefined, revokeRulesOnDelete: undefined };
    super("aws:ec2/securityGroup:SecurityGroup", name, withOutputs({ ...defaults, ...args }, ["arn", "ownerId", "tagsAll"]), opts);
  }
}
