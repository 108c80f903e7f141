// aws.sns: SNS resources for programs.
export * from "./topic.js";
export * from "./topic-subscription.js";
