// aws.rds.SubnetGroup: the VPC subnets a DB instance may be placed in.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface SubnetGroupArgs {
  /** The group name; auto-named (lowercase) from the resource name when unset. */
  name?: Input<string>;
  namePrefix?: Input<string>;
  /** Default "Managed by Cairn". */
  description?: Input<string>;
  /** Subnets of one VPC, in at least two availability zones. */
  subnetIds: Input<Input<string>[]>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["name", "namePrefix", "description", "subnetIds", "tags", "arn", "vpcId", "tagsAll"] as const;

export class SubnetGroup extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly namePrefix: Output<string | undefined>;
  declare readonly description: Output<string>;
  declare readonly subnetIds: Output<string[]>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly vpcId: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: SubnetGroupArgs, opts: CustomResourceOptions = {}) {
    super("aws:rds/subnetGroup:SubnetGroup", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing DB subnet group by its name into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<SubnetGroupArgs> = {}, opts: CustomResourceOptions = {}): SubnetGroup {
    return new SubnetGroup(name, state as SubnetGroupArgs, { ...opts, id });
  }
}
