// End to end through the real engine, host, file backend and the built provider (run
// `npx tsc -b providers/aws` first), against moto: a FARGATE service on a cluster. A second up
// changes nothing; a new image replaces the task definition (new revision, old one deregistered)
// and updates the service in place; refresh records only real drift; destroy removes everything.
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { useMoto, motoWorkspace } from "../test-support/use-moto.js";
import * as aws from "../index.js";

const m = useMoto({ tempDir: "cairn-aws-ecs-e2e-" });
const ecs = m.client(ECSClient);

describe("an ECS service in a deployment", () => {
  it("ups, rolls out a new task definition revision, refreshes drift and destroys against moto", async () => {
    let image = "nginx:1.25";
    const ws = motoWorkspace({
      moto: m.moto,
      root: m.root,
      projectName: "ecs",
      program: () => {
        const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });
        const subnet = new aws.ec2.Subnet("a", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });
        const sg = new aws.ec2.SecurityGroup("web", { vpcId: vpc.id });
        const cluster = new aws.ecs.Cluster("apps", { settings: [{ name: "containerInsights", value: "enabled" }] });
        const td = new aws.ecs.TaskDefinition("web", {
          family: "web", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"],
          containerDefinitions: JSON.stringify([{ name: "web", image, portMappings: [{ containerPort: 80 }] }]),
        });
        const svc = new aws.ecs.Service("web", {
          cluster: cluster.arn, taskDefinition: td.arn, desiredCount: 2, launchType: "FARGATE",
          networkConfiguration: { subnets: [subnet.id], securityGroups: [sg.id] },
        });
        return { cluster: cluster.name, service: svc.name, taskDefinition: td.arn };
      },
    });
    const stack = await ws.createStack("dev");
    const up = await stack.up();
    expect(up.error).toBeUndefined();
    expect(up.counts.create).toBe(8); // the stack, the default aws provider and six resources
    const outs = await stack.outputs();
    const cluster = String(outs["cluster"]?.value);
    const service = String(outs["service"]?.value);
    const first = String(outs["taskDefinition"]?.value);
    const described = async () => (await ecs().send(new DescribeServicesCommand({ cluster, services: [service] }))).services?.[0];
    expect((await described())?.taskDefinition).toBe(first);

    const again = await stack.up();
    expect(again.counts.update ?? 0).toBe(0);
    expect(again.counts.replace ?? 0).toBe(0);

    image = "nginx:1.27";
    const rollout = await stack.up();
    expect(rollout.error).toBeUndefined();
    expect(rollout.counts).toMatchObject({ replace: 1, update: 1 });
    const second = String((await stack.outputs())["taskDefinition"]?.value);
    expect(second).toMatch(/:task-definition\/web:2$/);
    expect((await described())?.taskDefinition).toBe(second);
    expect((await ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: first }))).taskDefinition?.status).toBe("INACTIVE");

    await ecs().send(new UpdateServiceCommand({ cluster, service, desiredCount: 4 }));
    const refresh = await stack.refresh();
    expect(refresh.result).toBe("succeeded");
    expect(refresh.counts).toMatchObject({ refresh: 1 });
    expect((await stack.up()).counts.update).toBe(1);
    expect((await described())?.desiredCount).toBe(2);

    const destroy = await stack.destroy();
    expect(destroy.result).toBe("succeeded");
    expect((await described())?.status).toBe("INACTIVE");
    expect((await ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: second }))).taskDefinition?.status).toBe("INACTIVE");
  });
});
