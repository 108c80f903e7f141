// Target group attributes Cairn manages: the deregistration delay and stickiness, between Pulumi's
// properties and ELBv2's attribute keys. Stickiness fields left unset take AWS's defaults.
import { ModifyTargetGroupAttributesCommand, type TargetGroupAttribute } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { PropertyValue } from "@cairn/protocol";
import type { FieldSpec, ResourceContext } from "../resource-definition.js";
import { bool, num, obj, str, type Plain } from "../values.js";
import { numberAttribute } from "./lb-support.js";

export const STICKINESS_FIELDS: Record<string, FieldSpec> = {
  enabled: { kind: "boolean" },
  type: { kind: "string", required: true, oneOf: ["lb_cookie", "app_cookie", "source_ip", "source_ip_dest_ip", "source_ip_dest_ip_proto"] },
  cookieDuration: { kind: "number" },
  cookieName: { kind: "string" },
};

/** Equal when `enabled` (default true) and every other field set on both sides match (unset ones take AWS's defaults). */
export function sameStickiness(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const x = obj(a);
  const y = obj(b);
  if (x === undefined || y === undefined) return x === y;
  if ((bool(x["enabled"]) ?? true) !== (bool(y["enabled"]) ?? true)) return false;
  return ["type", "cookieDuration", "cookieName"].every((k) => x[k] === undefined || y[k] === undefined || x[k] === y[k]);
}

function stickinessAttributes(v: PropertyValue | undefined): TargetGroupAttribute[] {
  const s = obj(v);
  if (s === undefined) return [];
  const type = str(s["type"]);
  const out: TargetGroupAttribute[] = [{ Key: "stickiness.enabled", Value: String(bool(s["enabled"]) ?? true) }, { Key: "stickiness.type", Value: type }];
  const duration = num(s["cookieDuration"]);
  if (type === "lb_cookie" && duration !== undefined) out.push({ Key: "stickiness.lb_cookie.duration_seconds", Value: String(duration) });
  if (type === "app_cookie") {
    if (duration !== undefined) out.push({ Key: "stickiness.app_cookie.duration_seconds", Value: String(duration) });
    if (str(s["cookieName"]) !== undefined) out.push({ Key: "stickiness.app_cookie.cookie_name", Value: str(s["cookieName"]) });
  }
  return out;
}

/** Sets the attributes among `keys` that the inputs hold (Lambda target groups have no deregistration delay). */
export async function setTargetGroupAttributes(ctx: ResourceContext, arn: string, inputs: Plain, keys: readonly string[]): Promise<void> {
  const attrs: TargetGroupAttribute[] = [];
  const delay = num(inputs["deregistrationDelay"]);
  if (keys.includes("deregistrationDelay") && delay !== undefined && str(inputs["targetType"]) !== "lambda") {
    attrs.push({ Key: "deregistration_delay.timeout_seconds", Value: String(delay) });
  }
  if (keys.includes("stickiness")) attrs.push(...stickinessAttributes(inputs["stickiness"]));
  if (attrs.length === 0) return;
  await ctx.clients.elbv2().send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: arn, Attributes: attrs }), ctx.sendOptions);
}

/** Stickiness as read from the attributes, or undefined when AWS reports none. */
export function stickinessOf(attrs: Record<string, string>): Plain | undefined {
  const type = attrs["stickiness.type"];
  if (type === undefined || type === "") return undefined;
  const out: Plain = { enabled: attrs["stickiness.enabled"] === "true", type };
  const duration = numberAttribute(attrs, type === "app_cookie" ? "stickiness.app_cookie.duration_seconds" : "stickiness.lb_cookie.duration_seconds");
  if ((type === "lb_cookie" || type === "app_cookie") && duration !== undefined) out["cookieDuration"] = duration;
  const cookieName = attrs["stickiness.app_cookie.cookie_name"];
  if (type === "app_cookie" && cookieName !== undefined && cookieName !== "") out["cookieName"] = cookieName;
  return out;
}
