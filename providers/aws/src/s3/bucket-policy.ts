// aws.s3.BucketPolicy: the policy document of one bucket (a JSON string or an object).
import { withOutputs } from "../resource-args.js";
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";

export interface BucketPolicyArgs {
  bucket: Input<string>;
  policy: Input<string | Record<string, unknown>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["bucket", "policy"] as const;

export class BucketPolicy extends CustomResource {
  declare readonly bucket: Output<string>;
  declare readonly policy: Output<string>;

  constructor(name: string, args: BucketPolicyArgs, opts: CustomResourceOptions = {}) {
    super("aws:s3/bucketPolicy:BucketPolicy", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing BucketPolicy by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<BucketPolicyArgs> = {}, opts: CustomResourceOptions = {}): BucketPolicy {
    return new BucketPolicy(name, state as BucketPolicyArgs, { ...opts, id });
  }
}
