// aws:cloudfront/distribution:Distribution — a CloudFront distribution. ID = distribution ID.
// Everything updates in place (UpdateDistribution with the current ETag as IfMatch). Create and
// update wait until the distribution is Deployed unless waitForDeployment is false; delete disables
// it, waits for Deployed, then deletes with the new ETag (or leaves it alone with retainOnDelete).
import {
  CreateDistributionWithTagsCommand, DeleteDistributionCommand, GetDistributionCommand, GetDistributionConfigCommand,
  ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand, UpdateDistributionCommand,
} from "@aws-sdk/client-cloudfront";
import { randomUUID } from "node:crypto";
import { isAwsError } from "../aws-errors.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { fromTagList, tagChanges, toTagList, userTags } from "../tags.js";
import { bool, strMap, type Plain } from "../values.js";
import { CONFIG_PROPERTIES, fromDistributionConfig, toDistributionConfig } from "./cloudfront-config.js";
import { DISTRIBUTION_INPUTS, validateDistribution } from "./cloudfront-schema.js";

/** The Route 53 hosted zone of every CloudFront domain (for alias records). */
export const CLOUDFRONT_HOSTED_ZONE_ID = "Z2FDTNDATAQYW2";
const NOT_FOUND = ["NoSuchDistribution"];

async function status(ctx: ResourceContext, id: string): Promise<string | undefined> {
  return (await ctx.clients.cloudfront().send(new GetDistributionCommand({ Id: id }), ctx.sendOptions)).Distribution?.Status;
}

function waitDeployed(ctx: ResourceContext, id: string): Promise<void> {
  return ctx.waitFor({ what: `CloudFront distribution ${id} to be Deployed`, done: async () => (await status(ctx, id)) === "Deployed", intervalMs: 1000 });
}

const waits = (inputs: Plain) => bool(inputs["waitForDeployment"]) !== false;

/** Disables the distribution (when enabled), waits for Deployed and deletes it with the ETag it has then. */
async function disableAndDelete(ctx: ResourceContext, id: string): Promise<void> {
  const cf = ctx.clients.cloudfront();
  const current = await cf.send(new GetDistributionConfigCommand({ Id: id }), ctx.sendOptions);
  if (current.DistributionConfig?.Enabled === true) {
    await cf.send(new UpdateDistributionCommand({ Id: id, IfMatch: current.ETag, DistributionConfig: { ...current.DistributionConfig, Enabled: false } }), ctx.sendOptions);
  }
  await waitDeployed(ctx, id);
  const { ETag } = await cf.send(new GetDistributionCommand({ Id: id }), ctx.sendOptions);
  await cf.send(new DeleteDistributionCommand({ Id: id, IfMatch: ETag }), ctx.sendOptions);
}

export const cloudfrontDistribution = defineResource({
  type: "aws:cloudfront/distribution:Distribution",
  inputs: DISTRIBUTION_INPUTS,
  outputs: ["arn", "domainName", "hostedZoneId", "status", "etag", "callerReference", "lastModifiedTime", "inProgressValidationBatches", "tagsAll"],
  tags: true,
  notFound: NOT_FOUND,
  validate: validateDistribution,
  // Delete waits itself (and not at all with retainOnDelete).
  skipDeleteWait: true,

  async create(ctx, inputs) {
    const cf = ctx.clients.cloudfront();
    const tags = toTagList(strMap(inputs["tagsAll"]));
    const res = await cf.send(new CreateDistributionWithTagsCommand({
      DistributionConfigWithTags: { DistributionConfig: toDistributionConfig(inputs, randomUUID()), Tags: { Items: tags } },
    }), ctx.sendOptions);
    const id = res.Distribution?.Id ?? "";
    ctx.created(id);
    if (waits(inputs)) await waitDeployed(ctx, id);
    return id;
  },
  async read(ctx, { id, inputs }) {
    const cf = ctx.clients.cloudfront();
    const res = await cf.send(new GetDistributionCommand({ Id: id }), ctx.sendOptions);
    const d = res.Distribution;
    if (d?.DistributionConfig === undefined) return undefined;
    const all = fromTagList((await cf.send(new ListTagsForResourceCommand({ Resource: d.ARN }), ctx.sendOptions)).Tags?.Items);
    const read: Plain = {
      ...fromDistributionConfig(d.DistributionConfig),
      retainOnDelete: bool(inputs?.["retainOnDelete"]) ?? false,
      waitForDeployment: bool(inputs?.["waitForDeployment"]) ?? true,
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    return {
      inputs: read,
      outputs: {
        arn: d.ARN ?? "", domainName: d.DomainName ?? "", hostedZoneId: CLOUDFRONT_HOSTED_ZONE_ID, status: d.Status ?? "",
        etag: res.ETag ?? "", callerReference: d.DistributionConfig.CallerReference ?? "",
        lastModifiedTime: d.LastModifiedTime === undefined ? "" : new Date(d.LastModifiedTime).toISOString(),
        inProgressValidationBatches: d.InProgressInvalidationBatches ?? 0, tagsAll: all,
      },
    };
  },
  async update(ctx, { id, olds, news, changed }) {
    const cf = ctx.clients.cloudfront();
    if (CONFIG_PROPERTIES.some((k) => changed.has(k))) {
      const current = await cf.send(new GetDistributionConfigCommand({ Id: id }), ctx.sendOptions);
      const config = toDistributionConfig(news, current.DistributionConfig?.CallerReference ?? "");
      await cf.send(new UpdateDistributionCommand({ Id: id, IfMatch: current.ETag, DistributionConfig: config }), ctx.sendOptions);
    }
    if (changed.has("tagsAll")) {
      const arn = (await cf.send(new GetDistributionCommand({ Id: id }), ctx.sendOptions)).Distribution?.ARN;
      const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
      if (remove.length > 0) await cf.send(new UntagResourceCommand({ Resource: arn, TagKeys: { Items: remove } }), ctx.sendOptions);
      if (Object.keys(set).length > 0) await cf.send(new TagResourceCommand({ Resource: arn, Tags: { Items: toTagList(set) } }), ctx.sendOptions);
    }
    if (waits(news)) await waitDeployed(ctx, id);
  },
  async delete(ctx, { id, inputs }) {
    if (bool(inputs["retainOnDelete"]) === true) return;
    await disableAndDelete(ctx, id);
    await ctx.waitFor({
      what: `CloudFront distribution ${id} to be deleted`,
      done: async () => {
        try {
          return (await status(ctx, id)) === undefined;
        } catch (e) {
          if (isAwsError(e, NOT_FOUND)) return true;
          throw e;
        }
      },
    });
  },
});
