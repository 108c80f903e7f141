// aws.alb: the same classes as aws.lb (Pulumi's older name for them), with the aws:lb type tokens.
export * from "../lb/index.js";
