// The ECS resource classes under the SDK's mocks: type tokens, inputs sent, outputs wired from a
// cluster and a task definition into a service, and get (a read, not a registration).
import { afterEach, describe, expect, it } from "vitest";
import { runtime } from "@cairn/sdk";
import * as aws from "../index.js";

afterEach(() => runtime.clearMocks());

describe("aws.ecs resource classes", () => {
  it("register a cluster, a task definition and a service wired by their outputs", async () => {
    const monitor = await runtime.setMocks({
      newResource(args: { type: string; name: string; inputs: Record<string, unknown> }) {
        const arn = `arn:aws:ecs:us-east-1:1:${args.name}`;
        const extra = args.type === "aws:ecs/taskDefinition:TaskDefinition" ? { revision: 3, arnWithoutRevision: arn } : {};
        return { id: arn, state: { ...args.inputs, arn, tagsAll: args.inputs["tags"] ?? {}, ...extra } };
      },
      call: () => ({}),
    }, "proj", "dev");
    const cluster = new aws.ecs.Cluster("apps", { settings: [{ name: "containerInsights", value: "enabled" }] });
    const td = new aws.ecs.TaskDefinition("web", {
      family: "web", cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"],
      containerDefinitions: JSON.stringify([{ name: "web", image: "nginx", portMappings: [{ containerPort: 80 }] }]),
    });
    const svc = new aws.ecs.Service("api", {
      cluster: cluster.arn, taskDefinition: td.arn, desiredCount: 2, launchType: "FARGATE",
      networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: true }, waitForSteadyState: true, tags: { env: "dev" },
    });
    await runtime.waitForRegistrations();

    expect(monitor.registrations.map((r) => r.type).filter((t) => t.startsWith("aws:ecs")).sort()).toEqual([
      "aws:ecs/cluster:Cluster", "aws:ecs/service:Service", "aws:ecs/taskDefinition:TaskDefinition",
    ]);
    const reg = monitor.registrations.find((r) => r.name === "api")!;
    expect(reg.object).toMatchObject({ cluster: "arn:aws:ecs:us-east-1:1:apps", taskDefinition: "arn:aws:ecs:us-east-1:1:web", desiredCount: 2, waitForSteadyState: true });
    expect(reg.propertyDependencies["cluster"]).toEqual(["urn:cairn:dev::proj::aws:ecs/cluster:Cluster::apps"]);
    expect((await runtime.resolveOutput(td.revision)).value).toBe(3);
    expect((await runtime.resolveOutput(svc.tagsAll)).value).toEqual({ env: "dev" });
  });

  it("read existing ECS resources with get", async () => {
    const monitor = await runtime.setMocks({
      newResource: (args: { type: string; name: string; id?: string; inputs: Record<string, unknown> }) => ({ id: args.id, state: { ...args.inputs, arn: `arn:read:${args.id ?? ""}` } }),
      call: () => ({}),
    }, "proj", "dev");
    const svc = aws.ecs.Service.get("shared", "apps/api");
    const td = aws.ecs.TaskDefinition.get("td", "web:3");
    await runtime.waitForRegistrations();
    expect((await runtime.resolveOutput(svc.arn)).value).toBe("arn:read:apps/api");
    expect((await runtime.resolveOutput(td.id)).value).toBe("web:3");
    expect(monitor.registrations.filter((r) => r.type.startsWith("aws:ecs"))).toHaveLength(0);
  });
});
