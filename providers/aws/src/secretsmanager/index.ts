// aws.secretsmanager: Secrets Manager resources for programs.
export * from "./secret.js";
export * from "./secret-version.js";
