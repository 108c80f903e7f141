// aws:ec2/securityGroupRule:SecurityGroupRule — one ingress or egress rule of a security group.
// ID (and import form) = "<sgId>_<type>_<protocol>_<fromPort>_<toPort>_<source>[_<source>...]".
// Every property but the description replaces the rule; AWS has no in-place rule edit Cairn uses.
import { atomKey, atomsFromPermissions, atomsOf, type RuleAtom } from "../ec2-sg-rules.js";
import { defineResource } from "../resource-definition.js";
import { bool, num, str, strList, type Plain } from "../values.js";
import { authorize, describeGroup, revoke } from "./ec2-security-group.js";

function ruleAtoms(inputs: Plain): RuleAtom[] {
  const sourceGroup = str(inputs["sourceSecurityGroupId"]);
  return atomsOf([{
    protocol: str(inputs["protocol"]) ?? "-1",
    fromPort: num(inputs["fromPort"]) ?? 0,
    toPort: num(inputs["toPort"]) ?? 0,
    cidrBlocks: strList(inputs["cidrBlocks"]),
    ipv6CidrBlocks: strList(inputs["ipv6CidrBlocks"]),
    prefixListIds: strList(inputs["prefixListIds"]),
    securityGroups: sourceGroup === undefined ? [] : [sourceGroup],
    self: bool(inputs["self"]) === true,
    ...(inputs["description"] !== undefined ? { description: inputs["description"] } : {}),
  }]);
}

function idOf(inputs: Plain, atoms: RuleAtom[]): string {
  const a = atoms[0] as RuleAtom;
  const sources = atoms.map((x) => (x.kind === "self" ? "self" : x.source));
  return [str(inputs["securityGroupId"]), str(inputs["type"]), a.protocol, a.fromPort, a.toPort, ...sources].join("_");
}

/** Rebuilds inputs from an ID for import. */
function inputsFromId(id: string): Plain {
  const [sg, type, protocol, from, to, ...sources] = id.split("_") as [string, string, string, string, string, ...string[]];
  const inputs: Plain = { securityGroupId: sg, type, protocol, fromPort: Number(from), toPort: Number(to) };
  const cidrs = sources.filter((s) => /^\d+\.\d+\.\d+\.\d+\//.test(s));
  const v6 = sources.filter((s) => s.includes(":"));
  if (cidrs.length > 0) inputs["cidrBlocks"] = cidrs;
  if (v6.length > 0) inputs["ipv6CidrBlocks"] = v6;
  const pl = sources.filter((s) => s.startsWith("pl-"));
  if (pl.length > 0) inputs["prefixListIds"] = pl;
  const group = sources.find((s) => s.startsWith("sg-"));
  if (group !== undefined) inputs["sourceSecurityGroupId"] = group;
  if (sources.includes("self")) inputs["self"] = true;
  return inputs;
}

export const ec2SecurityGroupRule = defineResource({
  type: "aws:ec2/securityGroupRule:SecurityGroupRule",
  inputs: {
    type: { kind: "string", required: true, forceNew: true, oneOf: ["ingress", "egress"] },
    securityGroupId: { kind: "string", required: true, forceNew: true },
    protocol: { kind: "string", required: true, forceNew: true },
    fromPort: { kind: "number", required: true, forceNew: true },
    toPort: { kind: "number", required: true, forceNew: true },
    cidrBlocks: { kind: "stringList", forceNew: true },
    ipv6CidrBlocks: { kind: "stringList", forceNew: true },
    prefixListIds: { kind: "stringList", forceNew: true },
    sourceSecurityGroupId: { kind: "string", forceNew: true },
    self: { kind: "boolean", forceNew: true },
    description: { kind: "string", forceNew: true },
  },
  outputs: ["securityGroupRuleId"],
  notFound: ["InvalidGroup.NotFound", "InvalidGroupId.NotFound", "InvalidPermission.NotFound"],
  skipDeleteWait: true,
  validate(inputs) {
    const sources = ["cidrBlocks", "ipv6CidrBlocks", "prefixListIds", "sourceSecurityGroupId", "self"].filter((k) => inputs[k] !== undefined && inputs[k] !== false);
    return sources.length === 0 ? [{ property: "cidrBlocks", reason: "set a source: cidrBlocks, ipv6CidrBlocks, prefixListIds, sourceSecurityGroupId or self" }] : [];
  },

  async create(ctx, inputs) {
    const atoms = ruleAtoms(inputs);
    await authorize(ctx, str(inputs["securityGroupId"]) as string, str(inputs["type"]) as "ingress" | "egress", atoms);
    return idOf(inputs, atoms);
  },
  async read(ctx, { id, inputs }) {
    const known = inputs ?? inputsFromId(id);
    const sg = str(known["securityGroupId"]) as string;
    const g = await describeGroup(ctx, sg);
    if (g === undefined) return undefined;
    const perms = str(known["type"]) === "egress" ? g.IpPermissionsEgress : g.IpPermissions;
    const present = new Map(atomsFromPermissions(perms, sg).map((a) => [atomKey(a, false), a]));
    const wanted = ruleAtoms(known);
    const found = wanted.map((a) => present.get(atomKey(a, false)));
    if (found.some((a) => a === undefined)) return undefined;
    const read: Plain = { ...known };
    delete read["description"];
    const description = found[0]?.description;
    if (description !== undefined) read["description"] = description;
    return { inputs: read, outputs: {} };
  },
  async delete(ctx, { inputs }) {
    await revoke(ctx, str(inputs["securityGroupId"]) as string, str(inputs["type"]) as "ingress" | "egress", ruleAtoms(inputs));
  },
});
