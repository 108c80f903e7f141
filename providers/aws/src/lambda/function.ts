// aws.lambda.Function: a Lambda function whose code is an archive (AssetArchive or FileArchive), zipped by the provider.
import { CustomResource, type Archive, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface FunctionArgs {
  /** The function name; auto-named from the resource name when unset. */
  name?: Input<string>;
  /** The ARN of the execution role. */
  role: Input<string>;
  runtime: Input<string>;
  handler: Input<string>;
  /** The code: an AssetArchive of assets, a FileArchive of a directory, or a FileArchive of a ready-made .zip. */
  code: Input<Archive>;
  timeout?: Input<number>;
  memorySize?: Input<number>;
  description?: Input<string>;
  environment?: Input<{ variables?: Input<Record<string, Input<string>>> }>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = [
  "name", "role", "runtime", "handler", "code", "timeout", "memorySize", "description", "environment", "tags",
  "arn", "invokeArn", "qualifiedArn", "version", "lastModified", "sourceCodeHash", "sourceCodeSize", "tagsAll",
] as const;

export class Function extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly role: Output<string>;
  declare readonly runtime: Output<string>;
  declare readonly handler: Output<string>;
  declare readonly code: Output<Archive>;
  declare readonly timeout: Output<number>;
  declare readonly memorySize: Output<number>;
  declare readonly description: Output<string | undefined>;
  declare readonly environment: Output<{ variables?: Record<string, string> } | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly invokeArn: Output<string>;
  declare readonly qualifiedArn: Output<string>;
  declare readonly version: Output<string>;
  declare readonly lastModified: Output<string>;
  /** Base64 SHA-256 of the deployed zip, as AWS reports it. */
  declare readonly sourceCodeHash: Output<string>;
  declare readonly sourceCodeSize: Output<number>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: FunctionArgs, opts: CustomResourceOptions = {}) {
    super("aws:lambda/function:Function", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Function by its name into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<FunctionArgs> = {}, opts: CustomResourceOptions = {}): Function {
    return new Function(name, state as FunctionArgs, { ...opts, id });
  }
}
