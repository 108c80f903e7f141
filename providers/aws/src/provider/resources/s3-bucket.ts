// aws:s3/bucket:Bucket — an S3 bucket with tags, versioning and static-website configuration.
// ID = bucket name. forceDestroy empties every object version before delete.
import {
  CreateBucketCommand, DeleteBucketCommand, DeleteBucketTaggingCommand, DeleteBucketWebsiteCommand, DeleteObjectsCommand,
  GetBucketTaggingCommand, GetBucketVersioningCommand, GetBucketWebsiteCommand, HeadBucketCommand, ListObjectVersionsCommand,
  PutBucketTaggingCommand, PutBucketVersioningCommand, PutBucketWebsiteCommand, type BucketLocationConstraint, type S3Client,
} from "@aws-sdk/client-s3";
import { isAwsError } from "../aws-errors.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { toTagList, fromTagList, userTags } from "../tags.js";
import { bool, obj, str, strMap, type Plain } from "../values.js";

const NOT_FOUND = ["NoSuchBucket", "NotFound", "404"];

export function websiteEndpointOf(bucket: string, region: string): string {
  const dotted = ["us-east-2", "ap-south-1", "ap-northeast-2", "ap-northeast-3", "ca-central-1", "eu-central-1", "eu-west-2", "eu-west-3", "eu-north-1"];
  return dotted.includes(region) || !/^(us|eu|ap|sa)-/.test(region)
    ? `${bucket}.s3-website.${region}.amazonaws.com`
    : `${bucket}.s3-website-${region}.amazonaws.com`;
}

async function putTags(s3: S3Client, ctx: ResourceContext, bucket: string, tags: Record<string, string>): Promise<void> {
  if (Object.keys(tags).length === 0) await s3.send(new DeleteBucketTaggingCommand({ Bucket: bucket }), ctx.sendOptions);
  else await s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: toTagList(tags) } }), ctx.sendOptions);
}

async function putVersioning(s3: S3Client, ctx: ResourceContext, bucket: string, versioning: Plain | undefined, wasEnabled: boolean): Promise<void> {
  const enabled = bool(versioning?.["enabled"]) === true;
  if (!enabled && !wasEnabled) return;
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: enabled ? "Enabled" : "Suspended" } }), ctx.sendOptions);
}

async function putWebsite(s3: S3Client, ctx: ResourceContext, bucket: string, website: Plain | undefined): Promise<void> {
  if (website === undefined) {
    await s3.send(new DeleteBucketWebsiteCommand({ Bucket: bucket }), ctx.sendOptions);
    return;
  }
  const index = str(website["indexDocument"]);
  const error = str(website["errorDocument"]);
  const redirect = str(website["redirectAllRequestsTo"]);
  await s3.send(
    new PutBucketWebsiteCommand({
      Bucket: bucket,
      WebsiteConfiguration: {
        ...(index !== undefined ? { IndexDocument: { Suffix: index } } : {}),
        ...(error !== undefined ? { ErrorDocument: { Key: error } } : {}),
        ...(redirect !== undefined ? { RedirectAllRequestsTo: { HostName: redirect } } : {}),
      },
    }),
    ctx.sendOptions,
  );
}

async function emptyBucket(s3: S3Client, ctx: ResourceContext, bucket: string): Promise<void> {
  for (;;) {
    const page = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }), ctx.sendOptions);
    const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]
      .filter((v) => v.Key !== undefined)
      .map((v) => ({ Key: v.Key as string, ...(v.VersionId !== undefined && v.VersionId !== null ? { VersionId: v.VersionId } : {}) }));
    if (objects.length === 0) return;
    await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }), ctx.sendOptions);
  }
}

async function optional<T>(f: () => Promise<T>, codes: string[]): Promise<T | undefined> {
  try {
    return await f();
  } catch (e) {
    if (isAwsError(e, codes)) return undefined;
    throw e;
  }
}

export const s3Bucket = defineResource({
  type: "aws:s3/bucket:Bucket",
  inputs: {
    bucket: { kind: "string", forceNew: true },
    bucketPrefix: { kind: "string", forceNew: true },
    tags: { kind: "stringMap" },
    versioning: { kind: "object", fields: { enabled: { kind: "boolean" }, mfaDelete: { kind: "boolean" } } },
    website: { kind: "object", fields: { indexDocument: { kind: "string" }, errorDocument: { kind: "string" }, redirectAllRequestsTo: { kind: "string" } } },
    forceDestroy: { kind: "boolean", default: false },
  },
  outputs: ["arn", "bucketDomainName", "bucketRegionalDomainName", "websiteEndpoint", "websiteDomain", "region", "tagsAll"],
  naming: { property: "bucket", prefixProperty: "bucketPrefix", maxLength: 63, lowercase: true },
  tags: true,
  notFound: NOT_FOUND,
  validate(inputs) {
    const failures = [];
    const name = str(inputs["bucket"]);
    if (name !== undefined && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name)) {
      failures.push({ property: "bucket", reason: `bucket ${JSON.stringify(name)} is not a valid S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens` });
    }
    const website = obj(inputs["website"]);
    if (website !== undefined && website["indexDocument"] === undefined && website["redirectAllRequestsTo"] === undefined) {
      failures.push({ property: "website", reason: "website needs indexDocument or redirectAllRequestsTo" });
    }
    return failures;
  },

  async create(ctx, inputs) {
    const s3 = ctx.clients.s3();
    const bucket = str(inputs["bucket"]) as string;
    const region = ctx.clients.region;
    await s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        ...(region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
      }),
      ctx.sendOptions,
    );
    ctx.created(bucket);
    await ctx.waitFor({ what: `bucket ${bucket} to exist`, done: async () => (await optional(() => s3.send(new HeadBucketCommand({ Bucket: bucket }), ctx.sendOptions), NOT_FOUND)) !== undefined });
    const tags = strMap(inputs["tagsAll"]);
    if (Object.keys(tags).length > 0) await putTags(s3, ctx, bucket, tags);
    await putVersioning(s3, ctx, bucket, obj(inputs["versioning"]), false);
    if (inputs["website"] !== undefined) await putWebsite(s3, ctx, bucket, obj(inputs["website"]));
    return bucket;
  },

  async read(ctx, { id, inputs }) {
    const s3 = ctx.clients.s3();
    await s3.send(new HeadBucketCommand({ Bucket: id }), ctx.sendOptions);
    const region = ctx.clients.region;
    const tagging = await optional(() => s3.send(new GetBucketTaggingCommand({ Bucket: id }), ctx.sendOptions), ["NoSuchTagSet"]);
    const all = fromTagList(tagging?.TagSet);
    const versioning = await s3.send(new GetBucketVersioningCommand({ Bucket: id }), ctx.sendOptions);
    const site = await optional(() => s3.send(new GetBucketWebsiteCommand({ Bucket: id }), ctx.sendOptions), ["NoSuchWebsiteConfiguration"]);
    const read: Plain = { bucket: id, tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]), forceDestroy: bool(inputs?.["forceDestroy"]) ?? false };
    if (inputs?.["bucketPrefix"] !== undefined) read["bucketPrefix"] = inputs["bucketPrefix"];
    if (versioning.Status !== undefined || inputs?.["versioning"] !== undefined) {
      read["versioning"] = { enabled: versioning.Status === "Enabled", ...(versioning.MFADelete === "Enabled" ? { mfaDelete: true } : {}) };
    }
    if (site !== undefined) {
      const w: Plain = {};
      if (site.IndexDocument?.Suffix !== undefined) w["indexDocument"] = site.IndexDocument.Suffix;
      if (site.ErrorDocument?.Key !== undefined) w["errorDocument"] = site.ErrorDocument.Key;
      if (site.RedirectAllRequestsTo?.HostName !== undefined) w["redirectAllRequestsTo"] = site.RedirectAllRequestsTo.HostName;
      read["website"] = w;
    }
    const outputs: Plain = {
      arn: `arn:aws:s3:::${id}`,
      bucketDomainName: `${id}.s3.amazonaws.com`,
      bucketRegionalDomainName: `${id}.s3.${region}.amazonaws.com`,
      region,
      tagsAll: all,
    };
    if (site !== undefined) {
      outputs["websiteEndpoint"] = websiteEndpointOf(id, region);
      outputs["websiteDomain"] = websiteEndpointOf(id, region).slice(id.length + 1);
    }
    return { inputs: read, outputs };
  },

  async update(ctx, { id, olds, news, changed }) {
    const s3 = ctx.clients.s3();
    if (changed.has("tagsAll")) await putTags(s3, ctx, id, strMap(news["tagsAll"]));
    if (changed.has("versioning")) await putVersioning(s3, ctx, id, obj(news["versioning"]), bool(obj(olds["versioning"])?.["enabled"]) === true);
    if (changed.has("website")) await putWebsite(s3, ctx, id, obj(news["website"]));
  },

  async delete(ctx, { id, inputs }) {
    const s3 = ctx.clients.s3();
    if (bool(inputs["forceDestroy"]) === true) await emptyBucket(s3, ctx, id);
    await s3.send(new DeleteBucketCommand({ Bucket: id }), ctx.sendOptions);
  },
});
