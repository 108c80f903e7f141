// aws:autoscaling/group:Group — an Auto Scaling group launching from a launch template. ID = group
// name. Sizes, launch template, subnets/zones, health checks and tags update in place; the name
// replaces it. Delete scales to zero and waits for the instances to go (forceDelete skips that).
import {
  CreateAutoScalingGroupCommand, CreateOrUpdateTagsCommand, DeleteAutoScalingGroupCommand, DeleteTagsCommand, DescribeAutoScalingGroupsCommand,
  UpdateAutoScalingGroupCommand, type AutoScalingGroup, type LaunchTemplateSpecification, type Tag,
} from "@aws-sdk/client-auto-scaling";
import type { CheckFailure, PropertyValue } from "@cairn/protocol";
import { awsErrorInfo } from "../aws-errors.js";
import { unsetComputedAsOutputs } from "../unset-computed.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { sameStringSet } from "../string-sets.js";
import { bool, num, obj, objList, str, strList, type Plain } from "../values.js";

async function describe(ctx: ResourceContext, name: string): Promise<AutoScalingGroup | undefined> {
  const res = await ctx.clients.autoscaling().send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }), ctx.sendOptions);
  return res.AutoScalingGroups?.find((g) => g.AutoScalingGroupName === name);
}

function launchTemplateSpec(v: PropertyValue | undefined): LaunchTemplateSpecification | undefined {
  const lt = obj(v);
  if (lt === undefined) return undefined;
  return { LaunchTemplateId: str(lt["id"]), LaunchTemplateName: str(lt["name"]), Version: str(lt["version"]) ?? "$Default" };
}

/** Same template (by ID or name, whichever both sides have) and the same version ("$Default" when unset). */
function sameLaunchTemplate(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const x = obj(a);
  const y = obj(b);
  if (x === undefined || y === undefined) return x === y;
  const same = (k: string) => str(x[k]) === undefined || str(y[k]) === undefined || str(x[k]) === str(y[k]);
  return same("id") && same("name") && (str(x["version"]) ?? "$Default") === (str(y["version"]) ?? "$Default");
}

/** Tags as a set of {key, value, propagateAtLaunch}. */
function sameTags(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const key = (t: Plain) => JSON.stringify([str(t["key"]), str(t["value"]), bool(t["propagateAtLaunch"]) === true]);
  const x = new Set(objList(a).map(key));
  const y = new Set(objList(b).map(key));
  return x.size === y.size && [...x].every((k) => y.has(k));
}

function awsTags(name: string, v: PropertyValue | undefined): Tag[] {
  return objList(v).map((t) => ({
    ResourceId: name, ResourceType: "auto-scaling-group", Key: str(t["key"]), Value: str(t["value"]), PropagateAtLaunch: bool(t["propagateAtLaunch"]) === true,
  }));
}

async function waitInService(ctx: ResourceContext, name: string, wanted: number): Promise<void> {
  await ctx.waitFor({
    what: `Auto Scaling group ${name} to have ${wanted} instances in service`,
    done: async () => ((await describe(ctx, name))?.Instances ?? []).filter((i) => i.LifecycleState === "InService").length >= wanted,
  });
}

export const autoscalingGroup = defineResource({
  type: "aws:autoscaling/group:Group",
  inputs: {
    name: { kind: "string", forceNew: true },
    namePrefix: { kind: "string", forceNew: true },
    launchTemplate: { kind: "object", required: true, equal: sameLaunchTemplate, fields: { id: { kind: "string" }, name: { kind: "string" }, version: { kind: "string" } } },
    minSize: { kind: "number", required: true },
    maxSize: { kind: "number", required: true },
    desiredCapacity: { kind: "number", computed: true },
    vpcZoneIdentifiers: { kind: "stringList", computed: true, equal: sameStringSet },
    availabilityZones: { kind: "stringList", computed: true, equal: sameStringSet },
    healthCheckType: { kind: "string", computed: true, oneOf: ["EC2", "ELB"] },
    healthCheckGracePeriod: { kind: "number", default: 300 },
    forceDelete: { kind: "boolean", default: false },
    tags: {
      kind: "objectList", equal: sameTags,
      fields: { key: { kind: "string", required: true }, value: { kind: "string", required: true }, propagateAtLaunch: { kind: "boolean", required: true } },
    },
  },
  outputs: ["arn"],
  naming: { property: "name", prefixProperty: "namePrefix", maxLength: 255 },
  notFound: [],
  validate(inputs) {
    const failures: CheckFailure[] = [];
    const lt = obj(inputs["launchTemplate"]);
    if (lt !== undefined && (lt["id"] === undefined) === (lt["name"] === undefined)) failures.push({ property: "launchTemplate", reason: "set exactly one of id and name" });
    const min = num(inputs["minSize"]);
    const max = num(inputs["maxSize"]);
    const desired = num(inputs["desiredCapacity"]);
    if (min !== undefined && max !== undefined && min > max) failures.push({ property: "minSize", reason: `minSize ${min} is larger than maxSize ${max}` });
    if (desired !== undefined && ((min !== undefined && desired < min) || (max !== undefined && desired > max))) {
      failures.push({ property: "desiredCapacity", reason: `desiredCapacity ${desired} is outside minSize..maxSize` });
    }
    if (inputs["vpcZoneIdentifiers"] === undefined && inputs["availabilityZones"] === undefined) {
      failures.push({ property: "vpcZoneIdentifiers", reason: "set vpcZoneIdentifiers (subnet IDs) or availabilityZones" });
    }
    return failures;
  },

  async create(ctx, inputs) {
    const name = str(inputs["name"]) as string;
    const subnets = strList(inputs["vpcZoneIdentifiers"]);
    const zones = strList(inputs["availabilityZones"]);
    const tags = awsTags(name, inputs["tags"]);
    await ctx.clients.autoscaling().send(
      new CreateAutoScalingGroupCommand({
        AutoScalingGroupName: name, LaunchTemplate: launchTemplateSpec(inputs["launchTemplate"]),
        MinSize: num(inputs["minSize"]), MaxSize: num(inputs["maxSize"]), DesiredCapacity: num(inputs["desiredCapacity"]),
        ...(subnets.length > 0 ? { VPCZoneIdentifier: subnets.join(",") } : {}), ...(zones.length > 0 ? { AvailabilityZones: zones } : {}),
        HealthCheckType: str(inputs["healthCheckType"]), HealthCheckGracePeriod: num(inputs["healthCheckGracePeriod"]),
        ...(tags.length > 0 ? { Tags: tags } : {}),
      }),
      ctx.sendOptions,
    );
    ctx.created(name);
    await waitInService(ctx, name, num(inputs["desiredCapacity"]) ?? num(inputs["minSize"]) ?? 0);
    return name;
  },
  async read(ctx, { id, inputs }) {
    const g = await describe(ctx, id);
    if (g === undefined || g.Status === "Delete in progress") return undefined;
    const lt = g.LaunchTemplate ?? g.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
    const read: Plain = {
      name: g.AutoScalingGroupName ?? id,
      launchTemplate: { id: lt?.LaunchTemplateId ?? "", name: lt?.LaunchTemplateName ?? "", version: lt?.Version ?? "$Default" },
      minSize: g.MinSize ?? 0, maxSize: g.MaxSize ?? 0, desiredCapacity: g.DesiredCapacity ?? 0,
      vpcZoneIdentifiers: (g.VPCZoneIdentifier ?? "").split(",").filter((s) => s !== ""), availabilityZones: g.AvailabilityZones ?? [],
      healthCheckType: g.HealthCheckType ?? "EC2", healthCheckGracePeriod: g.HealthCheckGracePeriod ?? 0,
      forceDelete: bool(inputs?.["forceDelete"]) ?? false,
      tags: (g.Tags ?? []).map((t) => ({ key: t.Key ?? "", value: t.Value ?? "", propagateAtLaunch: t.PropagateAtLaunch === true })),
    };
    if (inputs?.["namePrefix"] !== undefined) read["namePrefix"] = inputs["namePrefix"];
    return unsetComputedAsOutputs(autoscalingGroup.inputs, { inputs: read, outputs: { arn: g.AutoScalingGroupARN ?? "" } }, inputs);
  },
  async update(ctx, { id, olds, news, changed }) {
    const as = ctx.clients.autoscaling();
    const fields = ["launchTemplate", "minSize", "maxSize", "desiredCapacity", "vpcZoneIdentifiers", "availabilityZones", "healthCheckType", "healthCheckGracePeriod"];
    if (fields.some((k) => changed.has(k))) {
      const subnets = strList(news["vpcZoneIdentifiers"]);
      const zones = strList(news["availabilityZones"]);
      await as.send(
        new UpdateAutoScalingGroupCommand({
          AutoScalingGroupName: id, LaunchTemplate: launchTemplateSpec(news["launchTemplate"]),
          MinSize: num(news["minSize"]), MaxSize: num(news["maxSize"]), DesiredCapacity: num(news["desiredCapacity"]),
          ...(changed.has("vpcZoneIdentifiers") && subnets.length > 0 ? { VPCZoneIdentifier: subnets.join(",") } : {}),
          ...(changed.has("availabilityZones") && zones.length > 0 ? { AvailabilityZones: zones } : {}),
          HealthCheckType: str(news["healthCheckType"]), HealthCheckGracePeriod: num(news["healthCheckGracePeriod"]),
        }),
        ctx.sendOptions,
      );
    }
    if (changed.has("tags")) {
      const keep = new Set(objList(news["tags"]).map((t) => str(t["key"])));
      const removed = awsTags(id, olds["tags"]).filter((t) => !keep.has(t.Key));
      if (removed.length > 0) await as.send(new DeleteTagsCommand({ Tags: removed }), ctx.sendOptions);
      const set = awsTags(id, news["tags"]);
      if (set.length > 0) await as.send(new CreateOrUpdateTagsCommand({ Tags: set }), ctx.sendOptions);
    }
  },
  async delete(ctx, { id, inputs }) {
    const as = ctx.clients.autoscaling();
    try {
      const force = bool(inputs["forceDelete"]) === true;
      if (!force) {
        await as.send(new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: id, MinSize: 0, MaxSize: 0, DesiredCapacity: 0 }), ctx.sendOptions);
        await ctx.waitFor({ what: `Auto Scaling group ${id} to drain its instances`, done: async () => ((await describe(ctx, id))?.Instances ?? []).length === 0 });
      }
      await as.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: id, ForceDelete: force }), ctx.sendOptions);
    } catch (e) {
      // Auto Scaling reports a missing group as a ValidationError "... not found".
      const info = awsErrorInfo(e);
      if (info?.code === "ValidationError" && /not found/i.test(info.message)) return;
      throw e;
    }
  },
});
