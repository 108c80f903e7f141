// aws.iam: IAM roles, policies and attachments for programs.
export * from "./role.js";
export * from "./policy.js";
export * from "./role-policy-attachment.js";
