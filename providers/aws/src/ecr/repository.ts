// aws.ecr.Repository: an ECR container image repository.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface RepositoryArgs {
  /** The repository name; auto-named (lowercase) from the resource name when unset. */
  name?: Input<string>;
  /** "MUTABLE" (default) or "IMMUTABLE". */
  imageTagMutability?: Input<string>;
  imageScanningConfiguration?: Input<{ scanOnPush: Input<boolean> }>;
  /** Delete the repository even when it still holds images. */
  forceDelete?: Input<boolean>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = [
  "name", "imageTagMutability", "imageScanningConfiguration", "forceDelete", "tags", "arn", "registryId", "repositoryUrl", "tagsAll",
] as const;

export class Repository extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly imageTagMutability: Output<string>;
  declare readonly imageScanningConfiguration: Output<{ scanOnPush: boolean }>;
  declare readonly forceDelete: Output<boolean | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly registryId: Output<string>;
  declare readonly repositoryUrl: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: RepositoryArgs = {}, opts: CustomResourceOptions = {}) {
    super("aws:ecr/repository:Repository", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Repository by its name into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<RepositoryArgs> = {}, opts: CustomResourceOptions = {}): Repository {
    return new Repository(name, state as RepositoryArgs, { ...opts, id });
  }
}
