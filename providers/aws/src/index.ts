// @cairn/aws: typed AWS resource classes for Cairn programs (`import * as aws from "@cairn/aws"`),
// with @pulumi/aws's type tokens and property names. The provider itself is "@cairn/aws/provider".
export * as s3 from "./s3/index.js";
export * as ec2 from "./ec2/index.js";
export * as sns from "./sns/index.js";
export * as sqs from "./sqs/index.js";
export * as cloudwatch from "./cloudwatch/index.js";
export * as lambda from "./lambda/index.js";
export * as secretsmanager from "./secretsmanager/index.js";
export * as kms from "./kms/index.js";
export * as dynamodb from "./dynamodb/index.js";
export * as ecr from "./ecr/index.js";
export * as route53 from "./route53/index.js";
export * as ebs from "./ebs/index.js";
export * as iam from "./iam/index.js";
export * as autoscaling from "./autoscaling/index.js";
export * as cloudfront from "./cloudfront/index.js";
export * as rds from "./rds/index.js";
export * as eks from "./eks/index.js";
export * as ecs from "./ecs/index.js";
export * as lb from "./lb/index.js";
export * as alb from "./alb/index.js";
export { Provider, type ProviderArgs, type ProviderEndpoint } from "./aws-provider-resource.js";
export * from "./functions.js";
export type { InvokeOptions } from "./provider-function.js";
