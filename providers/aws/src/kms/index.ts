// aws.kms: KMS resources for programs.
export * from "./key.js";
