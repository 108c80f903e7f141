// aws:route53/record:Record — one record set (name + type) in a hosted zone, with a TTL and values.
// ID = "<zoneId>_<name>_<type>" (Pulumi's form, also the import ID). TTL and values update in place
// (UPSERT); zone, name and type replace. Names are compared without the trailing dot.
import { ChangeResourceRecordSetsCommand, GetHostedZoneCommand, ListResourceRecordSetsCommand, type RRType, type ResourceRecordSet } from "@aws-sdk/client-route-53";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { num, str, strList, type Plain } from "../values.js";
import { withoutDot, zoneIdOf } from "./route53-zone.js";

const TYPES = ["A", "AAAA", "CAA", "CNAME", "DS", "MX", "NAPTR", "NS", "PTR", "SOA", "SPF", "SRV", "TXT"];

function parseId(id: string): { zoneId: string; name: string; type: string } {
  const first = id.indexOf("_");
  const last = id.lastIndexOf("_");
  return { zoneId: id.slice(0, first), name: id.slice(first + 1, last), type: id.slice(last + 1) };
}

/** The record's fully qualified name: names without the zone's suffix are relative to the zone (as in Pulumi). */
async function fqdn(ctx: ResourceContext, zoneId: string, name: string): Promise<string> {
  const zone = withoutDot((await ctx.clients.route53().send(new GetHostedZoneCommand({ Id: zoneId }), ctx.sendOptions)).HostedZone?.Name ?? "");
  const n = withoutDot(name).toLowerCase();
  return n === zone || n.endsWith(`.${zone}`) ? n : `${n}.${zone}`;
}

function recordSet(name: string, inputs: Plain): ResourceRecordSet {
  return { Name: name, Type: str(inputs["type"]) as RRType, TTL: num(inputs["ttl"]), ResourceRecords: strList(inputs["records"]).map((Value) => ({ Value })) };
}

async function find(ctx: ResourceContext, zoneId: string, name: string, type: string): Promise<ResourceRecordSet | undefined> {
  const res = await ctx.clients.route53().send(
    new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, StartRecordName: name, StartRecordType: type as RRType, MaxItems: 1 }),
    ctx.sendOptions,
  );
  const r = res.ResourceRecordSets?.[0];
  return r !== undefined && withoutDot(r.Name ?? "").toLowerCase() === withoutDot(name).toLowerCase() && r.Type === type ? r : undefined;
}

const sameName = (a: Plain[string] | undefined, b: Plain[string] | undefined): boolean =>
  typeof a === "string" && typeof b === "string" ? withoutDot(a).toLowerCase() === withoutDot(b).toLowerCase() : a === b;

export const route53Record = defineResource({
  type: "aws:route53/record:Record",
  inputs: {
    zoneId: { kind: "string", required: true, forceNew: true },
    name: { kind: "string", required: true, forceNew: true, equal: sameName },
    type: { kind: "string", required: true, forceNew: true, oneOf: TYPES },
    ttl: { kind: "number", required: true },
    records: { kind: "stringList", required: true },
  },
  outputs: ["fqdn"],
  notFound: ["NoSuchHostedZone"],

  async create(ctx, inputs) {
    const zoneId = zoneIdOf(str(inputs["zoneId"]) as string);
    const name = await fqdn(ctx, zoneId, str(inputs["name"]) as string);
    await ctx.clients.route53().send(new ChangeResourceRecordSetsCommand({
      HostedZoneId: zoneId, ChangeBatch: { Changes: [{ Action: "CREATE", ResourceRecordSet: recordSet(name, inputs) }] },
    }), ctx.sendOptions);
    return `${zoneId}_${name}_${str(inputs["type"]) ?? ""}`;
  },
  async read(ctx, { id, inputs }) {
    const { zoneId, name, type } = parseId(id);
    const r = await find(ctx, zoneId, name, type);
    if (r === undefined) return undefined;
    const recorded = str(inputs?.["name"]);
    const read: Plain = {
      zoneId,
      name: recorded !== undefined && (await fqdn(ctx, zoneId, recorded)) === name ? recorded : withoutDot(r.Name ?? name),
      type: r.Type ?? type,
      ttl: r.TTL ?? 0,
      records: (r.ResourceRecords ?? []).map((x) => x.Value ?? ""),
    };
    return { inputs: read, outputs: { fqdn: name } };
  },
  async update(ctx, { id, news }) {
    const { zoneId, name } = parseId(id);
    await ctx.clients.route53().send(new ChangeResourceRecordSetsCommand({
      HostedZoneId: zoneId, ChangeBatch: { Changes: [{ Action: "UPSERT", ResourceRecordSet: recordSet(name, news) }] },
    }), ctx.sendOptions);
  },
  async delete(ctx, { id }) {
    const { zoneId, name, type } = parseId(id);
    const current = await find(ctx, zoneId, name, type);
    if (current === undefined) return;
    await ctx.clients.route53().send(new ChangeResourceRecordSetsCommand({
      HostedZoneId: zoneId, ChangeBatch: { Changes: [{ Action: "DELETE", ResourceRecordSet: current }] },
    }), ctx.sendOptions);
  },
});
