// aws.ec2.Vpc: a VPC with DNS attributes and tags.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface VpcArgs {
  cidrBlock: Input<string>;
  instanceTenancy?: Input<"default" | "dedicated">;
  enableDnsSupport?: Input<boolean>;
  enableDnsHostnames?: Input<boolean>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["cidrBlock", "instanceTenancy", "enableDnsSupport", "enableDnsHostnames", "tags", "arn", "ownerId", "mainRouteTableId", "defaultRouteTableId", "defaultSecurityGroupId", "defaultNetworkAclId", "dhcpOptionsId", "tagsAll"] as const;

export class Vpc extends CustomResource {
  declare readonly cidrBlock: Output<string>;
  declare readonly instanceTenancy: Output<string>;
  declare readonly enableDnsSupport: Output<boolean>;
  declare readonly enableDnsHostnames: Output<boolean>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly ownerId: Output<string>;
  declare readonly mainRouteTableId: Output<string>;
  declare readonly defaultRouteTableId: Output<string>;
  declare readonly defaultSecurityGroupId: Output<string>;
  declare readonly defaultNetworkAclId: Output<string>;
  declare readonly dhcpOptionsId: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: VpcArgs, opts: CustomResourceOptions = {}) {
    super("aws:ec2/vpc:Vpc", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Vpc by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<VpcArgs> = {}, opts: CustomResourceOptions = {}): Vpc {
    return new Vpc(name, state as VpcArgs, { ...opts, id });
  }
}
