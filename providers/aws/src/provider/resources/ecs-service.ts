// aws:ecs/service:Service — an ECS service. ID = service ARN (import also as `cluster/service`).
// Task definition, desired count, network configuration, load balancers, deployment percentages
// and the other UpdateService fields update in place; name, cluster, launch type and scheduling
// strategy replace. Delete scales to zero, deletes, and waits until the service is INACTIVE.
import {
  CreateServiceCommand, DeleteServiceCommand, DescribeServicesCommand, UpdateServiceCommand, type AssignPublicIp, type CapacityProviderStrategyItem, type DeploymentConfiguration, type LaunchType,
  type LoadBalancer, type NetworkConfiguration, type PropagateTags, type SchedulingStrategy, type Service, type UpdateServiceCommandInput,
} from "@aws-sdk/client-ecs";
import type { CheckFailure, PropertyValue } from "@cairn/protocol";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { sameStringSet } from "../string-sets.js";
import { userTags } from "../tags.js";
import { unsetComputedAsOutputs } from "../unset-computed.js";
import { bool, num, obj, objList, str, strList, strMap, type Plain } from "../values.js";
import { fromEcsTags, sameCluster, sameTaskDefinition, toEcsTags, updateEcsTags } from "./ecs-support.js";

interface ServiceRef {
  cluster: string;
  name: string;
}

/**
 * The cluster and name of a service from its ID: a long ARN (`service/<cluster>/<name>`), an
 * import ID `<cluster name or ARN>/<name>`, or a short ARN / bare name (cluster from the recorded inputs).
 */
export function serviceRef(id: string, ...recorded: (Plain | undefined)[]): ServiceRef {
  const fallback = recorded.map((r) => str(r?.["cluster"])).find((c) => c !== undefined) ?? "default";
  const at = id.startsWith("arn:") ? id.indexOf(":service/") : -1;
  if (at >= 0) {
    const parts = id.slice(at + ":service/".length).split("/");
    return parts.length >= 2 ? { cluster: parts[0]!, name: parts[1]! } : { cluster: fallback, name: parts[0]! };
  }
  const slash = id.lastIndexOf("/");
  return slash > 0 ? { cluster: id.slice(0, slash), name: id.slice(slash + 1) } : { cluster: fallback, name: id };
}

async function describe(ctx: ResourceContext, ref: ServiceRef): Promise<Service | undefined> {
  const res = await ctx.clients.ecs().send(new DescribeServicesCommand({ cluster: ref.cluster, services: [ref.name], include: ["TAGS"] }), ctx.sendOptions);
  return res.services?.find((s) => s.serviceName === ref.name);
}

function networkConfiguration(v: PropertyValue | undefined): NetworkConfiguration | undefined {
  const n = obj(v);
  if (n === undefined) return undefined;
  const groups = strList(n["securityGroups"]);
  return {
    awsvpcConfiguration: {
      subnets: strList(n["subnets"]), ...(groups.length > 0 ? { securityGroups: groups } : {}),
      assignPublicIp: (bool(n["assignPublicIp"]) === true ? "ENABLED" : "DISABLED") as AssignPublicIp,
    },
  };
}

function deploymentConfiguration(inputs: Plain): DeploymentConfiguration {
  const breaker = obj(inputs["deploymentCircuitBreaker"]);
  return {
    minimumHealthyPercent: num(inputs["deploymentMinimumHealthyPercent"]), maximumPercent: num(inputs["deploymentMaximumPercent"]),
    ...(breaker !== undefined ? { deploymentCircuitBreaker: { enable: bool(breaker["enable"]) === true, rollback: bool(breaker["rollback"]) === true } } : {}),
  };
}

/** Subnets and security groups as sets; assignPublicIp unset = false. */
function sameNetwork(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const x = obj(a);
  const y = obj(b);
  if (x === undefined || y === undefined) return x === y;
  return sameStringSet(x["subnets"], y["subnets"]) && sameStringSet(x["securityGroups"], y["securityGroups"])
    && (bool(x["assignPublicIp"]) ?? false) === (bool(y["assignPublicIp"]) ?? false);
}

function loadBalancers(v: PropertyValue | undefined): LoadBalancer[] {
  return objList(v).map((l) => ({
    targetGroupArn: str(l["targetGroupArn"]), loadBalancerName: str(l["elbName"]), containerName: str(l["containerName"]), containerPort: num(l["containerPort"]),
  }));
}

function strategies(v: PropertyValue | undefined): CapacityProviderStrategyItem[] {
  return objList(v).map((c) => ({ capacityProvider: str(c["capacityProvider"]), weight: num(c["weight"]) ?? 0, base: num(c["base"]) ?? 0 }));
}

/** Capacity provider strategies as a set; weight and base 0 when unset. */
function sameStrategies(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const key = (v: PropertyValue | undefined) => strategies(v).map((c) => `${c.capacityProvider ?? ""}:${c.weight}:${c.base}`).sort().join(",");
  return key(a) === key(b);
}

/** Load balancers compared as a set. */
function sameLoadBalancers(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const key = (v: PropertyValue | undefined) => loadBalancers(v).map((l) => JSON.stringify([l.targetGroupArn ?? "", l.loadBalancerName ?? "", l.containerName, l.containerPort])).sort().join(",");
  return key(a) === key(b);
}

/** The services-stable rule of AWS's own waiter: one deployment, and as many tasks running as desired. */
async function waitSteady(ctx: ResourceContext, ref: ServiceRef): Promise<void> {
  await ctx.waitFor({
    what: `ECS service ${ref.name} in cluster ${ref.cluster} to reach a steady state (one deployment, all desired tasks running)`,
    done: async () => {
      const s = await describe(ctx, ref);
      return s !== undefined && (s.deployments ?? []).length === 1 && s.runningCount === s.desiredCount;
    },
    intervalMs: 2000,
  });
}

/** Fields of UpdateService that changed, from the new inputs. */
function updateInput(ref: ServiceRef, news: Plain, changed: ReadonlySet<string>): UpdateServiceCommandInput | undefined {
  const u: UpdateServiceCommandInput = { cluster: ref.cluster, service: ref.name };
  const has = (k: string) => changed.has(k) && news[k] !== undefined;
  if (has("taskDefinition")) u.taskDefinition = str(news["taskDefinition"]);
  if (has("desiredCount") && str(news["schedulingStrategy"]) !== "DAEMON") u.desiredCount = num(news["desiredCount"]);
  if (changed.has("networkConfiguration")) u.networkConfiguration = networkConfiguration(news["networkConfiguration"]) ?? { awsvpcConfiguration: { subnets: [] } };
  if (changed.has("loadBalancers")) u.loadBalancers = loadBalancers(news["loadBalancers"]);
  if (["deploymentMinimumHealthyPercent", "deploymentMaximumPercent", "deploymentCircuitBreaker"].some(has)) u.deploymentConfiguration = deploymentConfiguration(news);
  if (has("healthCheckGracePeriodSeconds")) u.healthCheckGracePeriodSeconds = num(news["healthCheckGracePeriodSeconds"]);
  if (has("enableExecuteCommand")) u.enableExecuteCommand = bool(news["enableExecuteCommand"]);
  if (has("platformVersion")) u.platformVersion = str(news["platformVersion"]);
  if (has("propagateTags")) u.propagateTags = str(news["propagateTags"]) as PropagateTags;
  if (has("enableEcsManagedTags")) u.enableECSManagedTags = bool(news["enableEcsManagedTags"]);
  if (changed.has("capacityProviderStrategies")) u.capacityProviderStrategy = strategies(news["capacityProviderStrategies"]);
  const fields = Object.keys(u).length > 2;
  // AWS moves a service between launch type and capacity providers only with a new deployment.
  const redeploy = changed.has("triggers") || changed.has("capacityProviderStrategies") || (fields && bool(news["forceNewDeployment"]) === true);
  if (redeploy) u.forceNewDeployment = true;
  return fields || redeploy ? u : undefined;
}

function validate(inputs: Plain): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const min = num(inputs["deploymentMinimumHealthyPercent"]);
  const max = num(inputs["deploymentMaximumPercent"]);
  if (min !== undefined && (min < 0 || min > 100)) failures.push({ property: "deploymentMinimumHealthyPercent", reason: `deploymentMinimumHealthyPercent must be 0..100, got ${min}` });
  if (max !== undefined && max < 100) failures.push({ property: "deploymentMaximumPercent", reason: `deploymentMaximumPercent must be at least 100, got ${max}` });
  const desired = num(inputs["desiredCount"]);
  if (desired !== undefined && (desired < 0 || !Number.isInteger(desired))) failures.push({ property: "desiredCount", reason: `desiredCount must be a whole number >= 0, got ${desired}` });
  if (inputs["launchType"] !== undefined && objList(inputs["capacityProviderStrategies"]).length > 0) {
    failures.push({ property: "capacityProviderStrategies", reason: "set either launchType or capacityProviderStrategies, not both" });
  }
  if (str(inputs["launchType"]) === "FARGATE" && inputs["networkConfiguration"] === undefined) {
    failures.push({ property: "networkConfiguration", reason: "FARGATE services need networkConfiguration (subnets)" });
  }
  return failures;
}

export const ecsService = defineResource({
  type: "aws:ecs/service:Service",
  inputs: {
    name: { kind: "string", forceNew: true },
    cluster: { kind: "string", forceNew: true, computed: true, equal: sameCluster },
    taskDefinition: { kind: "string", equal: sameTaskDefinition },
    desiredCount: { kind: "number", default: 0 },
    launchType: { kind: "string", forceNew: true, computed: true, oneOf: ["EC2", "FARGATE", "EXTERNAL"] },
    platformVersion: { kind: "string", computed: true },
    schedulingStrategy: { kind: "string", forceNew: true, default: "REPLICA", oneOf: ["REPLICA", "DAEMON"] },
    networkConfiguration: {
      kind: "object", equal: sameNetwork,
      fields: { subnets: { kind: "stringList", required: true }, securityGroups: { kind: "stringList" }, assignPublicIp: { kind: "boolean" } },
    },
    loadBalancers: {
      kind: "objectList", equal: sameLoadBalancers,
      fields: { targetGroupArn: { kind: "string" }, elbName: { kind: "string" }, containerName: { kind: "string", required: true }, containerPort: { kind: "number", required: true } },
    },
    deploymentMinimumHealthyPercent: { kind: "number", computed: true },
    deploymentMaximumPercent: { kind: "number", computed: true },
    deploymentCircuitBreaker: { kind: "object", computed: true, fields: { enable: { kind: "boolean", required: true }, rollback: { kind: "boolean", required: true } } },
    healthCheckGracePeriodSeconds: { kind: "number", computed: true },
    enableExecuteCommand: { kind: "boolean", computed: true },
    propagateTags: { kind: "string", computed: true, oneOf: ["SERVICE", "TASK_DEFINITION", "NONE"] },
    enableEcsManagedTags: { kind: "boolean", computed: true },
    capacityProviderStrategies: {
      kind: "objectList", equal: sameStrategies,
      fields: { capacityProvider: { kind: "string", required: true }, weight: { kind: "number" }, base: { kind: "number" } },
    },
    iamRole: { kind: "string", forceNew: true, computed: true },
    forceNewDeployment: { kind: "boolean" },
    triggers: { kind: "stringMap" },
    waitForSteadyState: { kind: "boolean", default: false },
    forceDelete: { kind: "boolean" },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "tagsAll"],
  naming: { property: "name", maxLength: 255 },
  tags: true,
  notFound: ["ClusterNotFoundException", "ServiceNotFoundException", "ServiceNotActiveException"],
  validate,

  async create(ctx, inputs) {
    const cluster = str(inputs["cluster"]);
    const name = str(inputs["name"]) as string;
    const tags = toEcsTags(strMap(inputs["tagsAll"]));
    const lbs = loadBalancers(inputs["loadBalancers"]);
    const deployment = deploymentConfiguration(inputs);
    const daemon = str(inputs["schedulingStrategy"]) === "DAEMON";
    const res = await ctx.clients.ecs().send(new CreateServiceCommand({
      serviceName: name, cluster, taskDefinition: str(inputs["taskDefinition"]),
      ...(daemon ? {} : { desiredCount: num(inputs["desiredCount"]) ?? 0 }),
      launchType: str(inputs["launchType"]) as LaunchType | undefined, platformVersion: str(inputs["platformVersion"]),
      schedulingStrategy: str(inputs["schedulingStrategy"]) as SchedulingStrategy | undefined,
      networkConfiguration: networkConfiguration(inputs["networkConfiguration"]),
      ...(lbs.length > 0 ? { loadBalancers: lbs } : {}),
      ...(Object.values(deployment).some((v) => v !== undefined) ? { deploymentConfiguration: deployment } : {}),
      healthCheckGracePeriodSeconds: num(inputs["healthCheckGracePeriodSeconds"]), enableExecuteCommand: bool(inputs["enableExecuteCommand"]),
      propagateTags: str(inputs["propagateTags"]) as PropagateTags | undefined,
      enableECSManagedTags: bool(inputs["enableEcsManagedTags"]), role: str(inputs["iamRole"]),
      ...(strategies(inputs["capacityProviderStrategies"]).length > 0 ? { capacityProviderStrategy: strategies(inputs["capacityProviderStrategies"]) } : {}),
      ...(tags.length > 0 ? { tags } : {}),
    }), ctx.sendOptions);
    const arn = res.service?.serviceArn ?? "";
    ctx.created(arn);
    const ref = { cluster: res.service?.clusterArn ?? cluster ?? "default", name };
    await ctx.waitFor({ what: `ECS service ${name} to become ACTIVE`, done: async () => (await describe(ctx, ref))?.status === "ACTIVE" });
    if (bool(inputs["waitForSteadyState"]) === true) await waitSteady(ctx, ref);
    return arn;
  },
  async read(ctx, { id, inputs, outputs }) {
    const s = await describe(ctx, serviceRef(id, inputs, outputs));
    if (s === undefined || s.status === "INACTIVE") return undefined;
    return unsetComputedAsOutputs(ecsService.inputs, readService(ctx, s, inputs), inputs);
  },
  async update(ctx, { id, olds, news, changed }) {
    const ref = serviceRef(id, news, olds);
    const input = updateInput(ref, news, changed);
    if (input !== undefined) await ctx.clients.ecs().send(new UpdateServiceCommand(input), ctx.sendOptions);
    if (changed.has("tagsAll")) await updateEcsTags(ctx, (await describe(ctx, ref))?.serviceArn ?? id, olds, news);
    if (input !== undefined && bool(news["waitForSteadyState"]) === true) await waitSteady(ctx, ref);
  },
  async delete(ctx, { id, inputs, outputs }) {
    const ref = serviceRef(id, inputs, outputs);
    const ecs = ctx.clients.ecs();
    const s = await describe(ctx, ref);
    if (s === undefined || s.status !== "ACTIVE") return; // INACTIVE, or DRAINING: already being deleted
    const force = bool(inputs["forceDelete"]) === true;
    if (!force && s.schedulingStrategy !== "DAEMON" && (s.desiredCount ?? 0) > 0) {
      await ecs.send(new UpdateServiceCommand({ cluster: ref.cluster, service: ref.name, desiredCount: 0 }), ctx.sendOptions);
    }
    await ecs.send(new DeleteServiceCommand({ cluster: ref.cluster, service: ref.name, force: force || s.schedulingStrategy === "DAEMON" }), ctx.sendOptions);
  },
});

/** Inputs and outputs as AWS reports them; fields AWS leaves out keep their recorded value. */
function readService(ctx: ResourceContext, s: Service, recorded: Plain | undefined): { id: string; inputs: Plain; outputs: Plain } {
  const tags = fromEcsTags(s.tags);
  const vpc = s.networkConfiguration?.awsvpcConfiguration;
  const breaker = s.deploymentConfiguration?.deploymentCircuitBreaker;
  const read: Plain = {
    name: s.serviceName ?? "",
    cluster: s.clusterArn ?? "",
    desiredCount: s.schedulingStrategy === "DAEMON" ? (num(recorded?.["desiredCount"]) ?? 0) : (s.desiredCount ?? 0),
    schedulingStrategy: s.schedulingStrategy ?? "REPLICA",
    loadBalancers: (s.loadBalancers ?? []).map((l) => {
      const lb: Plain = { containerName: l.containerName ?? "", containerPort: l.containerPort ?? 0 };
      if (l.targetGroupArn !== undefined) lb["targetGroupArn"] = l.targetGroupArn;
      if (l.loadBalancerName !== undefined) lb["elbName"] = l.loadBalancerName;
      return lb;
    }),
    tags: userTags(tags, ctx.clients.config.defaultTags, recorded?.["tags"]),
  };
  if (vpc !== undefined && (vpc.subnets ?? []).length > 0) {
    read["networkConfiguration"] = { subnets: vpc.subnets ?? [], securityGroups: vpc.securityGroups ?? [], assignPublicIp: vpc.assignPublicIp === "ENABLED" };
  }
  const reported: Record<string, PropertyValue | undefined> = {
    taskDefinition: s.taskDefinition, launchType: s.launchType, platformVersion: s.platformVersion,
    deploymentMinimumHealthyPercent: s.deploymentConfiguration?.minimumHealthyPercent, deploymentMaximumPercent: s.deploymentConfiguration?.maximumPercent,
    deploymentCircuitBreaker: breaker === undefined ? undefined : { enable: breaker.enable ?? false, rollback: breaker.rollback ?? false },
    healthCheckGracePeriodSeconds: s.healthCheckGracePeriodSeconds, enableExecuteCommand: s.enableExecuteCommand, propagateTags: s.propagateTags,
    enableEcsManagedTags: s.enableECSManagedTags, iamRole: s.roleArn,
    capacityProviderStrategies: s.capacityProviderStrategy?.map((c) => ({ capacityProvider: c.capacityProvider ?? "", weight: c.weight ?? 0, base: c.base ?? 0 })),
  };
  for (const [k, v] of Object.entries(reported)) {
    const value = v ?? recorded?.[k];
    if (value !== undefined) read[k] = value;
  }
  for (const k of ["forceNewDeployment", "triggers", "forceDelete"]) {
    const v = recorded?.[k];
    if (v !== undefined) read[k] = v;
  }
  read["waitForSteadyState"] = bool(recorded?.["waitForSteadyState"]) ?? false;
  return { id: s.serviceArn ?? "", inputs: read, outputs: { arn: s.serviceArn ?? "", tagsAll: tags } };
}
