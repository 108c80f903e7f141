// aws:lb/targetGroupAttachment:TargetGroupAttachment — one target (instance, IP address, Lambda
// function or load balancer) registered in a target group. Every property replaces it. ID =
// `<targetGroupArn>,<targetId>[,<port>]`, which is also the import form. A draining target counts as gone.
import { DeregisterTargetsCommand, DescribeTargetHealthCommand, RegisterTargetsCommand, type TargetDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { defineResource } from "../resource-definition.js";
import { num, str, type Plain } from "../values.js";

interface AttachmentId {
  targetGroupArn: string;
  target: TargetDescription;
}

export function attachmentId(targetGroupArn: string, targetId: string, port: number | undefined): string {
  return [targetGroupArn, targetId, ...(port !== undefined ? [String(port)] : [])].join(",");
}

function parseId(id: string): AttachmentId {
  const [targetGroupArn, targetId, port, ...rest] = id.split(",");
  if (targetGroupArn === undefined || targetId === undefined || targetId === "" || rest.length > 0 || (port !== undefined && !/^\d+$/.test(port))) {
    throw new CairnError({
      code: ErrorCodes.InvalidInput, source: "user",
      message: `${JSON.stringify(id)} is not a target group attachment ID`,
      hint: "use <targetGroupArn>,<targetId> or <targetGroupArn>,<targetId>,<port>",
    });
  }
  return { targetGroupArn, target: { Id: targetId, ...(port !== undefined ? { Port: Number(port) } : {}) } };
}

function target(inputs: Plain): TargetDescription {
  const t: TargetDescription = { Id: str(inputs["targetId"]) };
  if (num(inputs["port"]) !== undefined) t.Port = num(inputs["port"]);
  if (str(inputs["availabilityZone"]) !== undefined) t.AvailabilityZone = str(inputs["availabilityZone"]);
  return t;
}

export const lbTargetGroupAttachment = defineResource({
  type: "aws:lb/targetGroupAttachment:TargetGroupAttachment",
  inputs: {
    targetGroupArn: { kind: "string", required: true, forceNew: true },
    targetId: { kind: "string", required: true, forceNew: true },
    port: { kind: "number", forceNew: true },
    availabilityZone: { kind: "string", forceNew: true },
  },
  outputs: [],
  deleteBeforeReplace: true,
  notFound: ["TargetGroupNotFound", "TargetGroupNotFoundException", "InvalidTarget", "InvalidTargetException"],

  async create(ctx, inputs) {
    const tgArn = str(inputs["targetGroupArn"]) as string;
    await ctx.clients.elbv2().send(new RegisterTargetsCommand({ TargetGroupArn: tgArn, Targets: [target(inputs)] }), ctx.sendOptions);
    const id = attachmentId(tgArn, str(inputs["targetId"]) as string, num(inputs["port"]));
    ctx.created(id);
    return id;
  },
  async read(ctx, { id, inputs }) {
    const { targetGroupArn, target: t } = parseId(id);
    const res = await ctx.clients.elbv2().send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }), ctx.sendOptions);
    const found = (res.TargetHealthDescriptions ?? []).find((d) => d.Target?.Id === t.Id && (t.Port === undefined || d.Target?.Port === t.Port));
    const state = found?.TargetHealth?.State;
    if (found === undefined || state === "draining" || (state === "unused" && found.TargetHealth?.Reason === "Target.NotRegistered")) return undefined;
    const read: Plain = { targetGroupArn, targetId: t.Id ?? "" };
    const port = t.Port ?? num(inputs?.["port"]);
    if (port !== undefined) read["port"] = port;
    const az = found.Target?.AvailabilityZone ?? str(inputs?.["availabilityZone"]);
    if (az !== undefined && inputs?.["availabilityZone"] !== undefined) read["availabilityZone"] = az;
    return { inputs: read, outputs: {} };
  },
  async delete(ctx, { id, inputs }) {
    const parsed = parseId(id);
    const t = inputs["targetId"] !== undefined ? target(inputs) : parsed.target;
    await ctx.clients.elbv2().send(new DeregisterTargetsCommand({ TargetGroupArn: parsed.targetGroupArn, Targets: [t] }), ctx.sendOptions);
  },
});
