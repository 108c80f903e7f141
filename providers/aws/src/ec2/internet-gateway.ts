// aws.ec2.InternetGateway: an internet gateway, attached to a VPC when vpcId is set.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface InternetGatewayArgs {
  vpcId?: Input<string>;
  tags?: Input<Record<string, Input<string>>>;
}

export class InternetGateway extends CustomResource {
  declare readonly vpcId: Output<string | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly ownerId: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: InternetGatewayArgs = {}, opts: CustomResourceOptions = {}) {
    super("aws:ec2/internetGateway:InternetGateway", name, withOutputs({ vpcId: undefined, ...args }, ["arn", "ownerId", "tagsAll"]), opts);
  }
}
