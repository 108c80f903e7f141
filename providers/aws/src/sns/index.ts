// aws.sns: SNS resources for programs.
export * from "./topic.js";
