// End to end through the real engine, host, file backend and the built provider, against moto: a
// monitoring setup (topic, queue subscription, alarm, dashboard) and a secret whose value the
// program gives as a plain string — it must never reach the state files in plaintext.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useMoto, motoWorkspace } from "./test-support/use-moto.js";
import * as aws from "./index.js";

const m = useMoto({ tempDir: "cairn-aws-secret-" });

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const PASSWORD = "plain-text-password-4242";

describe("monitoring and secrets in a deployment", () => {
  it("deploys, keeps the secret value out of state and outputs, and destroys", async () => {
    const ws = motoWorkspace({
      moto: m.moto,
      root: m.root,
      projectName: "ops",
      program: () => {
        const topic = new aws.sns.Topic("alerts");
        const queue = new aws.sqs.Queue("inbox");
        new aws.sns.TopicSubscription("inbox", { topic: topic.arn, protocol: "sqs", endpoint: queue.arn });
        const alarm = new aws.cloudwatch.MetricAlarm("cpu", {
          comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 1, metricName: "CPUUtilization", namespace: "AWS/EC2",
          period: 60, statistic: "Average", threshold: 90, alarmActions: [topic.arn],
        });
        new aws.cloudwatch.Dashboard("ops", { dashboardName: "ops", dashboardBody: { widgets: [] } });
        const secret = new aws.secretsmanager.Secret("db", { recoveryWindowInDays: 0 });
        const version = new aws.secretsmanager.SecretVersion("db", { secretId: secret.arn, secretString: PASSWORD });
        return { alarmArn: alarm.arn, password: version.secretString };
      },
    });
    const stack = await ws.createStack("dev");
    const up = await stack.up();
    expect(up.error).toBeUndefined();
    expect(up.result).toBe("succeeded");
    expect(up.counts.create).toBe(9); // the stack, the default aws provider and seven resources

    const outs = await stack.outputs();
    expect(String(outs["alarmArn"]?.value)).toMatch(/:alarm:cpu-/);
    expect(outs["password"]?.secret).toBe(true);
    const stateFiles = filesUnder(join(m.root, "state"));
    expect(stateFiles.length).toBeGreaterThan(0);
    for (const f of stateFiles) expect(readFileSync(f, "utf8"), f).not.toContain(PASSWORD);

    // Nothing drifted: every resource reads back as recorded (values AWS chose stay in the outputs).
    expect((await stack.refresh()).counts).toMatchObject({ same: 7 });
    const destroy = await stack.destroy();
    expect(destroy.result).toBe("succeeded");
  });
});
