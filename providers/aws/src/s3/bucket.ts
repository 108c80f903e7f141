// aws.s3.Bucket: an S3 bucket with tags, versioning and static-website configuration.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface BucketVersioning {
  enabled?: Input<boolean>;
  mfaDelete?: Input<boolean>;
}
export interface BucketWebsite {
  indexDocument?: Input<string>;
  errorDocument?: Input<string>;
  redirectAllRequestsTo?: Input<string>;
}
export interface BucketArgs {
  /** The bucket name; auto-named from the resource name when unset. */
  bucket?: Input<string>;
  bucketPrefix?: Input<string>;
  tags?: Input<Record<string, Input<string>>>;
  versioning?: Input<BucketVersioning>;
  website?: Input<BucketWebsite>;
  /** Delete every object (and version) when the bucket is deleted. */
  forceDestroy?: Input<boolean>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["bucket", "bucketPrefix", "tags", "versioning", "website", "forceDestroy", "arn", "bucketDomainName", "bucketRegionalDomainName", "websiteEndpoint", "websiteDomain", "region", "tagsAll"] as const;

export class Bucket extends CustomResource {
  declare readonly bucket: Output<string>;
  declare readonly bucketPrefix: Output<string | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly versioning: Output<{ enabled: boolean; mfaDelete?: boolean } | undefined>;
  declare readonly website: Output<{ indexDocument?: string; errorDocument?: string; redirectAllRequestsTo?: string } | undefined>;
  declare readonly forceDestroy: Output<boolean>;
  declare readonly arn: Output<string>;
  declare readonly bucketDomainName: Output<string>;
  declare readonly bucketRegionalDomainName: Output<string>;
  declare readonly websiteEndpoint: Output<string | undefined>;
  declare readonly websiteDomain: Output<string | undefined>;
  declare readonly region: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: BucketArgs = {}, opts: CustomResourceOptions = {}) {
    super("aws:s3/bucket:Bucket", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Bucket by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<BucketArgs> = {}, opts: CustomResourceOptions = {}): Bucket {
    return new Bucket(name, state as BucketArgs, { ...opts, id });
  }
}
