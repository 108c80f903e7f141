// aws:ecr/repository:Repository — an ECR image repository. ID = repository name. Tag mutability,
// scan-on-push and tags update in place; the name replaces. forceDestroy deletes a repository
// that still holds images.
import {
  CreateRepositoryCommand, DeleteRepositoryCommand, DescribeRepositoriesCommand, ListTagsForResourceCommand, PutImageScanningConfigurationCommand,
  PutImageTagMutabilityCommand, TagResourceCommand, UntagResourceCommand, type ImageTagMutability,
} from "@aws-sdk/client-ecr";
import { defineResource } from "../resource-definition.js";
import { fromTagList, tagChanges, toTagList, userTags } from "../tags.js";
import { bool, obj, str, strMap, type Plain } from "../values.js";

const scanOnPush = (inputs: Plain) => bool(obj(inputs["imageScanningConfiguration"])?.["scanOnPush"]) === true;

export const ecrRepository = defineResource({
  type: "aws:ecr/repository:Repository",
  inputs: {
    name: { kind: "string", forceNew: true },
    imageTagMutability: { kind: "string", default: "MUTABLE", oneOf: ["MUTABLE", "IMMUTABLE"] },
    imageScanningConfiguration: { kind: "object", computed: true, fields: { scanOnPush: { kind: "boolean", required: true } } },
    forceDelete: { kind: "boolean" },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "registryId", "repositoryUrl", "tagsAll"],
  naming: { property: "name", maxLength: 256, lowercase: true },
  tags: true,
  notFound: ["RepositoryNotFoundException"],

  async create(ctx, inputs) {
    const name = str(inputs["name"]) as string;
    const tags = toTagList(strMap(inputs["tagsAll"]));
    await ctx.clients.ecr().send(new CreateRepositoryCommand({
      repositoryName: name, imageTagMutability: str(inputs["imageTagMutability"]) as ImageTagMutability,
      imageScanningConfiguration: { scanOnPush: scanOnPush(inputs) }, ...(tags.length > 0 ? { tags } : {}),
    }), ctx.sendOptions);
    return name;
  },
  async read(ctx, { id, inputs }) {
    const ecr = ctx.clients.ecr();
    const repo = (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [id] }), ctx.sendOptions)).repositories?.[0];
    if (repo === undefined) return undefined;
    const all = fromTagList((await ecr.send(new ListTagsForResourceCommand({ resourceArn: repo.repositoryArn }), ctx.sendOptions)).tags);
    const read: Plain = {
      name: repo.repositoryName ?? id,
      imageTagMutability: repo.imageTagMutability ?? "MUTABLE",
      imageScanningConfiguration: { scanOnPush: repo.imageScanningConfiguration?.scanOnPush ?? false },
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    if (inputs?.["forceDelete"] !== undefined) read["forceDelete"] = inputs["forceDelete"];
    return { inputs: read, outputs: { arn: repo.repositoryArn ?? "", registryId: repo.registryId ?? "", repositoryUrl: repo.repositoryUri ?? "", tagsAll: all } };
  },
  async update(ctx, { id, olds, news, changed }) {
    const ecr = ctx.clients.ecr();
    if (changed.has("imageTagMutability")) {
      await ecr.send(new PutImageTagMutabilityCommand({ repositoryName: id, imageTagMutability: str(news["imageTagMutability"]) as ImageTagMutability }), ctx.sendOptions);
    }
    if (changed.has("imageScanningConfiguration")) {
      await ecr.send(new PutImageScanningConfigurationCommand({ repositoryName: id, imageScanningConfiguration: { scanOnPush: scanOnPush(news) } }), ctx.sendOptions);
    }
    if (changed.has("tagsAll")) {
      const arn = (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [id] }), ctx.sendOptions)).repositories?.[0]?.repositoryArn;
      const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
      if (remove.length > 0) await ecr.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: remove }), ctx.sendOptions);
      if (Object.keys(set).length > 0) await ecr.send(new TagResourceCommand({ resourceArn: arn, tags: toTagList(set) }), ctx.sendOptions);
    }
  },
  async delete(ctx, { id, inputs }) {
    await ctx.clients.ecr().send(new DeleteRepositoryCommand({ repositoryName: id, force: bool(inputs["forceDelete"]) === true }), ctx.sendOptions);
  },
});
