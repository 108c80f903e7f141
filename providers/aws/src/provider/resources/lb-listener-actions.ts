// Listener default actions (forward, redirect, fixed-response) between Pulumi's shape and ELBv2's
// Action, and the comparison diff and refresh use: AWS fills in redirect parts, weights and an
// order the program left out, so those defaults count as equal.
import type { Action, ActionTypeEnum, RedirectActionStatusCodeEnum } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { CheckFailure, PropertyValue } from "@cairn/protocol";
import type { FieldSpec } from "../resource-definition.js";
import { bool, num, obj, objList, str, type Plain } from "../values.js";

export const ACTION_FIELDS: Record<string, FieldSpec> = {
  type: { kind: "string", required: true, oneOf: ["forward", "redirect", "fixed-response"] },
  targetGroupArn: { kind: "string" },
  order: { kind: "number" },
  forward: {
    kind: "object",
    fields: {
      targetGroups: { kind: "objectList", required: true, fields: { arn: { kind: "string", required: true }, weight: { kind: "number" } } },
      stickiness: { kind: "object", fields: { enabled: { kind: "boolean" }, duration: { kind: "number", required: true } } },
    },
  },
  redirect: {
    kind: "object",
    fields: {
      host: { kind: "string" }, path: { kind: "string" }, port: { kind: "string" }, protocol: { kind: "string" }, query: { kind: "string" },
      statusCode: { kind: "string", required: true, oneOf: ["HTTP_301", "HTTP_302"] },
    },
  },
  fixedResponse: {
    kind: "object",
    fields: { contentType: { kind: "string", required: true }, messageBody: { kind: "string" }, statusCode: { kind: "string" } },
  },
};

const REDIRECT_DEFAULTS: Record<string, string> = { host: "#{host}", path: "/#{path}", port: "#{port}", protocol: "#{protocol}", query: "#{query}" };

/** One action as ELBv2 takes it. */
export function toAwsAction(a: Plain): Action {
  const action: Action = { Type: str(a["type"]) as ActionTypeEnum, Order: num(a["order"]) };
  const tg = str(a["targetGroupArn"]);
  const fwd = obj(a["forward"]);
  if (tg !== undefined) action.TargetGroupArn = tg;
  if (fwd !== undefined) {
    const sticky = obj(fwd["stickiness"]);
    action.ForwardConfig = {
      TargetGroups: objList(fwd["targetGroups"]).map((t) => ({ TargetGroupArn: str(t["arn"]), Weight: num(t["weight"]) })),
      ...(sticky !== undefined ? { TargetGroupStickinessConfig: { Enabled: bool(sticky["enabled"]) ?? false, DurationSeconds: num(sticky["duration"]) } } : {}),
    };
  }
  const r = obj(a["redirect"]);
  if (r !== undefined) {
    action.RedirectConfig = {
      Host: str(r["host"]), Path: str(r["path"]), Port: str(r["port"]), Protocol: str(r["protocol"]), Query: str(r["query"]),
      StatusCode: str(r["statusCode"]) as RedirectActionStatusCodeEnum,
    };
  }
  const f = obj(a["fixedResponse"]);
  if (f !== undefined) action.FixedResponseConfig = { ContentType: str(f["contentType"]), MessageBody: str(f["messageBody"]), StatusCode: str(f["statusCode"]) };
  return action;
}

/** One action as read from ELBv2, in Pulumi's shape (a single weighted target group reads as targetGroupArn). */
export function fromAwsAction(a: Action): Plain {
  const out: Plain = { type: a.Type ?? "" };
  if (a.Order !== undefined) out["order"] = a.Order;
  const groups = a.ForwardConfig?.TargetGroups ?? [];
  if (a.TargetGroupArn !== undefined) out["targetGroupArn"] = a.TargetGroupArn;
  else if (groups.length > 0) {
    const forward: Plain = { targetGroups: groups.map((g) => ({ arn: g.TargetGroupArn ?? "", weight: g.Weight ?? 1 })) };
    const sticky = a.ForwardConfig?.TargetGroupStickinessConfig;
    if (sticky?.Enabled === true) forward["stickiness"] = { enabled: true, duration: sticky.DurationSeconds ?? 3600 };
    out["forward"] = forward;
  }
  const r = a.RedirectConfig;
  if (r !== undefined) {
    out["redirect"] = {
      host: r.Host ?? REDIRECT_DEFAULTS["host"]!, path: r.Path ?? REDIRECT_DEFAULTS["path"]!, port: r.Port ?? REDIRECT_DEFAULTS["port"]!,
      protocol: r.Protocol ?? REDIRECT_DEFAULTS["protocol"]!, query: r.Query ?? REDIRECT_DEFAULTS["query"]!, statusCode: r.StatusCode ?? "",
    };
  }
  const f = a.FixedResponseConfig;
  if (f !== undefined) {
    const fixed: Plain = { contentType: f.ContentType ?? "" };
    if (f.MessageBody !== undefined && f.MessageBody !== "") fixed["messageBody"] = f.MessageBody;
    if (f.StatusCode !== undefined) fixed["statusCode"] = f.StatusCode;
    out["fixedResponse"] = fixed;
  }
  return out;
}

/** An action with AWS's defaults filled in, as a comparable string (order left out; compared separately). */
function canonical(a: Plain): string {
  const fwd = obj(a["forward"]);
  const targets = str(a["targetGroupArn"]) !== undefined
    ? [`${str(a["targetGroupArn"])}=1`]
    : objList(fwd?.["targetGroups"]).map((t) => `${str(t["arn"])}=${num(t["weight"]) ?? 1}`).sort();
  const sticky = obj(fwd?.["stickiness"]);
  const r = obj(a["redirect"]);
  const redirect = r === undefined ? null : Object.fromEntries(
    [...Object.keys(REDIRECT_DEFAULTS), "statusCode"].map((k) => [k, str(r[k]) ?? REDIRECT_DEFAULTS[k] ?? ""]),
  );
  const f = obj(a["fixedResponse"]);
  const fixed = f === undefined ? null : [str(f["contentType"]), str(f["messageBody"]) ?? "", str(f["statusCode"]) ?? ""];
  return JSON.stringify([str(a["type"]), targets, bool(sticky?.["enabled"]) === true ? num(sticky?.["duration"]) : null, redirect, fixed]);
}

/** Same actions in the same sequence; `order` is compared only where both sides set it. */
export function sameActions(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const x = objList(a);
  const y = objList(b);
  if (x.length !== y.length) return false;
  return x.every((ax, i) => {
    const by = y[i]!;
    const ox = num(ax["order"]);
    const oy = num(by["order"]);
    return (ox === undefined || oy === undefined || ox === oy) && canonical(ax) === canonical(by);
  });
}

/** The cross-field rules of each action: the block its type needs. */
export function checkActions(v: PropertyValue | undefined, out: CheckFailure[]): void {
  const actions = objList(v);
  if (Array.isArray(v) && v.length === 0) out.push({ property: "defaultActions", reason: "defaultActions needs at least one action" });
  actions.forEach((a, i) => {
    const at = `defaultActions[${i}]`;
    const type = str(a["type"]);
    if (type === "forward" && a["targetGroupArn"] === undefined && a["forward"] === undefined) {
      out.push({ property: at, reason: `${at} is a forward action: set targetGroupArn or forward.targetGroups` });
    }
    if (type === "redirect" && a["redirect"] === undefined) out.push({ property: `${at}.redirect`, reason: `${at} is a redirect action: set redirect {statusCode, ...}` });
    if (type === "fixed-response" && a["fixedResponse"] === undefined) {
      out.push({ property: `${at}.fixedResponse`, reason: `${at} is a fixed-response action: set fixedResponse {contentType, ...}` });
    }
    for (const [key, owner] of [["targetGroupArn", "forward"], ["forward", "forward"], ["redirect", "redirect"], ["fixedResponse", "fixed-response"]] as const) {
      if (a[key] !== undefined && type !== undefined && type !== owner) out.push({ property: `${at}.${key}`, reason: `${at}.${key} belongs to a ${owner} action, not ${type}` });
    }
  });
}
