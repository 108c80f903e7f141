// aws.ec2.InternetGateway: an internet gateway, attached to a VPC when vpcId is set.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface InternetGatewayArgs {
  vpcId?: Input<string>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["vpcId", "tags", "arn", "ownerId", "tagsAll"] as const;

export class InternetGateway extends CustomResource {
  declare readonly vpcId: Output<string | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly ownerId: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: InternetGatewayArgs = {}, opts: CustomResourceOptions = {}) {
    super("aws:ec2/internetGateway:InternetGateway", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing InternetGateway by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<InternetGatewayArgs> = {}, opts: CustomResourceOptions = {}): InternetGateway {
    return new InternetGateway(name, state as InternetGatewayArgs, { ...opts, id });
  }
}
