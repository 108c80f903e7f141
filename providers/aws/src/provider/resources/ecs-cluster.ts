// aws:ecs/cluster:Cluster — an ECS cluster. ID = cluster ARN (import also by name). Settings
// (containerInsights) and tags update in place; the name replaces. Delete retries while the
// cluster still holds draining services or tasks, then waits until it is INACTIVE.
import {
  CreateClusterCommand, DeleteClusterCommand, DescribeClustersCommand, UpdateClusterCommand, type Cluster, type ClusterSetting,
  type ClusterSettingName,
} from "@aws-sdk/client-ecs";
import type { PropertyValue } from "@cairn/protocol";
import { awsErrorInfo } from "../aws-errors.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { userTags } from "../tags.js";
import { objList, str, strMap, type Plain } from "../values.js";
import { fromEcsTags, toEcsTags, updateEcsTags } from "./ecs-support.js";

async function describe(ctx: ResourceContext, id: string): Promise<Cluster | undefined> {
  const res = await ctx.clients.ecs().send(new DescribeClustersCommand({ clusters: [id], include: ["SETTINGS", "TAGS"] }), ctx.sendOptions);
  return res.clusters?.[0];
}

function settings(v: PropertyValue | undefined): ClusterSetting[] {
  return objList(v).map((s) => ({ name: str(s["name"]) as ClusterSettingName, value: str(s["value"]) }));
}

/** Settings compared as a set of name=value pairs. */
function sameSettings(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const key = (v: PropertyValue | undefined) => objList(v).map((s) => `${str(s["name"])}=${str(s["value"])}`).sort().join(",");
  return key(a) === key(b);
}

/** Clusters still draining services or tasks refuse deletion for a while; these errors are retried. */
const BUSY = ["ClusterContainsServicesException", "ClusterContainsTasksException", "UpdateInProgressException"];

export const ecsCluster = defineResource({
  type: "aws:ecs/cluster:Cluster",
  inputs: {
    name: { kind: "string", forceNew: true },
    settings: {
      kind: "objectList", computed: true, equal: sameSettings,
      fields: { name: { kind: "string", required: true, oneOf: ["containerInsights"] }, value: { kind: "string", required: true, oneOf: ["enabled", "disabled", "enhanced"] } },
    },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "tagsAll"],
  naming: { property: "name", maxLength: 255 },
  tags: true,
  notFound: ["ClusterNotFoundException"],

  async create(ctx, inputs) {
    const tags = toEcsTags(strMap(inputs["tagsAll"]));
    const s = settings(inputs["settings"]);
    const res = await ctx.clients.ecs().send(new CreateClusterCommand({
      clusterName: str(inputs["name"]), ...(s.length > 0 ? { settings: s } : {}), ...(tags.length > 0 ? { tags } : {}),
    }), ctx.sendOptions);
    const arn = res.cluster?.clusterArn ?? "";
    ctx.created(arn);
    await ctx.waitFor({ what: `ECS cluster ${arn} to become ACTIVE`, done: async () => (await describe(ctx, arn))?.status === "ACTIVE" });
    return arn;
  },
  async read(ctx, { id, inputs }) {
    const c = await describe(ctx, id);
    if (c === undefined || c.status === "INACTIVE") return undefined;
    const all = fromEcsTags(c.tags);
    const read: Plain = {
      name: c.clusterName ?? "",
      settings: (c.settings ?? []).map((s) => ({ name: s.name ?? "", value: s.value ?? "" })),
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    return { id: c.clusterArn ?? id, inputs: read, outputs: { arn: c.clusterArn ?? "", tagsAll: all } };
  },
  async update(ctx, { id, olds, news, changed }) {
    if (changed.has("settings")) {
      await ctx.clients.ecs().send(new UpdateClusterCommand({ cluster: id, settings: settings(news["settings"]) }), ctx.sendOptions);
    }
    if (changed.has("tagsAll")) await updateEcsTags(ctx, id, olds, news);
  },
  async delete(ctx, { id }) {
    await ctx.waitFor({
      what: `ECS cluster ${id} to accept deletion (its services and tasks to drain)`,
      done: async () => {
        try {
          await ctx.clients.ecs().send(new DeleteClusterCommand({ cluster: id }), ctx.sendOptions);
          return true;
        } catch (e) {
          if (BUSY.includes(awsErrorInfo(e)?.code ?? "")) return false;
          throw e;
        }
      },
      intervalMs: 2000,
    });
  },
});
