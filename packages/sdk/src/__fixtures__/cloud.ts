// Resource classes as a provider package would generate them (used by the fixture programs).
import * as cairn from "@cairn/sdk";

export interface VpcArgs {
  cidrBlock: cairn.Input<string>;
  tags?: cairn.Input<Record<string, cairn.Input<string>>>;
}
export class Vpc extends cairn.CustomResource {
  declare readonly cidrBlock: cairn.Output<string>;
  declare readonly arn: cairn.Output<string>;
  constructor(name: string, args: VpcArgs, opts?: cairn.CustomResourceOptions) {
    super("aws:ec2/vpc:Vpc", name, { ...args, arn: undefined }, opts);
  }
}

export class Subnet extends cairn.CustomResource {
  declare readonly vpcId: cairn.Output<string>;
  declare readonly cidrBlock: cairn.Output<string>;
  constructor(name: string, args: { vpcId: cairn.Input<string>; cidrBlock: cairn.Input<string> }, opts?: cairn.CustomResourceOptions) {
    super("aws:ec2/subnet:Subnet", name, args, opts);
  }
}

export class Bucket extends cairn.CustomResource {
  declare readonly website: cairn.Output<{ indexDocument: string; endpoint: string } | undefined>;
  declare readonly bucket: cairn.Output<string>;
  constructor(name: string, args: { website?: cairn.Input<{ indexDocument: cairn.Input<string> }> } = {}, opts?: cairn.CustomResourceOptions) {
    super("aws:s3/bucket:Bucket", name, { ...args, bucket: undefined }, opts);
  }
}

export class Database extends cairn.CustomResource {
  declare readonly password: cairn.Output<string>;
  declare readonly endpoint: cairn.Output<string>;
  constructor(name: string, args: { username: cairn.Input<string>; password: cairn.Input<string> }, opts?: cairn.CustomResourceOptions) {
    super("aws:rds/instance:Instance", name, { ...args, endpoint: undefined }, opts);
  }
}

export class AwsProvider extends cairn.ProviderResource {
  constructor(name: string, args: { region: cairn.Input<string> }, opts?: cairn.ResourceOptions) {
    super("aws", name, args, opts);
  }
}
