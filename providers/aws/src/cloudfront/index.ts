// aws.cloudfront: CloudFront resources for programs.
export * from "./distribution.js";
