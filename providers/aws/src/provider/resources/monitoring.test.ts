// SNS TopicSubscription (delivery to SQS), CloudWatch Dashboard and MetricAlarm against moto.
import { DescribeAlarmsCommand, CloudWatchClient, PutDashboardCommand, PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import { PublishCommand, SetSubscriptionAttributesCommand, SNSClient } from "@aws-sdk/client-sns";
import { ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { describe, expect, it } from "vitest";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource, urnOf } from "../../test-support/provider-harness.js";

const TOPIC = "aws:sns/topic:Topic";
const QUEUE = "aws:sqs/queue:Queue";
const SUB = "aws:sns/topicSubscription:TopicSubscription";
const DASH = "aws:cloudwatch/dashboard:Dashboard";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
/** A JSON document as kept in state: the recorded form (string or object) when unchanged. */
function asJson(v: unknown): unknown {
  return typeof v === "string" ? JSON.parse(v) : v;
}

const m = useMoto({ provider: { defaultTags: { tags: { team: "ops" } } } });
const sns = m.client(SNSClient);
const sqs = m.client(SQSClient);
const cw = m.client(CloudWatchClient);

describe("aws:sns/topicSubscription:TopicSubscription", () => {
  it("subscribes a queue that then receives published messages, updates attributes, drifts, imports, replaces and deletes", async () => {
    const topic = await createResource(m.provider, TOPIC, "events", {});
    const queue = await createResource(m.provider, QUEUE, "inbox", {});
    const other = await createResource(m.provider, QUEUE, "other", {});
    const s = await createResource(m.provider, SUB, "inbox-sub", { topic: topic.id, protocol: "sqs", endpoint: queue.outputs["arn"] });
    expect(s.id).toMatch(new RegExp(`^${topic.id}:`));
    expect(s.outputs).toMatchObject({ arn: s.id, topic: topic.id, protocol: "sqs", endpoint: queue.outputs["arn"], rawMessageDelivery: false, pendingConfirmation: false });

    await sns().send(new PublishCommand({ TopicArn: topic.id, Message: "hello from cairn" }));
    const got = await sqs().send(new ReceiveMessageCommand({ QueueUrl: queue.id, WaitTimeSeconds: 1 }));
    expect(JSON.parse(got.Messages?.[0]?.Body ?? "{}")).toMatchObject({ Message: "hello from cairn", TopicArn: topic.id });

    const filter = { kind: ["order"] };
    const u = await updateResource(m.provider, s, { topic: topic.id, protocol: "sqs", endpoint: queue.outputs["arn"], rawMessageDelivery: true, filterPolicy: filter });
    expect(u.outputs["rawMessageDelivery"]).toBe(true);
    expect(asJson(u.outputs["filterPolicy"])).toEqual(filter);
    expect((await planChange(m.provider, u, { topic: topic.id, protocol: "sqs", endpoint: queue.outputs["arn"], rawMessageDelivery: true, filterPolicy: JSON.stringify(filter) })).diff.changes).toBe("none");

    await sns().send(new SetSubscriptionAttributesCommand({ SubscriptionArn: s.id, AttributeName: "RawMessageDelivery", AttributeValue: "false" }));
    expect((await readResource(m.provider, u)).inputs?.["rawMessageDelivery"]).toBe(false);
    expect((await importResource(m.provider, SUB, "imp", s.id)).inputs).toMatchObject({ topic: topic.id, protocol: "sqs", endpoint: queue.outputs["arn"] });

    const r = await replaceResource(m.provider, u, { topic: topic.id, protocol: "sqs", endpoint: other.outputs["arn"] });
    expect(r.diff.replaces).toEqual(["endpoint"]);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });

  it("reports missing and invalid properties at once", async () => {
    const res = await m.provider.check({ urn: urnOf(SUB, "bad"), type: SUB, olds: {}, news: { protocol: "carrier-pigeon" }, randomSeed: "s" });
    expect(res.failures?.map((f) => f.property).sort()).toEqual(["endpoint", "protocol", "topic"]);
  });
});

describe("aws:cloudwatch/dashboard:Dashboard", () => {
  it("creates, updates the body in place, drifts, imports, replaces and deletes", async () => {
    const body = { widgets: [{ type: "text", x: 0, y: 0, width: 6, height: 3, properties: { markdown: "hi" } }] };
    const d = await createResource(m.provider, DASH, "ops", { dashboardName: "ops", dashboardBody: body });
    expect(d.id).toBe("ops");
    expect(d.outputs["dashboardArn"]).toMatch(/:dashboard\/ops$/);
    expect((await planChange(m.provider, d, { dashboardName: "ops", dashboardBody: JSON.stringify(body) })).diff.changes).toBe("none");

    const body2 = { widgets: [{ type: "text", x: 0, y: 0, width: 12, height: 3, properties: { markdown: "wide" } }] };
    const u = await updateResource(m.provider, d, { dashboardName: "ops", dashboardBody: body2 });
    expect(asJson((await readResource(m.provider, u)).inputs?.["dashboardBody"])).toEqual(body2);

    await cw().send(new PutDashboardCommand({ DashboardName: "ops", DashboardBody: JSON.stringify({ widgets: [] }) }));
    expect(asJson((await readResource(m.provider, u)).inputs?.["dashboardBody"])).toEqual({ widgets: [] });
    expect((await importResource(m.provider, DASH, "imp", "ops")).inputs).toMatchObject({ dashboardName: "ops" });

    const r = await replaceResource(m.provider, u, { dashboardName: "ops-2", dashboardBody: body2 });
    expect(r.diff.replaces).toEqual(["dashboardName"]);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
  });
});

describe("aws:cloudwatch/metricAlarm:MetricAlarm", () => {
  it("creates an alarm wired to a topic, updates in place, drifts, imports, replaces and deletes", async () => {
    const topic = await createResource(m.provider, TOPIC, "pager", {});
    const args = {
      comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 2, metricName: "CPUUtilization", namespace: "AWS/EC2",
      period: 60, statistic: "Average", threshold: 80, alarmActions: [topic.id], dimensions: { InstanceId: "i-123" }, tags: { env: "dev" },
    };
    const a = await createResource(m.provider, ALARM, "cpu", args);
    expect(a.id).toMatch(/^cpu-[0-9a-f]{7}$/);
    expect(a.outputs).toMatchObject({ name: a.id, threshold: 80, alarmActions: [topic.id], dimensions: { InstanceId: "i-123" }, tagsAll: { env: "dev", team: "ops" } });
    expect(a.outputs["arn"]).toMatch(/:alarm:cpu-/);
    expect((await planChange(m.provider, a, args)).diff.changes).toBe("none");

    const u = await updateResource(m.provider, a, { ...args, threshold: 90, evaluationPeriods: 3, tags: { env: "prod" } });
    expect(u.outputs).toMatchObject({ threshold: 90, evaluationPeriods: 3, tagsAll: { env: "prod", team: "ops" } });

    await cw().send(new PutMetricAlarmCommand({
      AlarmName: a.id, ComparisonOperator: "GreaterThanThreshold", EvaluationPeriods: 3, MetricName: "CPUUtilization",
      Namespace: "AWS/EC2", Period: 60, Statistic: "Average", Threshold: 50, AlarmActions: [topic.id], Dimensions: [{ Name: "InstanceId", Value: "i-123" }],
    }));
    expect((await readResource(m.provider, u)).inputs?.["threshold"]).toBe(50);
    expect((await importResource(m.provider, ALARM, "imp", a.id)).inputs).toMatchObject({ name: a.id, metricName: "CPUUtilization", tags: { env: "prod" } });

    const r = await replaceResource(m.provider, u, { ...args, name: "cpu-high" });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    expect((await cw().send(new DescribeAlarmsCommand({ AlarmNames: ["cpu-high"] }))).MetricAlarms).toEqual([]);
    await deleteResource(m.provider, r);
  });
});
