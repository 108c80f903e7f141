// aws.cloudwatch: CloudWatch resources for programs.
export * from "./dashboard.js";
export * from "./metric-alarm.js";
