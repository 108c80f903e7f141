// aws.s3.BucketPolicy: the policy document of one bucket (a JSON string or an object).
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";

export interface BucketPolicyArgs {
  bucket: Input<string>;
  policy: Input<string | Record<string, unknown>>;
}

export class BucketPolicy extends CustomResource {
  declare readonly bucket: Output<string>;
  declare readonly policy: Output<string>;

  constructor(name: string, args: BucketPolicyArgs, opts: CustomResourceOptions = {}) {
    super("aws:s3/bucketPolicy:BucketPolicy", name, { ...args }, opts);
  }
}
