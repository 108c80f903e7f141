// aws.ec2: EC2 networking resources for programs.
export * from "./vpc.js";
export * from "./subnet.js";
export * from "./internet-gateway.js";
export * from "./route-table.js";
export * from "./route.js";
export * from "./route-table-association.js";
export * from "./security-group.js";
export * from "./security-group-rule.js";
export * from "./instance.js";
export * from "./launch-template.js";
export * from "./volume-attachment.js";
export * from "./lookups.js";
export type { RouteTargets } from "./route-targets.js";
