// aws.autoscaling: Auto Scaling groups for programs.
export * from "./group.js";
