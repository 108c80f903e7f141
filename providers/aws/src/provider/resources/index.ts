// Every resource the AWS provider supports. Add a new resource by writing its definition file
// next to these and listing it here.
import type { ResourceDefinition } from "../resource-definition.js";
import { ec2InternetGateway } from "./ec2-internet-gateway.js";
import { ec2Route } from "./ec2-route.js";
import { ec2RouteTable } from "./ec2-route-table.js";
import { ec2RouteTableAssociation } from "./ec2-route-table-association.js";
import { ec2SecurityGroup } from "./ec2-security-group.js";
import { ec2SecurityGroupRule } from "./ec2-security-group-rule.js";
import { ec2Subnet } from "./ec2-subnet.js";
import { ec2Vpc } from "./ec2-vpc.js";
import { s3Bucket } from "./s3-bucket.js";
import { s3BucketObject } from "./s3-bucket-object.js";
import { s3BucketPolicy } from "./s3-bucket-policy.js";
import { snsTopic } from "./sns-topic.js";
import { sqsQueue } from "./sqs-queue.js";
import { snsTopicSubscription } from "./sns-topic-subscription.js";
import { cloudwatchDashboard } from "./cloudwatch-dashboard.js";
import { cloudwatchMetricAlarm } from "./cloudwatch-metric-alarm.js";
import { lambdaFunction } from "./lambda-function.js";
import { lambdaPermission } from "./lambda-permission.js";
import { secretsmanagerSecret } from "./secretsmanager-secret.js";
import { secretsmanagerSecretVersion } from "./secretsmanager-secret-version.js";
import { kmsKey } from "./kms-key.js";
import { dynamodbTable } from "./dynamodb-table.js";
import { ecrRepository } from "./ecr-repository.js";
import { route53Zone } from "./route53-zone.js";
import { route53Record } from "./route53-record.js";
import { ec2Instance } from "./ec2-instance.js";
import { ec2LaunchTemplate } from "./ec2-launch-template.js";
import { ebsVolume } from "./ebs-volume.js";
import { ec2VolumeAttachment } from "./ec2-volume-attachment.js";
import { iamRole } from "./iam-role.js";
import { iamPolicy } from "./iam-policy.js";
import { iamRolePolicyAttachment } from "./iam-role-policy-attachment.js";
import { autoscalingGroup } from "./autoscaling-group.js";
import { cloudfrontDistribution } from "./cloudfront-distribution.js";
import { rdsInstance } from "./rds-instance.js";
import { rdsSubnetGroup } from "./rds-subnet-group.js";
import { eksCluster } from "./eks-cluster.js";
import { ecsCluster } from "./ecs-cluster.js";
import { ecsTaskDefinition } from "./ecs-task-definition.js";
import { ecsService } from "./ecs-service.js";
import { lbLoadBalancer } from "./lb-load-balancer.js";
import { lbTargetGroup } from "./lb-target-group.js";
import { lbListener } from "./lb-listener.js";
import { lbTargetGroupAttachment } from "./lb-target-group-attachment.js";

export const RESOURCES: readonly ResourceDefinition[] = [
  s3Bucket, s3BucketObject, s3BucketPolicy,
  ec2Vpc, ec2Subnet, ec2InternetGateway, ec2RouteTable, ec2Route, ec2RouteTableAssociation, ec2SecurityGroup, ec2SecurityGroupRule,
  snsTopic, sqsQueue,
  snsTopicSubscription, cloudwatchDashboard, cloudwatchMetricAlarm, lambdaFunction, lambdaPermission, secretsmanagerSecret, secretsmanagerSecretVersion, kmsKey, dynamodbTable, ecrRepository, route53Zone, route53Record,
  ec2Instance, ec2LaunchTemplate, ebsVolume, ec2VolumeAttachment, iamRole, iamPolicy, iamRolePolicyAttachment, autoscalingGroup,
  cloudfrontDistribution,
  rdsInstance, rdsSubnetGroup, eksCluster,
  ecsCluster, ecsTaskDefinition, ecsService,
  lbLoadBalancer, lbTargetGroup, lbListener, lbTargetGroupAttachment,
];
