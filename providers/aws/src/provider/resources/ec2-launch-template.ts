// aws:ec2/launchTemplate:LaunchTemplate — an EC2 launch template. A changed template field makes a
// new version (and the default one with updateDefaultVersion); defaultVersion and tags update in
// place; the name replaces it. Read shows the latest version's data.
import {
  CreateLaunchTemplateCommand, CreateLaunchTemplateVersionCommand, DeleteLaunchTemplateCommand, DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand, DescribeTagsCommand, ModifyLaunchTemplateCommand, type RequestLaunchTemplateData,
} from "@aws-sdk/client-ec2";
import { ec2Arn, tagSpecifications, updateEc2Tags } from "../ec2-support.js";
import { unsetComputedAsOutputs } from "../unset-computed.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { sameStringSet } from "../string-sets.js";
import { fromTagList, userTags } from "../tags.js";
import { bool, num, str, strList, type Plain } from "../values.js";

/** Inputs that are template data: changing any makes a new version. */
const DATA_FIELDS = ["description", "imageId", "instanceType", "keyName", "userData", "vpcSecurityGroupIds"] as const;

function templateData(inputs: Plain): RequestLaunchTemplateData {
  const groups = strList(inputs["vpcSecurityGroupIds"]);
  return {
    ImageId: str(inputs["imageId"]), InstanceType: str(inputs["instanceType"]) as never, KeyName: str(inputs["keyName"]),
    UserData: str(inputs["userData"]), ...(groups.length > 0 ? { SecurityGroupIds: groups } : {}),
  };
}

async function describe(ctx: ResourceContext, id: string) {
  const res = await ctx.clients.ec2().send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [id] }), ctx.sendOptions);
  return res.LaunchTemplates?.[0];
}

export const ec2LaunchTemplate = defineResource({
  type: "aws:ec2/launchTemplate:LaunchTemplate",
  inputs: {
    name: { kind: "string", forceNew: true },
    namePrefix: { kind: "string", forceNew: true },
    description: { kind: "string" },
    imageId: { kind: "string" },
    instanceType: { kind: "string" },
    keyName: { kind: "string" },
    userData: { kind: "string" },
    vpcSecurityGroupIds: { kind: "stringList", equal: sameStringSet },
    updateDefaultVersion: { kind: "boolean" },
    defaultVersion: { kind: "number", computed: true },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "latestVersion", "tagsAll"],
  naming: { property: "name", prefixProperty: "namePrefix", maxLength: 128 },
  tags: true,
  notFound: ["InvalidLaunchTemplateId.NotFound", "InvalidLaunchTemplateId.Malformed", "InvalidLaunchTemplateName.NotFoundException"],
  validate(inputs) {
    if (bool(inputs["updateDefaultVersion"]) === true && inputs["defaultVersion"] !== undefined) {
      return [{ property: "defaultVersion", reason: "set either defaultVersion or updateDefaultVersion, not both" }];
    }
    return [];
  },

  async create(ctx, inputs) {
    const res = await ctx.clients.ec2().send(
      new CreateLaunchTemplateCommand({
        LaunchTemplateName: str(inputs["name"]), VersionDescription: str(inputs["description"]), LaunchTemplateData: templateData(inputs),
        TagSpecifications: tagSpecifications("launch-template", inputs),
      }),
      ctx.sendOptions,
    );
    return res.LaunchTemplate?.LaunchTemplateId as string;
  },
  async read(ctx, { id, inputs }) {
    const lt = await describe(ctx, id);
    if (lt === undefined) return undefined;
    const latest = lt.LatestVersionNumber ?? 1;
    const versions = await ctx.clients.ec2().send(
      new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: id, Versions: [String(latest)] }),
      ctx.sendOptions,
    );
    const v = versions.LaunchTemplateVersions?.[0];
    const data = v?.LaunchTemplateData ?? {};
    // DescribeTags gives the current tags (moto's DescribeLaunchTemplates keeps those set at creation).
    const tagged = await ctx.clients.ec2().send(new DescribeTagsCommand({ Filters: [{ Name: "resource-id", Values: [id] }] }), ctx.sendOptions);
    const all = fromTagList(tagged.Tags);
    const read: Plain = { name: lt.LaunchTemplateName ?? "", defaultVersion: lt.DefaultVersionNumber ?? 1, tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]) };
    const set = (k: string, val: string | undefined) => {
      if (val !== undefined && val !== "") read[k] = val;
    };
    set("description", v?.VersionDescription);
    set("imageId", data.ImageId);
    set("instanceType", data.InstanceType);
    set("keyName", data.KeyName);
    set("userData", data.UserData);
    if ((data.SecurityGroupIds ?? []).length > 0) read["vpcSecurityGroupIds"] = data.SecurityGroupIds ?? [];
    for (const k of ["namePrefix", "updateDefaultVersion"]) if (inputs?.[k] !== undefined) read[k] = inputs[k]!;
    const account = (lt.CreatedBy ?? "").split(":")[4];
    const result = { inputs: read, outputs: { arn: ec2Arn(ctx, account, "launch-template", id), latestVersion: latest, tagsAll: all } };
    return unsetComputedAsOutputs(ec2LaunchTemplate.inputs, result, inputs);
  },
  async update(ctx, { id, olds, news, changed }) {
    const ec2 = ctx.clients.ec2();
    let newVersion: number | undefined;
    if (DATA_FIELDS.some((k) => changed.has(k))) {
      const res = await ec2.send(
        new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: id, VersionDescription: str(news["description"]), LaunchTemplateData: templateData(news) }),
        ctx.sendOptions,
      );
      newVersion = res.LaunchTemplateVersion?.VersionNumber;
    }
    const wanted = bool(news["updateDefaultVersion"]) === true ? newVersion : changed.has("defaultVersion") ? num(news["defaultVersion"]) : undefined;
    if (wanted !== undefined) {
      await ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: id, DefaultVersion: String(wanted) }), ctx.sendOptions);
    }
    if (changed.has("tagsAll")) await updateEc2Tags(ctx, id, olds, news);
  },
  async delete(ctx, { id }) {
    await ctx.clients.ec2().send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: id }), ctx.sendOptions);
  },
});
