// aws:lb/listener:Listener — a load balancer listener. ID = its ARN. Port, protocol, certificate,
// SSL policy, default actions and tags update in place (ModifyListener); the load balancer
// replaces it. An unset protocol is HTTP on an application and TCP on a network load balancer.
import {
  CreateListenerCommand, DeleteListenerCommand, DescribeListenersCommand, DescribeLoadBalancersCommand, ModifyListenerCommand,
  type Listener, type ModifyListenerCommandInput, type ProtocolEnum,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { CheckFailure } from "@cairn/protocol";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { num, objList, str, type Plain } from "../values.js";
import { createTags, lbUserTags, readLbTags, updateLbTags } from "./lb-support.js";
import { ACTION_FIELDS, checkActions, fromAwsAction, sameActions, toAwsAction } from "./lb-listener-actions.js";

const NOT_FOUND = ["ListenerNotFound", "ListenerNotFoundException"];
const SECURE = new Set(["HTTPS", "TLS"]);

async function describe(ctx: ResourceContext, arn: string): Promise<Listener | undefined> {
  const res = await ctx.clients.elbv2().send(new DescribeListenersCommand({ ListenerArns: [arn] }), ctx.sendOptions);
  return res.Listeners?.[0];
}

/** HTTP for an application load balancer, TCP for a network one (what the program gets when it sets no protocol). */
async function defaultProtocol(ctx: ResourceContext, lbArn: string): Promise<ProtocolEnum> {
  const res = await ctx.clients.elbv2().send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [lbArn] }), ctx.sendOptions);
  return res.LoadBalancers?.[0]?.Type === "network" ? "TCP" : "HTTP";
}

function validate(inputs: Plain): CheckFailure[] {
  const failures: CheckFailure[] = [];
  checkActions(inputs["defaultActions"], failures);
  const protocol = str(inputs["protocol"]);
  if (protocol !== undefined && SECURE.has(protocol) && inputs["certificateArn"] === undefined) {
    failures.push({ property: "certificateArn", reason: `a ${protocol} listener needs certificateArn (an ACM or IAM server certificate ARN)` });
  }
  const port = num(inputs["port"]);
  if (port !== undefined && (port < 1 || port > 65535)) failures.push({ property: "port", reason: `port must be 1–65535, got ${port}` });
  return failures;
}

export const lbListener = defineResource({
  type: "aws:lb/listener:Listener",
  inputs: {
    loadBalancerArn: { kind: "string", required: true, forceNew: true },
    port: { kind: "number" },
    protocol: { kind: "string", computed: true, oneOf: ["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE"] },
    certificateArn: { kind: "string" },
    sslPolicy: { kind: "string", computed: true },
    defaultActions: { kind: "objectList", required: true, fields: ACTION_FIELDS, equal: sameActions },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "tagsAll"],
  tags: true,
  notFound: NOT_FOUND,
  validate,

  async create(ctx, inputs) {
    const lbArn = str(inputs["loadBalancerArn"]) as string;
    const cert = str(inputs["certificateArn"]);
    const res = await ctx.clients.elbv2().send(new CreateListenerCommand({
      LoadBalancerArn: lbArn,
      Port: num(inputs["port"]),
      Protocol: (str(inputs["protocol"]) as ProtocolEnum | undefined) ?? (await defaultProtocol(ctx, lbArn)),
      SslPolicy: str(inputs["sslPolicy"]),
      ...(cert !== undefined ? { Certificates: [{ CertificateArn: cert }] } : {}),
      DefaultActions: objList(inputs["defaultActions"]).map(toAwsAction),
      Tags: createTags(inputs),
    }), ctx.sendOptions);
    const arn = res.Listeners?.[0]?.ListenerArn as string;
    ctx.created(arn);
    return arn;
  },
  async read(ctx, { id, inputs }) {
    const l = await describe(ctx, id);
    if (l?.ListenerArn === undefined) return undefined;
    const all = await readLbTags(ctx, l.ListenerArn);
    const read: Plain = {
      loadBalancerArn: l.LoadBalancerArn ?? "",
      defaultActions: [...(l.DefaultActions ?? [])].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0)).map(fromAwsAction),
      tags: lbUserTags(ctx, all, inputs),
    };
    if (l.Port !== undefined) read["port"] = l.Port;
    if (l.Protocol !== undefined) read["protocol"] = l.Protocol;
    if (l.SslPolicy !== undefined && l.SslPolicy !== "") read["sslPolicy"] = l.SslPolicy;
    const cert = l.Certificates?.find((c) => c.IsDefault !== false)?.CertificateArn;
    if (cert !== undefined) read["certificateArn"] = cert;
    return { id: l.ListenerArn, inputs: read, outputs: { arn: l.ListenerArn, tagsAll: all } };
  },
  async update(ctx, { id, olds, news, changed }) {
    const req: ModifyListenerCommandInput = { ListenerArn: id };
    if (changed.has("port")) req.Port = num(news["port"]);
    if (changed.has("protocol") && news["protocol"] !== undefined) req.Protocol = str(news["protocol"]) as ProtocolEnum;
    const secureChange = changed.has("protocol") && SECURE.has(str(news["protocol"]) ?? "");
    if ((changed.has("certificateArn") || secureChange) && news["certificateArn"] !== undefined) req.Certificates = [{ CertificateArn: str(news["certificateArn"]) }];
    if ((changed.has("sslPolicy") || secureChange) && news["sslPolicy"] !== undefined) req.SslPolicy = str(news["sslPolicy"]);
    if (changed.has("defaultActions")) req.DefaultActions = objList(news["defaultActions"]).map(toAwsAction);
    if (Object.keys(req).length > 1) await ctx.clients.elbv2().send(new ModifyListenerCommand(req), ctx.sendOptions);
    if (changed.has("tagsAll")) await updateLbTags(ctx, id, olds, news);
  },
  async delete(ctx, { id }) {
    await ctx.clients.elbv2().send(new DeleteListenerCommand({ ListenerArn: id }), ctx.sendOptions);
  },
});
