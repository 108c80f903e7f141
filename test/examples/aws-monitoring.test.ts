// End to end: examples/aws-monitoring with the real `cairn` binary against moto_server. After up,
// the alarm's actions are the topic, the dashboard's body names the alarm and the queue's metric,
// and an alarm notification sent to the alarm's action topic arrives on the subscribed queue;
// nothing is left to change; destroy leaves moto empty.
import { CloudWatchClient, DescribeAlarmsCommand, GetDashboardCommand, ListDashboardsCommand, SetAlarmStateCommand, type MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { ListSubscriptionsByTopicCommand, ListTopicsCommand, PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { ListQueuesCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientConfig, expectCode, sandboxWithExample, stackOutputs, startMoto, type Moto } from "./aws-example-harness.js";

let moto: Moto;
let cw: CloudWatchClient;
let sns: SNSClient;
let sqs: SQSClient;

beforeAll(async () => {
  moto = await startMoto();
  cw = new CloudWatchClient(clientConfig(moto.url));
  sns = new SNSClient(clientConfig(moto.url));
  sqs = new SQSClient(clientConfig(moto.url));
});
afterAll(async () => {
  for (const c of [cw, sns, sqs]) c?.destroy();
  await moto?.stop();
});

async function describeAlarm(name: string): Promise<MetricAlarm | undefined> {
  return (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms?.[0];
}

describe("examples/aws-monitoring", () => {
  it("wires alarm -> topic -> queue and a dashboard, delivers an alarm notification, destroys", async () => {
    const sb = sandboxWithExample("aws-monitoring", moto.url);
    const dir = "aws-monitoring";
    expectCode(await sb.run(dir, ["stack", "init", "dev"]), 0);
    expectCode(await sb.run(dir, ["up", "--yes"]), 0);
    const outs = await stackOutputs(sb, dir, "dev");
    const topicArn = String(outs.topicArn);

    const alarm = await describeAlarm(String(outs.alarmName));
    expect(alarm?.AlarmActions).toEqual([topicArn]);
    expect(alarm?.OKActions).toEqual([topicArn]);
    expect(alarm?.Dimensions).toEqual([{ Name: "QueueName", Value: outs.jobsQueueName }]);
    expect(alarm?.Threshold).toBe(300);

    const body = JSON.parse((await cw.send(new GetDashboardCommand({ DashboardName: String(outs.dashboardName) }))).DashboardBody ?? "{}") as {
      widgets: Array<{ type: string; properties: { alarms?: string[]; metrics?: string[][]; title?: string } }>;
    };
    expect(body.widgets.find((w) => w.type === "alarm")?.properties.alarms).toEqual([outs.alarmArn]);
    expect(body.widgets.find((w) => w.type === "alarm")?.properties.title).toBe(`Alarm ${String(outs.alarmName)}`);
    expect(body.widgets.find((w) => w.type === "metric")?.properties.metrics).toEqual([["AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", outs.jobsQueueName]]);

    const subs = (await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }))).Subscriptions ?? [];
    expect(subs.map((s) => `${s.Protocol} ${s.Endpoint}`)).toEqual([`sqs ${String(outs.alertsQueueArn)}`]);

    // The alarm fires. moto records the state change but does not run alarm actions, so the test
    // sends CloudWatch's notification to each of the alarm's action ARNs itself (what CloudWatch
    // does on AWS), and reads it from the subscribed queue.
    await cw.send(new SetAlarmStateCommand({ AlarmName: String(outs.alarmName), StateValue: "ALARM", StateReason: "test: jobs are waiting" }));
    const fired = await describeAlarm(String(outs.alarmName));
    expect(fired?.StateValue).toBe("ALARM");
    const notification = { AlarmName: fired?.AlarmName, NewStateValue: fired?.StateValue, NewStateReason: fired?.StateReason, Trigger: { MetricName: fired?.MetricName, Namespace: fired?.Namespace } };
    for (const arn of fired?.AlarmActions ?? []) await sns.send(new PublishCommand({ TopicArn: arn, Subject: `ALARM: "${String(fired?.AlarmName)}"`, Message: JSON.stringify(notification) }));
    const received = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: String(outs.alertsQueueUrl), MaxNumberOfMessages: 10, WaitTimeSeconds: 5 }))).Messages ?? [];
    expect(received).toHaveLength(1);
    const envelope = JSON.parse(received[0]?.Body ?? "{}") as { TopicArn?: string; Message?: string };
    expect(envelope.TopicArn).toBe(topicArn);
    expect(JSON.parse(envelope.Message ?? "{}")).toMatchObject({ AlarmName: outs.alarmName, NewStateValue: "ALARM", Trigger: { MetricName: "ApproximateAgeOfOldestMessage", Namespace: "AWS/SQS" } });

    expectCode(await sb.run(dir, ["preview", "--expect-no-changes"]), 0);
    expectCode(await sb.run(dir, ["destroy", "--yes", "--remove"]), 0);
    expect((await cw.send(new DescribeAlarmsCommand({}))).MetricAlarms).toEqual([]);
    expect((await cw.send(new ListDashboardsCommand({}))).DashboardEntries).toEqual([]);
    expect((await sns.send(new ListTopicsCommand({}))).Topics).toEqual([]);
    expect((await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? []).toEqual([]);
  }, 240_000);
});
