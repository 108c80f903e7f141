// aws:ebs/volume:Volume — an EBS volume in one availability zone. Size, type, iops and throughput
// change in place (ModifyVolume); zone, encryption, KMS key and snapshot replace it.
import { CreateVolumeCommand, DeleteVolumeCommand, DescribeVolumesCommand, ModifyVolumeCommand, type Volume } from "@aws-sdk/client-ec2";
import type { CheckFailure } from "@cairn/protocol";
import { ec2AccountId } from "../ec2-account.js";
import { ec2Arn, tagSpecifications, updateEc2Tags } from "../ec2-support.js";
import { unsetComputedAsOutputs } from "../unset-computed.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { fromTagList, userTags } from "../tags.js";
import { bool, num, str, type Plain } from "../values.js";

async function describe(ctx: ResourceContext, id: string): Promise<Volume | undefined> {
  const res = await ctx.clients.ec2().send(new DescribeVolumesCommand({ VolumeIds: [id] }), ctx.sendOptions);
  return res.Volumes?.[0];
}

const VOLUME_TYPES = ["standard", "gp2", "gp3", "io1", "io2", "sc1", "st1"] as const;

export const ebsVolume = defineResource({
  type: "aws:ebs/volume:Volume",
  inputs: {
    availabilityZone: { kind: "string", required: true, forceNew: true },
    size: { kind: "number", computed: true },
    type: { kind: "string", computed: true, oneOf: VOLUME_TYPES },
    iops: { kind: "number", computed: true },
    throughput: { kind: "number", computed: true },
    encrypted: { kind: "boolean", forceNew: true, computed: true },
    kmsKeyId: { kind: "string", forceNew: true, computed: true },
    snapshotId: { kind: "string", forceNew: true, computed: true },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "tagsAll"],
  tags: true,
  notFound: ["InvalidVolume.NotFound"],
  validate(inputs) {
    const failures: CheckFailure[] = [];
    if (inputs["size"] === undefined && inputs["snapshotId"] === undefined) failures.push({ property: "size", reason: "set size (GiB) or snapshotId" });
    const t = str(inputs["type"]);
    if (inputs["iops"] !== undefined && t !== undefined && !["io1", "io2", "gp3"].includes(t)) {
      failures.push({ property: "iops", reason: `iops applies to io1, io2 and gp3 volumes, not ${t}` });
    }
    return failures;
  },

  async create(ctx, inputs) {
    const res = await ctx.clients.ec2().send(
      new CreateVolumeCommand({
        AvailabilityZone: str(inputs["availabilityZone"]), Size: num(inputs["size"]), VolumeType: str(inputs["type"]) as never,
        Iops: num(inputs["iops"]), Throughput: num(inputs["throughput"]), Encrypted: bool(inputs["encrypted"]),
        KmsKeyId: str(inputs["kmsKeyId"]), SnapshotId: str(inputs["snapshotId"]), TagSpecifications: tagSpecifications("volume", inputs),
      }),
      ctx.sendOptions,
    );
    const id = res.VolumeId as string;
    ctx.created(id);
    await ctx.waitFor({ what: `volume ${id} to become available`, done: async () => (await describe(ctx, id))?.State === "available" });
    return id;
  },
  async read(ctx, { id, inputs, outputs }) {
    const v = await describe(ctx, id);
    if (v === undefined || v.State === "deleted" || v.State === "deleting") return undefined;
    const all = fromTagList(v.Tags);
    const read: Plain = {
      availabilityZone: v.AvailabilityZone ?? "", size: v.Size ?? 0, type: v.VolumeType ?? "", encrypted: v.Encrypted === true,
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    if (v.Iops !== undefined) read["iops"] = v.Iops;
    if (v.Throughput !== undefined) read["throughput"] = v.Throughput;
    if (v.KmsKeyId !== undefined && v.KmsKeyId !== "") read["kmsKeyId"] = v.KmsKeyId;
    if (v.SnapshotId !== undefined && v.SnapshotId !== "") read["snapshotId"] = v.SnapshotId;
    const owner = await ec2AccountId(ctx, outputs?.["arn"]);
    return unsetComputedAsOutputs(ebsVolume.inputs, { inputs: read, outputs: { arn: ec2Arn(ctx, owner, "volume", id), tagsAll: all } }, inputs);
  },
  async update(ctx, { id, olds, news, changed }) {
    if (["size", "type", "iops", "throughput"].some((k) => changed.has(k))) {
      await ctx.clients.ec2().send(
        new ModifyVolumeCommand({
          VolumeId: id,
          ...(changed.has("size") ? { Size: num(news["size"]) } : {}),
          ...(changed.has("type") ? { VolumeType: str(news["type"]) as never } : {}),
          ...(changed.has("iops") ? { Iops: num(news["iops"]) } : {}),
          ...(changed.has("throughput") ? { Throughput: num(news["throughput"]) } : {}),
        }),
        ctx.sendOptions,
      );
      await ctx.waitFor({ what: `volume ${id} modification`, done: async () => ["available", "in-use"].includes((await describe(ctx, id))?.State ?? "") });
    }
    if (changed.has("tagsAll")) await updateEc2Tags(ctx, id, olds, news);
  },
  async delete(ctx, { id }) {
    await ctx.clients.ec2().send(new DeleteVolumeCommand({ VolumeId: id }), ctx.sendOptions);
  },
});
