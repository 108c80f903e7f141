// Every resource the AWS provider supports. Add a new resource by writing its definition file
// next to these and listing it here.
import type { ResourceDefinition } from "../resource-definition.js";
import { s3Bucket } from "./s3-bucket.js";

export const RESOURCES: readonly ResourceDefinition[] = [s3Bucket];
