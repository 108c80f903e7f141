// aws:ecs/taskDefinition:TaskDefinition — one revision of an ECS task definition. ID = the
// revision's ARN (import also by `family:revision` or `family` for the latest ACTIVE one). A
// revision is immutable: every change but tags replaces it (register the new revision, then
// deregister the old). Deregistered (INACTIVE) revisions read as gone.
import {
  DeregisterTaskDefinitionCommand, DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand, type Compatibility, type CPUArchitecture, type NetworkMode, type OSFamily,
  type TaskDefinition,
} from "@aws-sdk/client-ecs";
import type { CheckFailure, PropertyValue } from "@cairn/protocol";
import { awsErrorInfo } from "../aws-errors.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { sameStringSet } from "../string-sets.js";
import { userTags } from "../tags.js";
import { unsetComputedAsOutputs } from "../unset-computed.js";
import { num, obj, objList, str, strList, strMap, type Plain } from "../values.js";
import { checkContainerDefinitions, containerDefinitions, containerDefinitionsEqual } from "./ecs-container-definitions.js";
import { fromEcsTags, toEcsTags, updateEcsTags } from "./ecs-support.js";
import { fromVolumes, sameVolumes, toVolumes, VOLUME_FIELDS } from "./ecs-task-volumes.js";

/** ECS answers a missing revision with a ClientException rather than a dedicated code. */
function isMissing(e: unknown): boolean {
  const info = awsErrorInfo(e);
  return info?.code === "ClientException" && /unable to describe|does not exist|not found|revision is missing/i.test(info.message);
}

async function describe(ctx: ResourceContext, id: string): Promise<{ td: TaskDefinition; tags: Record<string, string> } | undefined> {
  try {
    const res = await ctx.clients.ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: id, include: ["TAGS"] }), ctx.sendOptions);
    return res.taskDefinition === undefined ? undefined : { td: res.taskDefinition, tags: fromEcsTags(res.tags) };
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
}

/** "1 vCPU" = "1024" CPU units, "2 GB" = "2048" MiB: ECS stores the numeric form. */
function sameUnits(unit: RegExp): (a: PropertyValue | undefined, b: PropertyValue | undefined) => boolean {
  const value = (v: PropertyValue | undefined): string | undefined => {
    const text = str(v)?.trim();
    const m = text === undefined ? null : unit.exec(text);
    return m === null ? text : String(Math.round(Number(m[1]) * 1024));
  };
  return (a, b) => value(a) === value(b);
}

function validate(inputs: Plain): CheckFailure[] {
  const failures = checkContainerDefinitions(inputs["containerDefinitions"]);
  if (strList(inputs["requiresCompatibilities"]).includes("FARGATE")) {
    for (const k of ["cpu", "memory"]) if (inputs[k] === undefined) failures.push({ property: k, reason: `${k} is required when requiresCompatibilities includes FARGATE` });
    const mode = str(inputs["networkMode"]);
    if (mode !== undefined && mode !== "awsvpc") failures.push({ property: "networkMode", reason: `FARGATE tasks need networkMode "awsvpc", got ${JSON.stringify(mode)}` });
  }
  const names = objList(inputs["volumes"]).map((v) => str(v["name"]));
  if (new Set(names).size !== names.length) failures.push({ property: "volumes", reason: "volumes must not name a volume twice" });
  return failures;
}

export const ecsTaskDefinition = defineResource({
  type: "aws:ecs/taskDefinition:TaskDefinition",
  inputs: {
    family: { kind: "string", required: true, forceNew: true },
    containerDefinitions: { kind: "json", required: true, forceNew: true, equal: containerDefinitionsEqual },
    cpu: { kind: "string", forceNew: true, equal: sameUnits(/^(\d+(?:\.\d+)?)\s*vcpu$/i) },
    memory: { kind: "string", forceNew: true, equal: sameUnits(/^(\d+(?:\.\d+)?)\s*gb$/i) },
    networkMode: { kind: "string", forceNew: true, computed: true, oneOf: ["bridge", "host", "awsvpc", "none"] },
    requiresCompatibilities: { kind: "stringList", forceNew: true, equal: sameStringSet },
    executionRoleArn: { kind: "string", forceNew: true },
    taskRoleArn: { kind: "string", forceNew: true },
    volumes: { kind: "objectList", forceNew: true, equal: sameVolumes, fields: VOLUME_FIELDS },
    runtimePlatform: {
      kind: "object", forceNew: true,
      fields: { operatingSystemFamily: { kind: "string" }, cpuArchitecture: { kind: "string", oneOf: ["X86_64", "ARM64"] } },
    },
    ephemeralStorage: { kind: "object", forceNew: true, fields: { sizeInGib: { kind: "number", required: true } } },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "arnWithoutRevision", "revision", "tagsAll"],
  tags: true,
  notFound: [],
  validate,

  async create(ctx, inputs) {
    const tags = toEcsTags(strMap(inputs["tagsAll"]));
    const compat = strList(inputs["requiresCompatibilities"]) as Compatibility[];
    const vols = toVolumes(inputs["volumes"]);
    const platform = obj(inputs["runtimePlatform"]);
    const storage = num(obj(inputs["ephemeralStorage"])?.["sizeInGib"]);
    const res = await ctx.clients.ecs().send(new RegisterTaskDefinitionCommand({
      family: str(inputs["family"]), containerDefinitions: containerDefinitions(inputs["containerDefinitions"]),
      cpu: str(inputs["cpu"]), memory: str(inputs["memory"]), networkMode: str(inputs["networkMode"]) as NetworkMode | undefined,
      executionRoleArn: str(inputs["executionRoleArn"]), taskRoleArn: str(inputs["taskRoleArn"]),
      ...(compat.length > 0 ? { requiresCompatibilities: compat } : {}), ...(vols.length > 0 ? { volumes: vols } : {}), ...(tags.length > 0 ? { tags } : {}),
      ...(platform !== undefined ? { runtimePlatform: {
        operatingSystemFamily: str(platform["operatingSystemFamily"]) as OSFamily | undefined, cpuArchitecture: str(platform["cpuArchitecture"]) as CPUArchitecture | undefined,
      } } : {}),
      ...(storage !== undefined ? { ephemeralStorage: { sizeInGiB: storage } } : {}),
    }), ctx.sendOptions);
    const arn = res.taskDefinition?.taskDefinitionArn ?? "";
    ctx.created(arn);
    return arn;
  },
  async read(ctx, { id, inputs }) {
    const found = await describe(ctx, id);
    if (found === undefined || found.td.status !== "ACTIVE") return undefined;
    const { td, tags } = found;
    const read: Plain = {
      family: td.family ?? "",
      containerDefinitions: JSON.stringify(td.containerDefinitions ?? []),
      networkMode: td.networkMode ?? "bridge",
      volumes: fromVolumes(td.volumes),
      tags: userTags(tags, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    const optional: Record<string, string | undefined> = { cpu: td.cpu, memory: td.memory, executionRoleArn: td.executionRoleArn, taskRoleArn: td.taskRoleArn };
    for (const [k, v] of Object.entries(optional)) if (v !== undefined) read[k] = v;
    const platform = td.runtimePlatform;
    if (platform !== undefined && (platform.operatingSystemFamily !== undefined || platform.cpuArchitecture !== undefined)) {
      const rp: Plain = {};
      if (platform.operatingSystemFamily !== undefined) rp["operatingSystemFamily"] = platform.operatingSystemFamily;
      if (platform.cpuArchitecture !== undefined) rp["cpuArchitecture"] = platform.cpuArchitecture;
      read["runtimePlatform"] = rp;
    }
    if (td.ephemeralStorage?.sizeInGiB !== undefined) read["ephemeralStorage"] = { sizeInGib: td.ephemeralStorage.sizeInGiB };
    if ((td.requiresCompatibilities ?? []).length > 0) read["requiresCompatibilities"] = td.requiresCompatibilities ?? [];
    const arn = td.taskDefinitionArn ?? "";
    const outputs: Plain = { arn, arnWithoutRevision: arn.replace(/:\d+$/, ""), revision: td.revision ?? 0, tagsAll: tags };
    return unsetComputedAsOutputs(ecsTaskDefinition.inputs, { id: arn, inputs: read, outputs }, inputs);
  },
  async update(ctx, { id, olds, news, changed }) {
    if (changed.has("tagsAll")) await updateEcsTags(ctx, id, olds, news);
  },
  async delete(ctx, { id }) {
    try {
      await ctx.clients.ecs().send(new DeregisterTaskDefinitionCommand({ taskDefinition: id }), ctx.sendOptions);
    } catch (e) {
      if (!isMissing(e)) throw e;
    }
  },
});
