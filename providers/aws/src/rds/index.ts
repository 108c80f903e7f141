// aws.rds: RDS resources for programs.
export * from "./instance.js";
export * from "./subnet-group.js";
