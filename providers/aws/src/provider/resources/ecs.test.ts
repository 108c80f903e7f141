// ECS Cluster, TaskDefinition and Service against moto.
import { CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient, TagResourceCommand, UpdateClusterCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { CreateTargetGroupCommand, ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { ResourceInitError, type PropertyMap } from "@cairn/protocol";
import { describe, expect, it } from "vitest";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource, urnOf } from "../../test-support/provider-harness.js";
import { containerDefinitionsEqual } from "./ecs-container-definitions.js";
import { serviceRef } from "./ecs-service.js";

const CLUSTER = "aws:ecs/cluster:Cluster";
const TASKDEF = "aws:ecs/taskDefinition:TaskDefinition";
const SERVICE = "aws:ecs/service:Service";
const m = useMoto({ provider: { defaultTags: { tags: { team: "ops" } } } });
const ecs = m.client(ECSClient);
const ec2 = m.client(EC2Client);
const elb = m.client(ElasticLoadBalancingV2Client);

const web = (image: string) => JSON.stringify([{ name: "web", image, essential: true, portMappings: [{ containerPort: 80 }], environment: [{ name: "B", value: "2" }, { name: "A", value: "1" }] }]);
const fargate = (image: string) => ({ family: "web", containerDefinitions: web(image), cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"] });

describe("aws:ecs/cluster:Cluster", () => {
  it("creates, updates settings and tags in place, drifts, imports by name, replaces and deletes", async () => {
    const c = await createResource(m.provider, CLUSTER, "apps", { settings: [{ name: "containerInsights", value: "enabled" }], tags: { env: "dev" } });
    expect(c.id).toMatch(/^arn:aws:ecs:us-east-1:\d+:cluster\/apps-[0-9a-f]{7}$/);
    expect(c.outputs).toMatchObject({ arn: c.id, settings: [{ name: "containerInsights", value: "enabled" }], tagsAll: { env: "dev", team: "ops" } });
    expect((await planChange(m.provider, c, { settings: [{ name: "containerInsights", value: "enabled" }], tags: { env: "dev" } })).diff.changes).toBe("none");

    const u = await updateResource(m.provider, c, { settings: [{ name: "containerInsights", value: "disabled" }], tags: { env: "prod" } });
    expect(u.diff.replaces ?? []).toEqual([]);
    expect(u.outputs).toMatchObject({ settings: [{ name: "containerInsights", value: "disabled" }], tagsAll: { env: "prod", team: "ops" } });

    await ecs().send(new UpdateClusterCommand({ cluster: c.id, settings: [{ name: "containerInsights", value: "enabled" }] }));
    expect((await readResource(m.provider, u)).inputs?.["settings"]).toEqual([{ name: "containerInsights", value: "enabled" }]);
    const name = String(c.outputs["name"]);
    const imported = await importResource(m.provider, CLUSTER, "imp", name);
    expect(imported.id).toBe(c.id);
    expect(imported.inputs).toMatchObject({ name, tags: { env: "prod" } });

    const r = await replaceResource(m.provider, u, { name: "apps-two" });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(r.id).toMatch(/cluster\/apps-two$/);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });
});

describe("aws:ecs/taskDefinition:TaskDefinition", () => {
  it("registers, compares container definitions semantically, tags in place, drifts, imports, replaces with a new revision and deregisters", async () => {
    const t = await createResource(m.provider, TASKDEF, "web", { ...fargate("nginx:1.25"), tags: { env: "dev" } });
    expect(t.id).toMatch(/:task-definition\/web:1$/);
    const efs = { fileSystemId: "fs-123", transitEncryption: "ENABLED", authorizationConfig: { accessPointId: "fsap-1", iam: "ENABLED" } };
    const arm = {
      ...fargate("nginx:1.25"), family: "arm", runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" }, ephemeralStorage: { sizeInGib: 30 },
      volumes: [{ name: "data", efsVolumeConfiguration: efs }, { name: "scratch" }] as PropertyMap[],
    };
    const a = await createResource(m.provider, TASKDEF, "arm", arm);
    const armRead = await importResource(m.provider, TASKDEF, "arm", a.id);
    expect(armRead.inputs).toMatchObject({ runtimePlatform: arm.runtimePlatform, ephemeralStorage: { sizeInGib: 30 } });
    // ECS fills in the root directory; the volumes still compare equal, in any order.
    expect(armRead.inputs?.["volumes"]).toEqual([{ name: "data", efsVolumeConfiguration: { ...efs, rootDirectory: "/" } }, { name: "scratch" }]);
    expect((await planChange(m.provider, a, { ...arm, volumes: [...arm.volumes].reverse() })).diff.changes).toBe("none");
    expect((await planChange(m.provider, a, { ...arm, volumes: [{ name: "scratch" }] })).diff.replaces).toEqual(["volumes"]);
    expect(t.outputs).toMatchObject({ arn: t.id, revision: 1, networkMode: "awsvpc", tagsAll: { env: "dev", team: "ops" } });
    expect(t.outputs["arnWithoutRevision"]).toBe(t.id.replace(/:1$/, ""));

    // ECS's own form of the same containers (defaults filled in, keys and variables reordered) is no change.
    const stored = (await ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: t.id }))).taskDefinition?.containerDefinitions;
    expect(stored?.[0]).toMatchObject({ cpu: 0, mountPoints: [] });
    expect((await planChange(m.provider, t, { ...fargate("nginx:1.25"), containerDefinitions: JSON.stringify(stored), tags: { env: "dev" } })).diff.changes).toBe("none");
    expect((await planChange(m.provider, t, { ...fargate("nginx:1.25"), cpu: "0.25 vCPU", memory: "0.5 GB", tags: { env: "dev" } })).diff.changes).toBe("none");
    const refreshed = await readResource(m.provider, t);
    expect(refreshed.inputs?.["containerDefinitions"]).toBe(t.inputs["containerDefinitions"]);

    const u = await updateResource(m.provider, t, { ...fargate("nginx:1.25"), tags: { env: "prod" } });
    expect(u.outputs["tagsAll"]).toEqual({ env: "prod", team: "ops" });
    await ecs().send(new TagResourceCommand({ resourceArn: t.id, tags: [{ key: "owner", value: "someone" }] }));
    expect((await readResource(m.provider, u)).inputs?.["tags"]).toEqual({ env: "prod", owner: "someone" });
    expect((await importResource(m.provider, TASKDEF, "imp", "web:1")).inputs).toMatchObject({ family: "web", cpu: "256", memory: "512", requiresCompatibilities: ["FARGATE"] });

    const r = await replaceResource(m.provider, u, { ...fargate("nginx:1.27"), tags: { env: "prod" } });
    expect(r.diff.replaces).toEqual(["containerDefinitions"]);
    expect(r.outputs).toMatchObject({ revision: 2 });
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });

  it("reports every problem with the definition at once", async () => {
    const news = { family: "bad", containerDefinitions: JSON.stringify([{ name: "a" }, { image: "x" }]), requiresCompatibilities: ["FARGATE"], networkMode: "bridge" };
    const res = await m.provider.check({ urn: urnOf(TASKDEF, "bad"), type: TASKDEF, olds: {}, news, randomSeed: "s" });
    expect(res.failures?.map((f) => f.reason).sort()).toEqual([
      'FARGATE tasks need networkMode "awsvpc", got "bridge"', 'containerDefinitions[0] needs a "image" string', 'containerDefinitions[1] needs a "name" string',
      "cpu is required when requiresCompatibilities includes FARGATE", "memory is required when requiresCompatibilities includes FARGATE",
    ]);
  });

  it("treats ECS defaults and ordering as equal but a real change as different", () => {
    const mine = JSON.stringify([{ name: "b", image: "x" }, { name: "a", image: "y", portMappings: [{ containerPort: 8080 }] }]);
    const theirs = JSON.stringify([
      { name: "a", image: "y", cpu: 0, essential: true, environment: [], portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: "tcp" }] },
      { image: "x", name: "b", mountPoints: [], volumesFrom: [] },
    ]);
    expect(containerDefinitionsEqual(mine, theirs)).toBe(true);
    expect(containerDefinitionsEqual(mine, theirs.replace('"y"', '"z"'))).toBe(false);
    expect(containerDefinitionsEqual(mine, theirs.replace('"essential":true', '"essential":false'))).toBe(false);
  });
});

describe("aws:ecs/service:Service", () => {
  async function network(): Promise<{ subnets: string[]; groups: string[]; targetGroupArn: string }> {
    const vpc = (await ec2().send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc?.VpcId;
    const subnets = await Promise.all(["10.0.1.0/24", "10.0.2.0/24"].map(async (CidrBlock) => (await ec2().send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock }))).Subnet?.SubnetId ?? ""));
    const groups = await Promise.all(["a", "b"].map(async (n) => (await ec2().send(new CreateSecurityGroupCommand({ GroupName: n, Description: n, VpcId: vpc }))).GroupId ?? ""));
    const tg = await elb().send(new CreateTargetGroupCommand({ Name: "web", Protocol: "HTTP", Port: 80, VpcId: vpc, TargetType: "ip" }));
    return { subnets, groups, targetGroupArn: tg.TargetGroups?.[0]?.TargetGroupArn ?? "" };
  }

  it("creates, updates in place, drifts, imports as cluster/name, replaces and deletes (scaling to zero)", async () => {
    const net = await network();
    const cluster = await createResource(m.provider, CLUSTER, "apps", {});
    const clusterName = String(cluster.outputs["name"]);
    const td1 = await createResource(m.provider, TASKDEF, "web", fargate("nginx:1.25"));
    const td2 = await createResource(m.provider, TASKDEF, "web2", fargate("nginx:1.27"));
    const args = {
      cluster: clusterName, taskDefinition: td1.id, desiredCount: 1, launchType: "FARGATE",
      networkConfiguration: { subnets: net.subnets, securityGroups: [net.groups[0]!], assignPublicIp: true },
      loadBalancers: [{ targetGroupArn: net.targetGroupArn, containerName: "web", containerPort: 80 }], tags: { env: "dev" },
    };
    const s = await createResource(m.provider, SERVICE, "api", args);
    expect(s.id).toMatch(/:service\/(.+\/)?api-[0-9a-f]{7}$/);
    expect(s.outputs).toMatchObject({ arn: s.id, cluster: clusterName, desiredCount: 1, launchType: "FARGATE", schedulingStrategy: "REPLICA", tagsAll: { env: "dev", team: "ops" } });
    expect(s.outputs["loadBalancers"]).toEqual(args.loadBalancers);
    // The cluster by ARN instead of name, subnets in another order and the task definition as family:revision are no change.
    const same = { ...args, cluster: cluster.id, taskDefinition: "web:1", networkConfiguration: { ...args.networkConfiguration, subnets: [...net.subnets].reverse() } };
    expect((await planChange(m.provider, s, same)).diff.changes).toBe("none");
    expect((await readResource(m.provider, s)).inputs).toMatchObject({ cluster: clusterName, taskDefinition: td1.id });

    const changed = {
      ...args, taskDefinition: td2.id, desiredCount: 3, networkConfiguration: { subnets: [net.subnets[0]!], securityGroups: net.groups, assignPublicIp: false },
      deploymentMinimumHealthyPercent: 50, deploymentMaximumPercent: 150, deploymentCircuitBreaker: { enable: true, rollback: true }, forceNewDeployment: true, tags: { env: "prod" },
    };
    const u = await updateResource(m.provider, s, changed);
    expect(u.diff.diffs?.sort()).toEqual(["deploymentCircuitBreaker", "deploymentMaximumPercent", "deploymentMinimumHealthyPercent", "desiredCount", "forceNewDeployment", "networkConfiguration", "tags", "tagsAll", "taskDefinition"]);
    expect(u.outputs).toMatchObject({ taskDefinition: td2.id, desiredCount: 3, deploymentMinimumHealthyPercent: 50, deploymentMaximumPercent: 150, deploymentCircuitBreaker: { enable: true, rollback: true }, tagsAll: { env: "prod", team: "ops" } });
    expect(u.outputs["networkConfiguration"]).toMatchObject({ subnets: [net.subnets[0]], assignPublicIp: false });
    expect((await planChange(m.provider, u, changed)).diff.changes).toBe("none");
    // A changed trigger alone starts a new deployment.
    const deployment = async () => (await ecs().send(new DescribeServicesCommand({ cluster: clusterName, services: [String(s.outputs["name"])] }))).services?.[0]?.deployments?.[0]?.id;
    const before = await deployment();
    const redeployed = await updateResource(m.provider, u, { ...changed, triggers: { release: "2" } });
    expect(redeployed.diff.diffs).toEqual(["triggers"]);
    expect(await deployment()).not.toBe(before);

    await ecs().send(new UpdateServiceCommand({ cluster: clusterName, service: String(s.outputs["name"]), desiredCount: 5 }));
    expect((await readResource(m.provider, redeployed)).inputs?.["desiredCount"]).toBe(5);
    const imported = await importResource(m.provider, SERVICE, "imp", `${clusterName}/${String(s.outputs["name"])}`);
    expect(imported.id).toBe(s.id);
    expect(imported.inputs).toMatchObject({ name: s.outputs["name"], cluster: cluster.id, taskDefinition: td2.id, desiredCount: 5, tags: { env: "prod" } });

    const r = await replaceResource(m.provider, redeployed, { ...changed, name: "api-two" });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(m.provider, redeployed)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });

  it("waits for a steady state when asked, and reports a service that never gets there", async () => {
    const cluster = await createResource(m.provider, CLUSTER, "apps", {});
    const td = await createResource(m.provider, TASKDEF, "web", { family: "web", containerDefinitions: web("nginx"), memory: "512" });
    const base = { cluster: cluster.id, taskDefinition: td.id, launchType: "EC2", waitForSteadyState: true };
    const s = await createResource(m.provider, SERVICE, "worker", { ...base, desiredCount: 0 });
    // moto starts the tasks of an updated desired count at once, so the service is steady again.
    const u = await updateResource(m.provider, s, { ...base, desiredCount: 2 });
    expect(u.outputs["desiredCount"]).toBe(2);

    // A new service's tasks stay pending in moto: the steady-state wait runs into the custom timeout.
    const urn = urnOf(SERVICE, "stuck");
    const checked = await m.provider.check({ urn, type: SERVICE, olds: {}, news: { ...base, desiredCount: 2 }, randomSeed: "x" });
    const err = await m.provider.create({ urn, type: SERVICE, inputs: checked.inputs, preview: false, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceInitError);
    expect((err as ResourceInitError).id).toMatch(/:service\/(.+\/)?stuck-[0-9a-f]{7}$/);
    expect((err as Error).message).toMatch(/steady state/);
  });

  it("switches to capacity provider strategies and managed tags in place", async () => {
    const cluster = await createResource(m.provider, CLUSTER, "apps", {});
    const td = await createResource(m.provider, TASKDEF, "web", { family: "web", containerDefinitions: web("nginx"), memory: "512" });
    const s = await createResource(m.provider, SERVICE, "worker", { cluster: cluster.id, taskDefinition: td.id, desiredCount: 1 });
    expect(s.outputs).toMatchObject({ launchType: "EC2" });
    const strategies = [{ capacityProvider: "FARGATE_SPOT", weight: 3, base: 0 }, { capacityProvider: "FARGATE", weight: 1, base: 1 }];
    const u = await updateResource(m.provider, s, { cluster: cluster.id, taskDefinition: td.id, desiredCount: 1, capacityProviderStrategies: strategies, enableEcsManagedTags: true });
    expect(u.diff.diffs?.sort()).toEqual(["capacityProviderStrategies", "enableEcsManagedTags"]);
    const read = await readResource(m.provider, u);
    expect(read.inputs).toMatchObject({ enableEcsManagedTags: true });
    expect(read.inputs?.["capacityProviderStrategies"]).toEqual(strategies);
  });

  it("finds the cluster and name in every form of service ID", () => {
    const arn = "arn:aws:ecs:us-east-1:1:service";
    expect(serviceRef(`${arn}/apps/api`, undefined)).toEqual({ cluster: "apps", name: "api" });
    expect(serviceRef(`${arn}/api`, undefined, { cluster: "web" })).toEqual({ cluster: "web", name: "api" });
    expect(serviceRef("apps/api", undefined)).toEqual({ cluster: "apps", name: "api" });
    expect(serviceRef("arn:aws:ecs:us-east-1:1:cluster/apps/api", undefined)).toEqual({ cluster: "arn:aws:ecs:us-east-1:1:cluster/apps", name: "api" });
    expect(serviceRef("api", {})).toEqual({ cluster: "default", name: "api" });
  });

  it("reports invalid settings at once", async () => {
    const news = { deploymentMinimumHealthyPercent: 150, deploymentMaximumPercent: 50, desiredCount: -1, launchType: "FARGATE", capacityProviderStrategies: [{ capacityProvider: "FARGATE" }] };
    const res = await m.provider.check({ urn: urnOf(SERVICE, "bad"), type: SERVICE, olds: {}, news, randomSeed: "s" });
    expect(res.failures?.map((f) => f.property).sort()).toEqual(["capacityProviderStrategies", "deploymentMaximumPercent", "deploymentMinimumHealthyPercent", "desiredCount", "networkConfiguration"]);
  });
});
