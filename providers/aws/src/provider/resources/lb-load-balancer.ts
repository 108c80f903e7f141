// aws:lb/loadBalancer:LoadBalancer — an application or network load balancer. ID = its ARN.
// Subnets, security groups, IP address type, the attributes (idle timeout, deletion protection,
// HTTP/2, cross-zone) and tags update in place; name, scheme (internal) and type replace it.
// Create and updates wait for state "active".
import {
  CreateLoadBalancerCommand, DeleteLoadBalancerCommand, DescribeLoadBalancerAttributesCommand, DescribeLoadBalancersCommand,
  ModifyLoadBalancerAttributesCommand, SetIpAddressTypeCommand, SetSecurityGroupsCommand, SetSubnetsCommand,
  type IpAddressType, type LoadBalancer, type LoadBalancerAttribute, type LoadBalancerTypeEnum,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { CheckFailure } from "@cairn/protocol";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { sameStringSet } from "../string-sets.js";
import { unsetComputedAsOutputs } from "../unset-computed.js";
import { bool, num, str, strList, type Plain } from "../values.js";
import { arnSuffix, attributeMap, checkLbName, createTags, lbUserTags, numberAttribute, readLbTags, updateLbTags } from "./lb-support.js";

const NOT_FOUND = ["LoadBalancerNotFound", "LoadBalancerNotFoundException"];

async function describe(ctx: ResourceContext, id: string): Promise<LoadBalancer | undefined> {
  const byArn = id.startsWith("arn:");
  const res = await ctx.clients.elbv2().send(
    new DescribeLoadBalancersCommand(byArn ? { LoadBalancerArns: [id] } : { Names: [id] }), ctx.sendOptions,
  );
  return res.LoadBalancers?.[0];
}

async function waitActive(ctx: ResourceContext, arn: string): Promise<void> {
  await ctx.waitFor({ what: `load balancer ${arn} to be active`, done: async () => (await describe(ctx, arn))?.State?.Code === "active" });
}

/** The attributes Cairn manages, from the inputs that are set (idle timeout on application load balancers only). */
function attributes(inputs: Plain, changed?: ReadonlySet<string>): LoadBalancerAttribute[] {
  const out: LoadBalancerAttribute[] = [];
  const wants = (k: string) => inputs[k] !== undefined && (changed === undefined || changed.has(k));
  if (wants("enableDeletionProtection")) out.push({ Key: "deletion_protection.enabled", Value: String(bool(inputs["enableDeletionProtection"])) });
  const application = str(inputs["loadBalancerType"]) === "application";
  if (wants("idleTimeout") && application) out.push({ Key: "idle_timeout.timeout_seconds", Value: String(num(inputs["idleTimeout"])) });
  if (wants("enableHttp2") && application) out.push({ Key: "routing.http2.enabled", Value: String(bool(inputs["enableHttp2"])) });
  if (wants("enableCrossZoneLoadBalancing") && !application) {
    out.push({ Key: "load_balancing.cross_zone.enabled", Value: String(bool(inputs["enableCrossZoneLoadBalancing"])) });
  }
  return out;
}

async function modifyAttributes(ctx: ResourceContext, arn: string, attrs: LoadBalancerAttribute[]): Promise<void> {
  if (attrs.length === 0) return;
  await ctx.clients.elbv2().send(new ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: arn, Attributes: attrs }), ctx.sendOptions);
}

function validate(inputs: Plain): CheckFailure[] {
  const failures: CheckFailure[] = [];
  checkLbName(inputs, "load balancer", failures);
  if (inputs["idleTimeout"] !== undefined && str(inputs["loadBalancerType"]) !== "application") {
    failures.push({ property: "idleTimeout", reason: "idleTimeout applies to application load balancers only; remove it for a network load balancer" });
  }
  if (inputs["enableHttp2"] !== undefined && str(inputs["loadBalancerType"]) !== "application") {
    failures.push({ property: "enableHttp2", reason: "enableHttp2 applies to application load balancers only" });
  }
  if (inputs["enableCrossZoneLoadBalancing"] !== undefined && str(inputs["loadBalancerType"]) === "application") {
    failures.push({ property: "enableCrossZoneLoadBalancing", reason: "enableCrossZoneLoadBalancing applies to network load balancers (always on for application ones)" });
  }
  const timeout = num(inputs["idleTimeout"]);
  if (timeout !== undefined && (timeout < 1 || timeout > 4000)) failures.push({ property: "idleTimeout", reason: `idleTimeout must be 1–4000 seconds, got ${timeout}` });
  if (str(inputs["loadBalancerType"]) === "application" && Array.isArray(inputs["subnets"]) && inputs["subnets"].length === 1) {
    failures.push({ property: "subnets", reason: "an application load balancer needs subnets in at least two availability zones" });
  }
  return failures;
}

export const lbLoadBalancer = defineResource({
  type: "aws:lb/loadBalancer:LoadBalancer",
  inputs: {
    name: { kind: "string", forceNew: true },
    namePrefix: { kind: "string", forceNew: true },
    internal: { kind: "boolean", forceNew: true, default: false },
    loadBalancerType: { kind: "string", forceNew: true, default: "application", oneOf: ["application", "network"] },
    subnets: { kind: "stringList", computed: true, equal: sameStringSet },
    securityGroups: { kind: "stringList", computed: true, equal: sameStringSet },
    ipAddressType: { kind: "string", computed: true, oneOf: ["ipv4", "dualstack"] },
    idleTimeout: { kind: "number", computed: true },
    enableDeletionProtection: { kind: "boolean", default: false },
    enableHttp2: { kind: "boolean", computed: true },
    enableCrossZoneLoadBalancing: { kind: "boolean", computed: true },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "arnSuffix", "dnsName", "zoneId", "vpcId", "tagsAll"],
  naming: { property: "name", prefixProperty: "namePrefix", maxLength: 32 },
  tags: true,
  notFound: NOT_FOUND,
  validate,

  async create(ctx, inputs) {
    const groups = strList(inputs["securityGroups"]);
    const res = await ctx.clients.elbv2().send(new CreateLoadBalancerCommand({
      Name: str(inputs["name"]),
      Type: str(inputs["loadBalancerType"]) as LoadBalancerTypeEnum,
      Scheme: bool(inputs["internal"]) === true ? "internal" : "internet-facing",
      Subnets: strList(inputs["subnets"]),
      ...(groups.length > 0 ? { SecurityGroups: groups } : {}),
      IpAddressType: str(inputs["ipAddressType"]) as IpAddressType | undefined,
      Tags: createTags(inputs),
    }), ctx.sendOptions);
    const arn = res.LoadBalancers?.[0]?.LoadBalancerArn as string;
    ctx.created(arn);
    await modifyAttributes(ctx, arn, attributes(inputs));
    await waitActive(ctx, arn);
    return arn;
  },
  async read(ctx, { id, inputs }) {
    const lb = await describe(ctx, id);
    if (lb?.LoadBalancerArn === undefined) return undefined;
    const arn = lb.LoadBalancerArn;
    const elb = ctx.clients.elbv2();
    const attrs = attributeMap((await elb.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn }), ctx.sendOptions)).Attributes);
    const all = await readLbTags(ctx, arn);
    const read: Plain = {
      name: lb.LoadBalancerName ?? "",
      internal: lb.Scheme === "internal",
      loadBalancerType: lb.Type ?? "application",
      subnets: (lb.AvailabilityZones ?? []).map((z) => z.SubnetId ?? "").filter((s) => s !== ""),
      securityGroups: lb.SecurityGroups ?? [],
      ipAddressType: lb.IpAddressType ?? "ipv4",
      enableDeletionProtection: attrs["deletion_protection.enabled"] === "true",
      tags: lbUserTags(ctx, all, inputs),
    };
    const idle = numberAttribute(attrs, "idle_timeout.timeout_seconds");
    if (lb.Type === "application") {
      read["idleTimeout"] = idle ?? 60;
      read["enableHttp2"] = attrs["routing.http2.enabled"] !== "false";
    } else {
      read["enableCrossZoneLoadBalancing"] = attrs["load_balancing.cross_zone.enabled"] === "true";
    }
    if (str(inputs?.["namePrefix"]) !== undefined) read["namePrefix"] = inputs!["namePrefix"]!;
    const outputs: Plain = {
      arn, arnSuffix: arnSuffix(arn, ":loadbalancer/"), dnsName: lb.DNSName ?? "", zoneId: lb.CanonicalHostedZoneId ?? "", vpcId: lb.VpcId ?? "", tagsAll: all,
    };
    return { ...unsetComputedAsOutputs(lbLoadBalancer.inputs, { inputs: read, outputs }, inputs), id: arn };
  },
  async update(ctx, { id, olds, news, changed }) {
    const elb = ctx.clients.elbv2();
    if (changed.has("subnets") && strList(news["subnets"]).length > 0) {
      await elb.send(new SetSubnetsCommand({ LoadBalancerArn: id, Subnets: strList(news["subnets"]) }), ctx.sendOptions);
    }
    if (changed.has("securityGroups") && news["securityGroups"] !== undefined) {
      await elb.send(new SetSecurityGroupsCommand({ LoadBalancerArn: id, SecurityGroups: strList(news["securityGroups"]) }), ctx.sendOptions);
    }
    if (changed.has("ipAddressType") && news["ipAddressType"] !== undefined) {
      await elb.send(new SetIpAddressTypeCommand({ LoadBalancerArn: id, IpAddressType: str(news["ipAddressType"]) as IpAddressType }), ctx.sendOptions);
    }
    await modifyAttributes(ctx, id, attributes(news, changed));
    if (changed.has("tagsAll")) await updateLbTags(ctx, id, olds, news);
    await waitActive(ctx, id);
  },
  async delete(ctx, { id }) {
    await ctx.clients.elbv2().send(new DeleteLoadBalancerCommand({ LoadBalancerArn: id }), ctx.sendOptions);
  },
});
