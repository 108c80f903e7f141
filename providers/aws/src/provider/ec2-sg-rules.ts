// Security group rules in three shapes: Pulumi's rule objects ({protocol, fromPort, toPort,
// cidrBlocks, securityGroups, self, ...}), "atoms" (one source each, the unit AWS adds and
// removes), and EC2 IpPermissions. Inline rules compare as sets of atoms.
import type { IpPermission } from "@aws-sdk/client-ec2";
import { propertyValuesEqual, type PropertyValue } from "@cairn/protocol";
import type { FieldSpec } from "./resource-definition.js";
import { bool, num, objList, str, strList, type Plain } from "./values.js";

export type SourceKind = "cidr" | "ipv6" | "prefixList" | "group" | "self";

export interface RuleAtom {
  protocol: string;
  fromPort: number;
  toPort: number;
  kind: SourceKind;
  /** The CIDR, prefix list or group ID ("" for self). */
  source: string;
  description?: string;
}

export const ruleFields: Record<string, FieldSpec> = {
  protocol: { kind: "string", required: true },
  fromPort: { kind: "number", required: true },
  toPort: { kind: "number", required: true },
  cidrBlocks: { kind: "stringList" },
  ipv6CidrBlocks: { kind: "stringList" },
  prefixListIds: { kind: "stringList" },
  securityGroups: { kind: "stringList" },
  self: { kind: "boolean" },
  description: { kind: "string" },
};

const PROTOCOLS: Record<string, string> = { all: "-1", "-1": "-1", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6" };

export function normalizeProtocol(p: string): string {
  const lower = p.toLowerCase();
  return PROTOCOLS[lower] ?? lower;
}

function base(protocol: string, from: number, to: number): { protocol: string; fromPort: number; toPort: number } {
  const proto = normalizeProtocol(protocol);
  return proto === "-1" ? { protocol: proto, fromPort: 0, toPort: 0 } : { protocol: proto, fromPort: from, toPort: to };
}

/** Splits Pulumi-shaped rules into atoms. */
export function atomsOf(rules: PropertyValue | undefined): RuleAtom[] {
  const out: RuleAtom[] = [];
  for (const r of objList(rules ?? [])) {
    const b = base(str(r["protocol"]) ?? "-1", num(r["fromPort"]) ?? 0, num(r["toPort"]) ?? 0);
    const d = str(r["description"]);
    const add = (kind: SourceKind, source: string) => out.push({ ...b, kind, source, ...(d !== undefined && d !== "" ? { description: d } : {}) });
    for (const c of strList(r["cidrBlocks"])) add("cidr", c);
    for (const c of strList(r["ipv6CidrBlocks"])) add("ipv6", c);
    for (const c of strList(r["prefixListIds"])) add("prefixList", c);
    for (const c of strList(r["securityGroups"])) add("group", c);
    if (bool(r["self"]) === true) add("self", "");
  }
  return out;
}

export function atomKey(a: RuleAtom, withDescription = true): string {
  return [a.protocol, a.fromPort, a.toPort, a.kind, a.source, withDescription ? (a.description ?? "") : ""].join("|");
}

export function ruleSetEqual(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const keys = (v: PropertyValue | undefined) => [...new Set(atomsOf(v).map((x) => atomKey(x)))].sort();
  return propertyValuesEqual(keys(a), keys(b));
}

/** One IpPermission per atom; `selfId` is the group's own ID for "self" atoms. */
export function toPermission(a: RuleAtom, selfId: string): IpPermission {
  const p: IpPermission = { IpProtocol: a.protocol, FromPort: a.fromPort, ToPort: a.toPort };
  const d = a.description !== undefined ? { Description: a.description } : {};
  if (a.kind === "cidr") p.IpRanges = [{ CidrIp: a.source, ...d }];
  if (a.kind === "ipv6") p.Ipv6Ranges = [{ CidrIpv6: a.source, ...d }];
  if (a.kind === "prefixList") p.PrefixListIds = [{ PrefixListId: a.source, ...d }];
  if (a.kind === "group") p.UserIdGroupPairs = [{ GroupId: a.source, ...d }];
  if (a.kind === "self") p.UserIdGroupPairs = [{ GroupId: selfId, ...d }];
  return p;
}

/** Atoms of AWS's IpPermissions; pairs naming `selfId` become "self". */
export function atomsFromPermissions(perms: readonly IpPermission[] | undefined, selfId: string): RuleAtom[] {
  const out: RuleAtom[] = [];
  for (const p of perms ?? []) {
    const b = base(p.IpProtocol ?? "-1", p.FromPort ?? 0, p.ToPort ?? 0);
    const add = (kind: SourceKind, source: string, d: string | undefined) =>
      out.push({ ...b, kind, source, ...(d !== undefined && d !== "" ? { description: d } : {}) });
    for (const r of p.IpRanges ?? []) add("cidr", r.CidrIp ?? "", r.Description);
    for (const r of p.Ipv6Ranges ?? []) add("ipv6", r.CidrIpv6 ?? "", r.Description);
    for (const r of p.PrefixListIds ?? []) add("prefixList", r.PrefixListId ?? "", r.Description);
    for (const r of p.UserIdGroupPairs ?? []) add(r.GroupId === selfId ? "self" : "group", r.GroupId === selfId ? "" : (r.GroupId ?? ""), r.Description);
  }
  return out;
}

/** Groups atoms back into Pulumi-shaped rules (one per protocol, ports and description). */
export function rulesOf(atoms: readonly RuleAtom[]): Plain[] {
  const groups = new Map<string, Plain>();
  for (const a of atoms) {
    const key = [a.protocol, a.fromPort, a.toPort, a.description ?? ""].join("|");
    let r = groups.get(key);
    if (r === undefined) {
      r = { protocol: a.protocol, fromPort: a.fromPort, toPort: a.toPort };
      if (a.description !== undefined) r["description"] = a.description;
      groups.set(key, r);
    }
    if (a.kind === "self") r["self"] = true;
    else {
      const field = { cidr: "cidrBlocks", ipv6: "ipv6CidrBlocks", prefixList: "prefixListIds", group: "securityGroups" }[a.kind];
      r[field] = [...strList(r[field]), a.source];
    }
  }
  return [...groups.values()];
}
