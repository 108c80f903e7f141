// aws.s3.BucketObject: one S3 object from an asset, a ready-made archive file or a string.
import { CustomResource, type Archive, type Asset, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface BucketObjectArgs {
  bucket: Input<string>;
  /** The object key; the resource name when unset. */
  key?: Input<string>;
  source?: Input<Asset | Archive>;
  content?: Input<string>;
  contentType?: Input<string>;
  cacheControl?: Input<string>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["bucket", "key", "source", "content", "contentType", "cacheControl", "tags", "etag", "versionId", "tagsAll"] as const;

export class BucketObject extends CustomResource {
  declare readonly bucket: Output<string>;
  declare readonly key: Output<string>;
  declare readonly source: Output<Asset | Archive | undefined>;
  declare readonly content: Output<string | undefined>;
  declare readonly contentType: Output<string>;
  declare readonly cacheControl: Output<string | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly etag: Output<string>;
  declare readonly versionId: Output<string | undefined>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: BucketObjectArgs, opts: CustomResourceOptions = {}) {
    super("aws:s3/bucketObject:BucketObject", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing BucketObject by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<BucketObjectArgs> = {}, opts: CustomResourceOptions = {}): BucketObject {
    return new BucketObject(name, state as BucketObjectArgs, { ...opts, id });
  }
}
