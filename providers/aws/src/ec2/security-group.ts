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

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["name", "namePrefix", "description", "vpcId", "ingress", "egress", "revokeRulesOnDelete", "tags", "arn", "ownerId", "tagsAll"] as const;

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
    super("aws:ec2/securityGroup:SecurityGroup", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing SecurityGroup by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<SecurityGroupArgs> = {}, opts: CustomResourceOptions = {}): SecurityGroup {
    return new SecurityGroup(name, state as SecurityGroupArgs, { ...opts, id });
  }
}
