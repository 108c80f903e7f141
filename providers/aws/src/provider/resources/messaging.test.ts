// SNS Topic and SQS Queue against moto.
import { SetTopicAttributesCommand, SNSClient } from "@aws-sdk/client-sns";
import { SetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Provider } from "@cairn/protocol";
import { startMoto, type Moto } from "../../test-support/moto.js";
import {
  createResource, deleteResource, importResource, motoProvider, planChange, readResource, replaceResource, updateResource, urnOf,
} from "../../test-support/provider-harness.js";

const TOPIC = "aws:sns/topic:Topic";
const QUEUE = "aws:sqs/queue:Queue";
let moto: Moto;
let p: Provider;
let sns: SNSClient;
let sqs: SQSClient;

beforeAll(async () => {
  moto = await startMoto();
  const cfg = { endpoint: moto.url, region: "us-east-1", credentials: { accessKeyId: "testing", secretAccessKey: "testing" } };
  sns = new SNSClient(cfg);
  sqs = new SQSClient(cfg);
});
afterAll(async () => {
  sns?.destroy();
  sqs?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  p = await motoProvider(moto, { defaultTags: { tags: { team: "ops" } } });
});

describe("aws:sns/topic:Topic", () => {
  it("creates an auto-named topic, updates attributes and tags in place, drifts, imports, replaces and deletes", async () => {
    const t = await createResource(p, TOPIC, "alerts", { displayName: "Alerts", tags: { env: "dev" } });
    expect(t.id).toMatch(/^arn:aws:sns:us-east-1:\d+:alerts-[0-9a-f]{7}$/);
    expect(t.outputs).toMatchObject({ arn: t.id, displayName: "Alerts", tagsAll: { env: "dev", team: "ops" } });
    expect((await planChange(p, t, { displayName: "Alerts", tags: { env: "dev" } })).diff.changes).toBe("none");

    const u = await updateResource(p, t, { displayName: "Pager", tags: { env: "prod" } });
    expect(u.outputs).toMatchObject({ displayName: "Pager", tagsAll: { env: "prod", team: "ops" } });

    await sns.send(new SetTopicAttributesCommand({ TopicArn: t.id, AttributeName: "DisplayName", AttributeValue: "Changed" }));
    expect((await readResource(p, u)).inputs?.["displayName"]).toBe("Changed");
    expect((await importResource(p, TOPIC, "imp", t.id)).inputs).toMatchObject({ name: t.outputs["name"], tags: { env: "prod" } });

    const r = await replaceResource(p, u, { name: "alerts-two", displayName: "Pager" });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(p, u)).toEqual({});
    await deleteResource(p, r);
    expect(await readResource(p, r)).toEqual({});
    await deleteResource(p, r);
  });

  it("requires a .fifo name for FIFO topics", async () => {
    const res = await p.check({ urn: urnOf(TOPIC, "f"), type: TOPIC, olds: {}, news: { fifoTopic: true }, randomSeed: "s" });
    expect(res.failures?.map((f) => f.property)).toEqual(["name"]);
  });
});

describe("aws:sqs/queue:Queue", () => {
  it("creates with AWS's defaults, updates attributes in place, drifts, imports, replaces and deletes", async () => {
    const q = await createResource(p, QUEUE, "jobs", { visibilityTimeoutSeconds: 60 });
    expect(q.id).toMatch(/\/jobs-[0-9a-f]{7}$/);
    expect(q.outputs).toMatchObject({ url: q.id, visibilityTimeoutSeconds: 60, delaySeconds: 0 });
    expect(q.outputs["arn"]).toMatch(/^arn:aws:sqs:us-east-1:\d+:jobs-/);
    expect((await planChange(p, q, { visibilityTimeoutSeconds: 60 })).diff.changes).toBe("none");
    const roundTrip = await readResource(p, q);
    expect(roundTrip.inputs).toMatchObject({ visibilityTimeoutSeconds: 60, messageRetentionSeconds: 345600, maxMessageSize: 262144 });

    const dlq = await createResource(p, QUEUE, "dead", {});
    const redrive = { deadLetterTargetArn: dlq.outputs["arn"], maxReceiveCount: 3 };
    const u = await updateResource(p, q, { visibilityTimeoutSeconds: 120, redrivePolicy: JSON.stringify(redrive), tags: { env: "dev" } });
    expect(u.outputs).toMatchObject({ visibilityTimeoutSeconds: 120, tagsAll: { env: "dev", team: "ops" } });
    expect(JSON.parse(u.outputs["redrivePolicy"] as string)).toMatchObject({ maxReceiveCount: 3 });

    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: q.id, Attributes: { DelaySeconds: "5" } }));
    expect((await readResource(p, u)).inputs?.["delaySeconds"]).toBe(5);
    expect((await importResource(p, QUEUE, "imp", q.id)).inputs).toMatchObject({ visibilityTimeoutSeconds: 120, tags: { env: "dev" } });

    const r = await replaceResource(p, u, { name: "jobs-renamed", visibilityTimeoutSeconds: 120 });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(p, u)).toEqual({});
    await deleteResource(p, r);
    expect(await readResource(p, r)).toEqual({});
    await deleteResource(p, r);
  });
});
