// aws:lb/targetGroup:TargetGroup — a target group for load balancer listeners. ID = its ARN.
// The health check, deregistration delay, stickiness and tags update in place; name, port, protocol, VPC and
// target type replace it. Health check fields left unset take AWS's defaults and are not drift.
import {
  CreateTargetGroupCommand, DeleteTargetGroupCommand, DescribeTargetGroupAttributesCommand, DescribeTargetGroupsCommand, ModifyTargetGroupCommand, type ProtocolEnum, type TargetGroup, type TargetTypeEnum,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { CheckFailure, PropertyValue } from "@cairn/protocol";
import { defineResource, type FieldSpec, type ResourceContext } from "../resource-definition.js";
import { bool, num, obj, str, type Plain } from "../values.js";
import { awsErrorInfo } from "../aws-errors.js";
import { sameStickiness, setTargetGroupAttributes, STICKINESS_FIELDS, stickinessOf } from "./lb-target-group-attributes.js";
import { arnSuffix, attributeMap, checkLbName, createTags, lbUserTags, numberAttribute, readLbTags, updateLbTags } from "./lb-support.js";

const NOT_FOUND = ["TargetGroupNotFound", "TargetGroupNotFoundException"];
const PROTOCOLS = ["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE"];

const HEALTH_CHECK_FIELDS: Record<string, FieldSpec> = {
  enabled: { kind: "boolean" },
  path: { kind: "string" },
  port: { kind: "string" },
  protocol: { kind: "string", oneOf: ["HTTP", "HTTPS", "TCP"] },
  interval: { kind: "number" },
  timeout: { kind: "number" },
  healthyThreshold: { kind: "number" },
  unhealthyThreshold: { kind: "number" },
  matcher: { kind: "string" },
};

/** Health checks are equal when `enabled` (default true) and every other field set on both sides match (unset ones take AWS's defaults). */
export function sameHealthCheck(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const x = obj(a);
  const y = obj(b);
  if (x === undefined || y === undefined) return x === y;
  if ((bool(x["enabled"]) ?? true) !== (bool(y["enabled"]) ?? true)) return false;
  return Object.keys(HEALTH_CHECK_FIELDS).filter((k) => k !== "enabled").every((k) => x[k] === undefined || y[k] === undefined || String(x[k]) === String(y[k]));
}

async function describe(ctx: ResourceContext, id: string): Promise<TargetGroup | undefined> {
  const byArn = id.startsWith("arn:");
  const res = await ctx.clients.elbv2().send(new DescribeTargetGroupsCommand(byArn ? { TargetGroupArns: [id] } : { Names: [id] }), ctx.sendOptions);
  return res.TargetGroups?.[0];
}

/** The health check parameters of CreateTargetGroup / ModifyTargetGroup for the fields that are set. */
function healthCheckParams(v: PropertyValue | undefined): Record<string, unknown> {
  const hc = obj(v) ?? {};
  const matcher = str(hc["matcher"]);
  return {
    HealthCheckEnabled: bool(hc["enabled"]),
    HealthCheckPath: str(hc["path"]),
    HealthCheckPort: str(hc["port"]),
    HealthCheckProtocol: str(hc["protocol"]) as ProtocolEnum | undefined,
    HealthCheckIntervalSeconds: num(hc["interval"]),
    HealthCheckTimeoutSeconds: num(hc["timeout"]),
    HealthyThresholdCount: num(hc["healthyThreshold"]),
    UnhealthyThresholdCount: num(hc["unhealthyThreshold"]),
    ...(matcher !== undefined ? { Matcher: { HttpCode: matcher } } : {}),
  };
}

function healthCheckOf(tg: TargetGroup): Plain {
  const hc: Plain = {
    enabled: tg.HealthCheckEnabled ?? true,
    port: tg.HealthCheckPort ?? "traffic-port",
    interval: tg.HealthCheckIntervalSeconds ?? 30,
    timeout: tg.HealthCheckTimeoutSeconds ?? 5,
    healthyThreshold: tg.HealthyThresholdCount ?? 5,
    unhealthyThreshold: tg.UnhealthyThresholdCount ?? 2,
  };
  if (tg.HealthCheckProtocol !== undefined) hc["protocol"] = tg.HealthCheckProtocol;
  if (tg.HealthCheckPath !== undefined) hc["path"] = tg.HealthCheckPath;
  const matcher = tg.Matcher?.HttpCode ?? tg.Matcher?.GrpcCode;
  if (matcher !== undefined) hc["matcher"] = matcher;
  return hc;
}

function validate(inputs: Plain): CheckFailure[] {
  const failures: CheckFailure[] = [];
  checkLbName(inputs, "target group", failures);
  if (str(inputs["targetType"]) === "lambda") {
    for (const k of ["port", "protocol", "vpcId"]) {
      if (inputs[k] !== undefined) failures.push({ property: k, reason: `${k} must not be set on a target group of targetType "lambda"` });
    }
  } else {
    for (const k of ["port", "protocol", "vpcId"]) {
      if (inputs[k] === undefined) failures.push({ property: k, reason: `missing ${k}: a target group of targetType ${JSON.stringify(str(inputs["targetType"]))} needs port, protocol and vpcId` });
    }
  }
  const port = num(inputs["port"]);
  if (port !== undefined && (port < 1 || port > 65535)) failures.push({ property: "port", reason: `port must be 1–65535, got ${port}` });
  const delay = num(inputs["deregistrationDelay"]);
  if (delay !== undefined && (delay < 0 || delay > 3600)) failures.push({ property: "deregistrationDelay", reason: `deregistrationDelay must be 0–3600 seconds, got ${delay}` });
  return failures;
}

export const lbTargetGroup = defineResource({
  type: "aws:lb/targetGroup:TargetGroup",
  inputs: {
    name: { kind: "string", forceNew: true },
    namePrefix: { kind: "string", forceNew: true },
    port: { kind: "number", forceNew: true },
    protocol: { kind: "string", forceNew: true, oneOf: PROTOCOLS },
    vpcId: { kind: "string", forceNew: true },
    targetType: { kind: "string", forceNew: true, default: "instance", oneOf: ["instance", "ip", "lambda", "alb"] },
    healthCheck: { kind: "object", computed: true, fields: HEALTH_CHECK_FIELDS, equal: sameHealthCheck },
    deregistrationDelay: { kind: "number", default: 300 },
    stickiness: { kind: "object", computed: true, fields: STICKINESS_FIELDS, equal: sameStickiness },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "arnSuffix", "loadBalancerArns", "tagsAll"],
  naming: { property: "name", prefixProperty: "namePrefix", maxLength: 32 },
  tags: true,
  notFound: NOT_FOUND,
  validate,

  async create(ctx, inputs) {
    const res = await ctx.clients.elbv2().send(new CreateTargetGroupCommand({
      Name: str(inputs["name"]),
      Port: num(inputs["port"]),
      Protocol: str(inputs["protocol"]) as ProtocolEnum | undefined,
      VpcId: str(inputs["vpcId"]),
      TargetType: str(inputs["targetType"]) as TargetTypeEnum,
      ...healthCheckParams(inputs["healthCheck"]),
      Tags: createTags(inputs),
    }), ctx.sendOptions);
    const arn = res.TargetGroups?.[0]?.TargetGroupArn as string;
    ctx.created(arn);
    await setTargetGroupAttributes(ctx, arn, inputs, ["deregistrationDelay", "stickiness"]);
    return arn;
  },
  async read(ctx, { id, inputs }) {
    const tg = await describe(ctx, id);
    if (tg?.TargetGroupArn === undefined) return undefined;
    const arn = tg.TargetGroupArn;
    const attrs = attributeMap((await ctx.clients.elbv2().send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: arn }), ctx.sendOptions)).Attributes);
    const all = await readLbTags(ctx, arn);
    const read: Plain = {
      name: tg.TargetGroupName ?? "",
      targetType: tg.TargetType ?? "instance",
      healthCheck: healthCheckOf(tg),
      tags: lbUserTags(ctx, all, inputs),
    };
    if (tg.Port !== undefined) read["port"] = tg.Port;
    if (tg.Protocol !== undefined) read["protocol"] = tg.Protocol;
    if (tg.VpcId !== undefined) read["vpcId"] = tg.VpcId;
    const delay = numberAttribute(attrs, "deregistration_delay.timeout_seconds") ?? num(inputs?.["deregistrationDelay"]);
    if (delay !== undefined) read["deregistrationDelay"] = delay;
    const stickiness = stickinessOf(attrs);
    if (stickiness !== undefined) read["stickiness"] = stickiness;
    if (str(inputs?.["namePrefix"]) !== undefined) read["namePrefix"] = inputs!["namePrefix"]!;
    const outputs: Plain = { arn, arnSuffix: `targetgroup/${arnSuffix(arn, ":targetgroup/")}`, loadBalancerArns: tg.LoadBalancerArns ?? [], tagsAll: all };
    return { id: arn, inputs: read, outputs };
  },
  async update(ctx, { id, olds, news, changed }) {
    if (changed.has("healthCheck") && news["healthCheck"] !== undefined) {
      await ctx.clients.elbv2().send(new ModifyTargetGroupCommand({ TargetGroupArn: id, ...healthCheckParams(news["healthCheck"]) }), ctx.sendOptions);
    }
    await setTargetGroupAttributes(ctx, id, news, ["deregistrationDelay", "stickiness"].filter((k) => changed.has(k) && news[k] !== undefined));
    if (changed.has("tagsAll")) await updateLbTags(ctx, id, olds, news);
  },
  async delete(ctx, { id }) {
    // A listener deleted a moment ago may still hold the group: retry while AWS says it is in use.
    await ctx.waitFor({
      what: `target group ${id} to be released by its listeners and deleted`,
      done: async () => {
        try {
          await ctx.clients.elbv2().send(new DeleteTargetGroupCommand({ TargetGroupArn: id }), ctx.sendOptions);
          return true;
        } catch (e) {
          if (awsErrorInfo(e)?.code.startsWith("ResourceInUse") === true) return false;
          throw e;
        }
      },
    });
  },
});
