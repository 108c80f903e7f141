// Every resource the AWS provider supports. Add a new resource by writing its definition file
// next to these and listing it here.
import type { ResourceDefinition } from "../resource-definition.js";
import { s3Bucket } from "./s3-bucket.js";
import { s3BucketObject } from "./s3-bucket-object.js";
import { s3BucketPolicy } from "./s3-bucket-policy.js";

export const RESOURCES: readonly ResourceDefinition[] = [s3Bucket, s3BucketObject, s3BucketPolicy];
