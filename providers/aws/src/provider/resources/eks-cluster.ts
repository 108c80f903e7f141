// aws:eks/cluster:Cluster — an EKS control plane. ID = the cluster name. The Kubernetes version
// (UpdateClusterVersion), the VPC config (UpdateClusterConfig: subnets and security groups in one
// update, endpoint access in another, as AWS runs one update at a time) and tags update in place;
// name and role replace it. Create and every update wait for ACTIVE; delete waits until it is gone.
import {
  CreateClusterCommand, DeleteClusterCommand, DescribeClusterCommand, DescribeUpdateCommand, TagResourceCommand, UntagResourceCommand,
  UpdateClusterConfigCommand, UpdateClusterVersionCommand, type Cluster, type Update, type VpcConfigRequest,
} from "@aws-sdk/client-eks";
import { CairnError, ErrorCodes, isUnknown, type CheckFailure, type PropertyValue } from "@cairn/protocol";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { sameStringSet } from "../string-sets.js";
import { tagChanges, userTags } from "../tags.js";
import { bool, obj, str, strList, strMap, type Plain } from "../values.js";

async function describe(ctx: ResourceContext, name: string): Promise<Cluster | undefined> {
  return (await ctx.clients.eks().send(new DescribeClusterCommand({ name }), ctx.sendOptions)).cluster;
}

function waitActive(ctx: ResourceContext, name: string): Promise<void> {
  return ctx.waitFor({
    what: `EKS cluster ${name} to become ACTIVE`, intervalMs: 5_000,
    done: async () => {
      const status = (await describe(ctx, name))?.status;
      if (status === "FAILED") {
        throw new CairnError({ code: ErrorCodes.ProviderError, source: "provider", urn: ctx.urn, message: `EKS cluster ${name} (${ctx.urn}) reached status FAILED`, hint: "see the cluster's health in the EKS console, delete it and try again" });
      }
      return status === "ACTIVE";
    },
  });
}

/** Waits for an update AWS reports (real EKS returns one; an emulator may not), then for ACTIVE. */
async function waitUpdate(ctx: ResourceContext, name: string, update: Update | undefined): Promise<void> {
  const updateId = update?.id;
  if (updateId !== undefined) {
    await ctx.waitFor({
      what: `EKS cluster ${name} update ${updateId} to finish`, intervalMs: 5_000,
      done: async () => {
        const u = (await ctx.clients.eks().send(new DescribeUpdateCommand({ name, updateId }), ctx.sendOptions)).update;
        if (u?.status === "Failed" || u?.status === "Cancelled") {
          const why = (u.errors ?? []).map((e) => `${e.errorCode ?? ""}: ${e.errorMessage ?? ""}`).join("; ");
          throw new CairnError({ code: ErrorCodes.ProviderError, source: "provider", urn: ctx.urn, message: `EKS update ${updateId} of cluster ${name} (${ctx.urn}) ${u.status.toLowerCase()}: ${why}` });
        }
        return u?.status === "Successful";
      },
    });
  }
  await waitActive(ctx, name);
}

interface VpcConfig {
  subnetIds: string[];
  securityGroupIds: string[];
  endpointPublicAccess: boolean;
  endpointPrivateAccess: boolean;
}

/** The VPC config with EKS's defaults filled in (public endpoint on, private off). */
function vpcConfigOf(v: PropertyValue | undefined): VpcConfig {
  const o = obj(v) ?? {};
  return {
    subnetIds: strList(o["subnetIds"]), securityGroupIds: strList(o["securityGroupIds"]),
    endpointPublicAccess: bool(o["endpointPublicAccess"]) ?? true, endpointPrivateAccess: bool(o["endpointPrivateAccess"]) ?? false,
  };
}

/** True when the value holds an unknown (preview) anywhere. */
function hasUnknown(v: PropertyValue | undefined): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(hasUnknown);
  return v !== null && typeof v === "object" && Object.values(v).some((x) => hasUnknown(x as PropertyValue));
}

function vpcConfigEqual(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  if (hasUnknown(a) || hasUnknown(b)) return false;
  const x = vpcConfigOf(a);
  const y = vpcConfigOf(b);
  return sameStringSet(x.subnetIds, y.subnetIds) && sameStringSet(x.securityGroupIds, y.securityGroupIds)
    && x.endpointPublicAccess === y.endpointPublicAccess && x.endpointPrivateAccess === y.endpointPrivateAccess;
}

function validate(inputs: Plain): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const name = str(inputs["name"]);
  if (name !== undefined && !/^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/.test(name)) {
    failures.push({ property: "name", reason: `name ${JSON.stringify(name)} must be 1-100 letters, digits, hyphens and underscores, starting with a letter or digit` });
  }
  const vpc = obj(inputs["vpcConfig"]);
  if (vpc !== undefined && Array.isArray(vpc["subnetIds"]) && vpc["subnetIds"].length < 2) {
    failures.push({ property: "vpcConfig.subnetIds", reason: "vpcConfig.subnetIds must name at least two subnets in different availability zones" });
  }
  if (vpc !== undefined && vpc["endpointPublicAccess"] === false && vpc["endpointPrivateAccess"] !== true) {
    failures.push({ property: "vpcConfig.endpointPrivateAccess", reason: "at least one of vpcConfig.endpointPublicAccess and vpcConfig.endpointPrivateAccess must be true" });
  }
  return failures;
}

export const eksCluster = defineResource({
  type: "aws:eks/cluster:Cluster",
  inputs: {
    name: { kind: "string", forceNew: true },
    roleArn: { kind: "string", required: true, forceNew: true },
    version: { kind: "string", computed: true },
    vpcConfig: {
      kind: "object", required: true, equal: vpcConfigEqual,
      fields: {
        subnetIds: { kind: "stringList", required: true },
        securityGroupIds: { kind: "stringList" },
        endpointPublicAccess: { kind: "boolean" },
        endpointPrivateAccess: { kind: "boolean" },
      },
    },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "endpoint", "certificateAuthority", "status", "platformVersion", "tagsAll"],
  naming: { property: "name", maxLength: 100 },
  tags: true,
  notFound: ["ResourceNotFoundException"],
  validate,

  async create(ctx, inputs) {
    const name = str(inputs["name"]) as string;
    const tags = strMap(inputs["tagsAll"]);
    const vpc = vpcConfigOf(inputs["vpcConfig"]);
    await ctx.clients.eks().send(new CreateClusterCommand({
      name, roleArn: str(inputs["roleArn"]), version: str(inputs["version"]),
      resourcesVpcConfig: { ...vpc, ...(vpc.securityGroupIds.length === 0 ? { securityGroupIds: undefined } : {}) },
      ...(Object.keys(tags).length > 0 ? { tags } : {}),
    }), ctx.sendOptions);
    ctx.created(name);
    await waitActive(ctx, name);
    return name;
  },
  async read(ctx, { id, inputs }) {
    const c = await describe(ctx, id);
    if (c === undefined) return undefined;
    const all = c.tags ?? {};
    const v = c.resourcesVpcConfig;
    const read: Plain = {
      name: c.name ?? id,
      roleArn: c.roleArn ?? "",
      version: c.version ?? "",
      vpcConfig: {
        subnetIds: v?.subnetIds ?? [], securityGroupIds: v?.securityGroupIds ?? [],
        endpointPublicAccess: v?.endpointPublicAccess ?? true, endpointPrivateAccess: v?.endpointPrivateAccess ?? false,
      },
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    const outputs: Plain = {
      arn: c.arn ?? "", endpoint: c.endpoint ?? "", certificateAuthority: { data: c.certificateAuthority?.data ?? "" },
      status: c.status ?? "", platformVersion: c.platformVersion ?? "", tagsAll: all,
    };
    return { inputs: read, outputs };
  },
  async update(ctx, { id, olds, news, changed }) {
    const eks = ctx.clients.eks();
    if (changed.has("version") && str(news["version"]) !== undefined) {
      const res = await eks.send(new UpdateClusterVersionCommand({ name: id, version: str(news["version"]) }), ctx.sendOptions);
      await waitUpdate(ctx, id, res.update);
    }
    if (changed.has("vpcConfig")) {
      const before = vpcConfigOf(olds["vpcConfig"]);
      const after = vpcConfigOf(news["vpcConfig"]);
      const updates: VpcConfigRequest[] = [];
      if (!sameStringSet(before.subnetIds, after.subnetIds) || !sameStringSet(before.securityGroupIds, after.securityGroupIds)) {
        updates.push({ subnetIds: after.subnetIds, securityGroupIds: after.securityGroupIds });
      }
      if (before.endpointPublicAccess !== after.endpointPublicAccess || before.endpointPrivateAccess !== after.endpointPrivateAccess) {
        updates.push({ endpointPublicAccess: after.endpointPublicAccess, endpointPrivateAccess: after.endpointPrivateAccess });
      }
      for (const resourcesVpcConfig of updates) {
        const res = await eks.send(new UpdateClusterConfigCommand({ name: id, resourcesVpcConfig }), ctx.sendOptions);
        await waitUpdate(ctx, id, res.update);
      }
    }
    if (changed.has("tagsAll")) {
      const arn = (await describe(ctx, id))?.arn;
      const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
      if (remove.length > 0) await eks.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: remove }), ctx.sendOptions);
      if (Object.keys(set).length > 0) await eks.send(new TagResourceCommand({ resourceArn: arn, tags: set }), ctx.sendOptions);
    }
  },
  async delete(ctx, { id }) {
    await ctx.clients.eks().send(new DeleteClusterCommand({ name: id }), ctx.sendOptions);
  },
});
