// aws:s3/bucketObject:BucketObject — one object, uploaded from `source` (an asset, or a ready-made
// archive file) or `content`. ID = key; import by "bucket/key". A changed body (locally or in S3,
// seen through the ETag) is an in-place update: the object is uploaded again.
import {
  DeleteObjectCommand, DeleteObjectTaggingCommand, GetObjectTaggingCommand, HeadObjectCommand, PutObjectCommand, PutObjectTaggingCommand,
} from "@aws-sdk/client-s3";
import type { PropertyValue } from "@cairn/protocol";
import { contentBytes, md5Hex } from "../asset-content.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { fromTagList, toTagList, userTags } from "../tags.js";
import { str, strMap, type Plain } from "../values.js";

function tagQuery(tags: Record<string, string>): string {
  return new URLSearchParams(tags).toString();
}

function body(ctx: { urn?: string; rootDirectory?: string }, inputs: Plain): Promise<Buffer> {
  const field = inputs["source"] !== undefined ? "source" : "content";
  const value: PropertyValue = inputs[field] ?? "";
  return contentBytes({ property: field, value, ...(ctx.urn !== undefined ? { urn: ctx.urn } : {}), ...(ctx.rootDirectory !== undefined ? { rootDirectory: ctx.rootDirectory } : {}) });
}

async function upload(ctx: ResourceContext, inputs: Plain): Promise<void> {
  const tags = strMap(inputs["tagsAll"]);
  await ctx.clients.s3().send(
    new PutObjectCommand({
      Bucket: str(inputs["bucket"]),
      Key: str(inputs["key"]),
      Body: await body(ctx, inputs),
      ContentType: str(inputs["contentType"]),
      CacheControl: str(inputs["cacheControl"]),
      ...(Object.keys(tags).length > 0 ? { Tagging: tagQuery(tags) } : {}),
    }),
    ctx.sendOptions,
  );
}

function locate(id: string, known: Plain | undefined): { bucket: string; key: string } {
  const bucket = str(known?.["bucket"]);
  if (bucket !== undefined) return { bucket, key: id };
  const slash = id.indexOf("/");
  return { bucket: id.slice(0, slash), key: id.slice(slash + 1) };
}

export const s3BucketObject = defineResource({
  type: "aws:s3/bucketObject:BucketObject",
  inputs: {
    bucket: { kind: "string", required: true, forceNew: true },
    key: { kind: "string", forceNew: true },
    source: { kind: "asset" },
    content: { kind: "string" },
    contentType: { kind: "string", computed: true },
    cacheControl: { kind: "string" },
    tags: { kind: "stringMap" },
  },
  outputs: ["etag", "versionId", "tagsAll"],
  naming: { property: "key", maxLength: 1024, noSuffix: true },
  tags: true,
  notFound: ["NoSuchKey", "NotFound", "NoSuchBucket", "404"],
  validate(inputs) {
    return inputs["source"] !== undefined && inputs["content"] !== undefined ? [{ property: "content", reason: "set either source or content, not both" }] : [];
  },
  async extraDiff({ olds, news, rootDirectory }) {
    const etag = str(olds["etag"]);
    if (etag === undefined || etag.includes("-")) return [];
    const field = news["source"] !== undefined ? "source" : "content";
    const bytes = await body(rootDirectory !== undefined ? { rootDirectory } : {}, news).catch(() => undefined);
    return bytes !== undefined && md5Hex(bytes) !== etag ? [field] : [];
  },

  async create(ctx, inputs) {
    await upload(ctx, inputs);
    return str(inputs["key"]) as string;
  },
  async read(ctx, { id, inputs, outputs }) {
    const { bucket, key } = locate(id, inputs ?? outputs);
    const s3 = ctx.clients.s3();
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), ctx.sendOptions);
    const tagging = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }), ctx.sendOptions);
    const all = fromTagList(tagging.TagSet);
    const read: Plain = { bucket, key, tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]) };
    for (const k of ["source", "content"]) if (inputs?.[k] !== undefined) read[k] = inputs[k] as PropertyValue;
    if (head.ContentType !== undefined) read["contentType"] = head.ContentType;
    if (head.CacheControl !== undefined) read["cacheControl"] = head.CacheControl;
    const out: Plain = { etag: (head.ETag ?? "").replace(/"/g, ""), tagsAll: all };
    if (head.VersionId !== undefined && head.VersionId !== "null") out["versionId"] = head.VersionId;
    return { id: key, inputs: read, outputs: out };
  },
  async update(ctx, { id, news, changed }) {
    const bodyChanged = ["source", "content", "contentType", "cacheControl"].some((k) => changed.has(k));
    if (bodyChanged) return upload(ctx, news);
    if (!changed.has("tagsAll")) return;
    const s3 = ctx.clients.s3();
    const tags = strMap(news["tagsAll"]);
    const target = { Bucket: str(news["bucket"]), Key: id };
    if (Object.keys(tags).length === 0) await s3.send(new DeleteObjectTaggingCommand(target), ctx.sendOptions);
    else await s3.send(new PutObjectTaggingCommand({ ...target, Tagging: { TagSet: toTagList(tags) } }), ctx.sendOptions);
  },
  async delete(ctx, { id, inputs }) {
    await ctx.clients.s3().send(new DeleteObjectCommand({ Bucket: str(inputs["bucket"]), Key: id }), ctx.sendOptions);
  },
});
