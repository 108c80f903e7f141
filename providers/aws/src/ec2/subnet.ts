// aws.ec2.Subnet: a subnet of a VPC in one availability zone.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface SubnetArgs {
  vpcId: Input<string>;
  cidrBlock: Input<string>;
  availabilityZone?: Input<string>;
  mapPublicIpOnLaunch?: Input<boolean>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["vpcId", "cidrBlock", "availabilityZone", "mapPublicIpOnLaunch", "tags", "arn", "ownerId", "availabilityZoneId", "tagsAll"] as const;

export class Subnet extends CustomResource {
  declare readonly vpcId: Output<string>;
  declare readonly cidrBlock: Output<string>;
  declare readonly availabilityZone: Output<string>;
  declare readonly mapPublicIpOnLaunch: Output<boolean>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly ownerId: Output<string>;
  declare readonly availabilityZoneId: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: SubnetArgs, opts: CustomResourceOptions = {}) {
    super("aws:ec2/subnet:Subnet", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Subnet by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<SubnetArgs> = {}, opts: CustomResourceOptions = {}): Subnet {
    return new Subnet(name, state as SubnetArgs, { ...opts, id });
  }
}
