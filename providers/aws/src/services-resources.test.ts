// The typed classes of the service resources (sns subscriptions, cloudwatch, lambda, secrets
// manager, kms, dynamodb, ecr, route53) under the SDK's mocks: type tokens, inputs sent (archives
// as markers), output-only properties resolved from state, and the secret value's options.
import { afterEach, describe, expect, it } from "vitest";
import { AssetArchive, StringAsset, runtime } from "@cairn/sdk";
import * as aws from "./index.js";

afterEach(() => runtime.clearMocks());

const mocks = {
  newResource(args: { type: string; name: string; inputs: Record<string, unknown> }) {
    return { id: `${args.name}-id`, state: { ...args.inputs, arn: `arn:test:${args.name}`, tagsAll: args.inputs["tags"] ?? {}, zoneId: "Z123" } };
  },
  call() {
    return {};
  },
};

describe("@cairn/aws service resource classes", () => {
  it("register with Pulumi's type tokens and wire outputs between resources", async () => {
    const monitor = await runtime.setMocks(mocks, "proj", "dev");
    const topic = new aws.sns.Topic("alerts");
    const queue = new aws.sqs.Queue("inbox");
    new aws.sns.TopicSubscription("sub", { topic: topic.arn, protocol: "sqs", endpoint: queue.arn });
    new aws.cloudwatch.MetricAlarm("cpu", {
      comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 1, metricName: "CPUUtilization", namespace: "AWS/EC2",
      period: 60, statistic: "Average", threshold: 80, alarmActions: [topic.arn], dimensions: { InstanceId: "i-1" },
    });
    new aws.cloudwatch.Dashboard("ops", { dashboardName: "ops", dashboardBody: { widgets: [] } });
    const fn = new aws.lambda.Function("worker", {
      role: "arn:aws:iam::123456789012:role/r", runtime: "nodejs20.x", handler: "index.handler",
      code: new AssetArchive({ "index.js": new StringAsset("exports.handler = async () => 1;") }),
    });
    new aws.lambda.Permission("from-sns", { function: fn.name, action: "lambda:InvokeFunction", principal: "sns.amazonaws.com", sourceArn: topic.arn });
    const key = new aws.kms.Key("data", { deletionWindowInDays: 7 });
    const secret = new aws.secretsmanager.Secret("db", { kmsKeyId: key.arn });
    new aws.secretsmanager.SecretVersion("db", { secretId: secret.arn, secretString: "pw" });
    new aws.dynamodb.Table("orders", { hashKey: "pk", attributes: [{ name: "pk", type: "S" }], billingMode: "PAY_PER_REQUEST" });
    const repo = new aws.ecr.Repository("app");
    const zone = new aws.route53.Zone("main", { name: "example.com" });
    new aws.route53.Record("www", { zoneId: zone.zoneId, name: "www", type: "CNAME", ttl: 60, records: [repo.repositoryUrl] });
    await runtime.waitForRegistrations();

    const types = monitor.registrations.map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining([
      "aws:sns/topicSubscription:TopicSubscription", "aws:cloudwatch/metricAlarm:MetricAlarm", "aws:cloudwatch/dashboard:Dashboard",
      "aws:lambda/function:Function", "aws:lambda/permission:Permission", "aws:kms/key:Key", "aws:secretsmanager/secret:Secret",
      "aws:secretsmanager/secretVersion:SecretVersion", "aws:dynamodb/table:Table", "aws:ecr/repository:Repository",
      "aws:route53/zone:Zone", "aws:route53/record:Record",
    ]));
    const reg = (name: string, type: string) => monitor.registrations.find((r) => r.name === name && r.type === type)!;
    expect(reg("sub", "aws:sns/topicSubscription:TopicSubscription").object).toMatchObject({ topic: "arn:test:alerts", endpoint: "arn:test:inbox" });
    expect(reg("cpu", "aws:cloudwatch/metricAlarm:MetricAlarm").object["alarmActions"]).toEqual(["arn:test:alerts"]);
    expect(reg("worker", "aws:lambda/function:Function").object["code"]).toMatchObject({ "cairn:sig": "archive", assets: { "index.js": { "cairn:sig": "asset" } } });
    expect(reg("db", "aws:secretsmanager/secret:Secret").object["kmsKeyId"]).toBe("arn:test:data");
    const version = reg("db", "aws:secretsmanager/secretVersion:SecretVersion");
    expect(version.additionalSecretOutputs).toEqual(expect.arrayContaining(["secretString", "secretBinary"]));
    expect(reg("www", "aws:route53/record:Record").object).toMatchObject({ zoneId: "Z123", name: "www", type: "CNAME", ttl: 60 });
    expect((await runtime.resolveOutput(fn.arn)).value).toBe("arn:test:worker");
    expect((await runtime.resolveOutput(zone.zoneId)).value).toBe("Z123");
  });

  it("read existing resources with get", async () => {
    const monitor = await runtime.setMocks({
      newResource: (args: { type: string; name: string; id?: string; inputs: Record<string, unknown> }) => ({ id: args.id, state: { ...args.inputs, arn: `arn:read:${args.id ?? ""}` } }),
      call: () => ({}),
    }, "proj", "dev");
    const fn = aws.lambda.Function.get("shared", "shared-fn");
    const table = aws.dynamodb.Table.get("t", "orders");
    await runtime.waitForRegistrations();
    expect((await runtime.resolveOutput(fn.arn)).value).toBe("arn:read:shared-fn");
    expect((await runtime.resolveOutput(table.id)).value).toBe("orders");
    expect(monitor.registrations.filter((r) => r.type === "aws:lambda/function:Function")).toHaveLength(0);
  });
});
