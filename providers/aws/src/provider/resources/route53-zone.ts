// aws:route53/zone:Zone — a public Route 53 hosted zone. ID = zone ID (without "/hostedzone/").
// The comment and tags update in place; the name replaces. forceDestroy deletes the zone's own
// records (everything but the apex NS and SOA) before the zone.
import {
  ChangeResourceRecordSetsCommand, ChangeTagsForResourceCommand, CreateHostedZoneCommand, DeleteHostedZoneCommand, GetHostedZoneCommand,
  ListResourceRecordSetsCommand, ListTagsForResourceCommand, UpdateHostedZoneCommentCommand, type ResourceRecordSet,
} from "@aws-sdk/client-route-53";
import { randomUUID } from "node:crypto";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { fromTagList, tagChanges, toTagList, userTags } from "../tags.js";
import { bool, str, strMap, type Plain } from "../values.js";

export const zoneIdOf = (id: string): string => id.replace(/^\/hostedzone\//, "");
export const withoutDot = (name: string): string => name.replace(/\.$/, "");

async function recordSets(ctx: ResourceContext, zoneId: string): Promise<ResourceRecordSet[]> {
  const out: ResourceRecordSet[] = [];
  let start: { StartRecordName?: string; StartRecordType?: ResourceRecordSet["Type"]; StartRecordIdentifier?: string } = {};
  for (;;) {
    const page = await ctx.clients.route53().send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, ...start }), ctx.sendOptions);
    out.push(...(page.ResourceRecordSets ?? []));
    if (page.IsTruncated !== true) return out;
    start = { StartRecordName: page.NextRecordName, StartRecordType: page.NextRecordType, StartRecordIdentifier: page.NextRecordIdentifier };
  }
}

export const route53Zone = defineResource({
  type: "aws:route53/zone:Zone",
  inputs: {
    name: { kind: "string", required: true, forceNew: true, equal: (a, b) => typeof a === "string" && typeof b === "string" ? withoutDot(a) === withoutDot(b) : a === b },
    comment: { kind: "string", default: "Managed by Cairn" },
    forceDestroy: { kind: "boolean" },
    tags: { kind: "stringMap" },
  },
  outputs: ["zoneId", "arn", "nameServers", "tagsAll"],
  tags: true,
  notFound: ["NoSuchHostedZone"],

  async create(ctx, inputs) {
    const r53 = ctx.clients.route53();
    const callerReference = randomUUID();
    const res = await r53.send(new CreateHostedZoneCommand({
      Name: str(inputs["name"]), CallerReference: callerReference, HostedZoneConfig: { Comment: str(inputs["comment"]) ?? "" },
    }), ctx.sendOptions);
    const zoneId = zoneIdOf(res.HostedZone?.Id ?? "");
    ctx.created(zoneId);
    const tags = toTagList(strMap(inputs["tagsAll"]));
    if (tags.length > 0) await r53.send(new ChangeTagsForResourceCommand({ ResourceType: "hostedzone", ResourceId: zoneId, AddTags: tags }), ctx.sendOptions);
    return zoneId;
  },
  async read(ctx, { id, inputs }) {
    const r53 = ctx.clients.route53();
    const zoneId = zoneIdOf(id);
    const res = await r53.send(new GetHostedZoneCommand({ Id: zoneId }), ctx.sendOptions);
    if (res.HostedZone === undefined) return undefined;
    const all = fromTagList((await r53.send(new ListTagsForResourceCommand({ ResourceType: "hostedzone", ResourceId: zoneId }), ctx.sendOptions)).ResourceTagSet?.Tags);
    const read: Plain = {
      name: withoutDot(res.HostedZone.Name ?? ""),
      comment: res.HostedZone.Config?.Comment ?? "",
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    if (inputs?.["forceDestroy"] !== undefined) read["forceDestroy"] = inputs["forceDestroy"];
    return {
      id: zoneId,
      inputs: read,
      outputs: { zoneId, arn: `arn:aws:route53:::hostedzone/${zoneId}`, nameServers: res.DelegationSet?.NameServers ?? [], tagsAll: all },
    };
  },
  async update(ctx, { id, olds, news, changed }) {
    const r53 = ctx.clients.route53();
    if (changed.has("comment")) await r53.send(new UpdateHostedZoneCommentCommand({ Id: id, Comment: str(news["comment"]) ?? "" }), ctx.sendOptions);
    if (changed.has("tagsAll")) {
      const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
      await r53.send(new ChangeTagsForResourceCommand({
        ResourceType: "hostedzone", ResourceId: id,
        ...(Object.keys(set).length > 0 ? { AddTags: toTagList(set) } : {}), ...(remove.length > 0 ? { RemoveTagKeys: remove } : {}),
      }), ctx.sendOptions);
    }
  },
  async delete(ctx, { id, inputs }) {
    const r53 = ctx.clients.route53();
    if (bool(inputs["forceDestroy"]) === true) {
      const apex = withoutDot(str(inputs["name"]) ?? "");
      const own = (await recordSets(ctx, id)).filter((r) => !((r.Type === "NS" || r.Type === "SOA") && withoutDot(r.Name ?? "") === apex));
      if (own.length > 0) {
        await r53.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: id, ChangeBatch: { Changes: own.map((r) => ({ Action: "DELETE", ResourceRecordSet: r })) } }), ctx.sendOptions);
      }
    }
    await r53.send(new DeleteHostedZoneCommand({ Id: id }), ctx.sendOptions);
  },
});
