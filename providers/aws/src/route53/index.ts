// aws.route53: Route 53 resources for programs.
export * from "./zone.js";
export * from "./record.js";
