// Monitoring for a job queue: a CloudWatch alarm on the age of the oldest job notifies an SNS topic
// (when it fires and when it clears); an SQS queue subscribed to the topic collects the
// notifications, so they can be read, forwarded or tested; a dashboard shows the metric next to
// the alarm's state.
import * as aws from "@cairn/aws";
import { Config, getProject, getStack, interpolate, jsonStringify } from "@cairn/sdk";

const config = new Config();
const region = new Config("aws").require("region");
const maxJobAgeSeconds = config.getNumber("maxJobAgeSeconds") ?? 300;
const tags = { Project: getProject(), Stack: getStack() };

// The queue being watched.
const jobs = new aws.sqs.Queue("jobs", { tags });

// Where the alarm reports.
const alerts = new aws.sns.Topic("alerts", { displayName: interpolate`Alerts for ${getStack()}`, tags });

// The notifications' inbox. Its policy lets only this topic send to it; the queue's ARN is built
// from its name and the account in the topic's ARN, so the policy can be set when the queue is made.
const inboxName = `${getProject()}-${getStack()}-alerts`;
const account = alerts.arn.apply((arn) => arn.split(":")[4] ?? "");
const inbox = new aws.sqs.Queue("alerts-inbox", {
  name: inboxName,
  policy: jsonStringify({
    Version: "2012-10-17",
    Statement: [{
      Sid: "AlertsTopicSends",
      Effect: "Allow",
      Principal: { Service: "sns.amazonaws.com" },
      Action: "sqs:SendMessage",
      Resource: interpolate`arn:aws:sqs:${region}:${account}:${inboxName}`,
      Condition: { ArnEquals: { "aws:SourceArn": alerts.arn } },
    }],
  }),
  tags,
});
new aws.sns.TopicSubscription("alerts-inbox", { topic: alerts.arn, protocol: "sqs", endpoint: inbox.arn });

const alarm = new aws.cloudwatch.MetricAlarm("jobs-waiting", {
  alarmDescription: interpolate`A job has waited ${maxJobAgeSeconds}s or more in ${jobs.name}`,
  namespace: "AWS/SQS",
  metricName: "ApproximateAgeOfOldestMessage",
  dimensions: { QueueName: jobs.name },
  statistic: "Maximum",
  period: 60,
  evaluationPeriods: 5,
  datapointsToAlarm: 3,
  threshold: maxJobAgeSeconds,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  treatMissingData: "notBreaching",
  alarmActions: [alerts.arn],
  okActions: [alerts.arn],
  tags,
});

const dashboard = new aws.cloudwatch.Dashboard("jobs", {
  dashboardName: `${getProject()}-${getStack()}`,
  dashboardBody: jsonStringify({
    widgets: [
      {
        type: "metric", x: 0, y: 0, width: 12, height: 6,
        properties: {
          title: interpolate`Oldest job in ${jobs.name} (s)`,
          region,
          stat: "Maximum",
          period: 60,
          metrics: [["AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", jobs.name]],
          annotations: { horizontal: [{ label: "alarm", value: maxJobAgeSeconds }] },
        },
      },
      { type: "alarm", x: 12, y: 0, width: 12, height: 6, properties: { title: interpolate`Alarm ${alarm.name}`, alarms: [alarm.arn] } },
    ],
  }),
});

export const jobsQueueUrl = jobs.url;
export const jobsQueueName = jobs.name;
export const topicArn = alerts.arn;
export const alertsQueueUrl = inbox.url;
export const alertsQueueArn = inbox.arn;
export const alarmName = alarm.name;
export const alarmArn = alarm.arn;
export const dashboardName = dashboard.dashboardName;
