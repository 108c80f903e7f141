// SNS Topic and SQS Queue against moto.
import { SetTopicAttributesCommand, SNSClient } from "@aws-sdk/client-sns";
import { SetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { describe, expect, it } from "vitest";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource, urnOf } from "../../test-support/provider-harness.js";

const TOPIC = "aws:sns/topic:Topic";
const QUEUE = "aws:sqs/queue:Queue";
const m = useMoto({ provider: { defaultTags: { tags: { team: "ops" } } } });
const sns = m.client(SNSClient);
const sqs = m.client(SQSClient);

describe("aws:sns/topic:Topic", () => {
  it("creates an auto-named topic, updates attributes and tags in place, drifts, imports, replaces and deletes", async () => {
    const t = await createResource(m.provider, TOPIC, "alerts", { displayName: "Alerts", tags: { env: "dev" } });
    expect(t.id).toMatch(/^arn:aws:sns:us-east-1:\d+:alerts-[0-9a-f]{7}$/);
    expect(t.outputs).toMatchObject({ arn: t.id, displayName: "Alerts", tagsAll: { env: "dev", team: "ops" } });
    expect((await planChange(m.provider, t, { displayName: "Alerts", tags: { env: "dev" } })).diff.changes).toBe("none");

    const u = await updateResource(m.provider, t, { displayName: "Pager", tags: { env: "prod" } });
    expect(u.outputs).toMatchObject({ displayName: "Pager", tagsAll: { env: "prod", team: "ops" } });

    await sns().send(new SetTopicAttributesCommand({ TopicArn: t.id, AttributeName: "DisplayName", AttributeValue: "Changed" }));
    expect((await readResource(m.provider, u)).inputs?.["displayName"]).toBe("Changed");
    expect((await importResource(m.provider, TOPIC, "imp", t.id)).inputs).toMatchObject({ name: t.outputs["name"], tags: { env: "prod" } });

    const r = await replaceResource(m.provider, u, { name: "alerts-two", displayName: "Pager" });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });

  it("requires a .fifo name for FIFO topics", async () => {
    const res = await m.provider.check({ urn: urnOf(TOPIC, "f"), type: TOPIC, olds: {}, news: { fifoTopic: true }, randomSeed: "s" });
    expect(res.failures?.map((f) => f.property)).toEqual(["name"]);
  });
});

describe("aws:sqs/queue:Queue", () => {
  it("creates with AWS's defaults, updates attributes in place, drifts, imports, replaces and deletes", async () => {
    const q = await createResource(m.provider, QUEUE, "jobs", { visibilityTimeoutSeconds: 60 });
    expect(q.id).toMatch(/\/jobs-[0-9a-f]{7}$/);
    expect(q.outputs).toMatchObject({ url: q.id, visibilityTimeoutSeconds: 60, delaySeconds: 0 });
    expect(q.outputs["arn"]).toMatch(/^arn:aws:sqs:us-east-1:\d+:jobs-/);
    expect((await planChange(m.provider, q, { visibilityTimeoutSeconds: 60 })).diff.changes).toBe("none");
    const roundTrip = await readResource(m.provider, q);
    expect(roundTrip.inputs).toMatchObject({ visibilityTimeoutSeconds: 60, messageRetentionSeconds: 345600, maxMessageSize: 262144 });

    const dlq = await createResource(m.provider, QUEUE, "dead", {});
    const redrive = { deadLetterTargetArn: dlq.outputs["arn"], maxReceiveCount: 3 };
    const u = await updateResource(m.provider, q, { visibilityTimeoutSeconds: 120, redrivePolicy: JSON.stringify(redrive), tags: { env: "dev" } });
    expect(u.outputs).toMatchObject({ visibilityTimeoutSeconds: 120, tagsAll: { env: "dev", team: "ops" } });
    expect(JSON.parse(u.outputs["redrivePolicy"] as string)).toMatchObject({ maxReceiveCount: 3 });

    await sqs().send(new SetQueueAttributesCommand({ QueueUrl: q.id, Attributes: { DelaySeconds: "5" } }));
    expect((await readResource(m.provider, u)).inputs?.["delaySeconds"]).toBe(5);
    expect((await importResource(m.provider, QUEUE, "imp", q.id)).inputs).toMatchObject({ visibilityTimeoutSeconds: 120, tags: { env: "dev" } });

    const r = await replaceResource(m.provider, u, { name: "jobs-renamed", visibilityTimeoutSeconds: 120 });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });
});
