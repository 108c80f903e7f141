// aws.ec2.LaunchTemplate: an EC2 launch template; a changed field makes a new version.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface LaunchTemplateArgs {
  /** The template name; auto-named from the resource name when unset. */
  name?: Input<string>;
  namePrefix?: Input<string>;
  /** The description of the template version. */
  description?: Input<string>;
  imageId?: Input<string>;
  instanceType?: Input<string>;
  keyName?: Input<string>;
  /** Base64-encoded user data, as EC2 takes it. */
  userData?: Input<string>;
  vpcSecurityGroupIds?: Input<Input<string>[]>;
  /** Make each new version the default one. */
  updateDefaultVersion?: Input<boolean>;
  defaultVersion?: Input<number>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["name", "namePrefix", "description", "imageId", "instanceType", "keyName", "userData", "vpcSecurityGroupIds", "updateDefaultVersion", "defaultVersion", "tags", "arn", "latestVersion", "tagsAll"] as const;

export class LaunchTemplate extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly namePrefix: Output<string | undefined>;
  declare readonly description: Output<string | undefined>;
  declare readonly imageId: Output<string | undefined>;
  declare readonly instanceType: Output<string | undefined>;
  declare readonly keyName: Output<string | undefined>;
  declare readonly userData: Output<string | undefined>;
  declare readonly vpcSecurityGroupIds: Output<string[] | undefined>;
  declare readonly updateDefaultVersion: Output<boolean | undefined>;
  declare readonly defaultVersion: Output<number>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly latestVersion: Output<number>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: LaunchTemplateArgs = {}, opts: CustomResourceOptions = {}) {
    super("aws:ec2/launchTemplate:LaunchTemplate", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing LaunchTemplate by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<LaunchTemplateArgs> = {}, opts: CustomResourceOptions = {}): LaunchTemplate {
    return new LaunchTemplate(name, state as LaunchTemplateArgs, { ...opts, id });
  }
}
