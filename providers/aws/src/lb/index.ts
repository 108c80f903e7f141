// aws.lb: Elastic Load Balancing v2 resources for programs (also exported as aws.alb).
export * from "./load-balancer.js";
export * from "./target-group.js";
export * from "./listener.js";
export * from "./target-group-attachment.js";
