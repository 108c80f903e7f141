// aws.s3: S3 resources for programs.
export * from "./bucket.js";
export * from "./bucket-object.js";
export * from "./bucket-policy.js";
