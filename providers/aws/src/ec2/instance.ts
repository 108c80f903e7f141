// aws.ec2.Instance: one EC2 instance. A new instanceType is applied in place (stop, modify, start).
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface InstanceArgs {
  /** The AMI to boot (replaces the instance when changed). */
  ami: Input<string>;
  /** Changed in place: the instance is stopped, modified and started again. */
  instanceType: Input<string>;
  subnetId?: Input<string>;
  vpcSecurityGroupIds?: Input<Input<string>[]>;
  keyName?: Input<string>;
  /** Plain text; Cairn base64-encodes it. A change replaces the instance. */
  userData?: Input<string>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["ami", "instanceType", "subnetId", "vpcSecurityGroupIds", "keyName", "userData", "tags", "arn", "privateIp", "publicIp", "availabilityZone", "instanceState", "tagsAll"] as const;

export class Instance extends CustomResource {
  declare readonly ami: Output<string>;
  declare readonly instanceType: Output<string>;
  declare readonly subnetId: Output<string>;
  declare readonly vpcSecurityGroupIds: Output<string[]>;
  declare readonly keyName: Output<string | undefined>;
  declare readonly userData: Output<string | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly privateIp: Output<string>;
  declare readonly publicIp: Output<string>;
  declare readonly availabilityZone: Output<string>;
  declare readonly instanceState: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: InstanceArgs, opts: CustomResourceOptions = {}) {
    super("aws:ec2/instance:Instance", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Instance by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<InstanceArgs> = {}, opts: CustomResourceOptions = {}): Instance {
    return new Instance(name, state as InstanceArgs, { ...opts, id });
  }
}
