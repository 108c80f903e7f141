// aws:ec2/volumeAttachment:VolumeAttachment — an EBS volume attached to an instance at a device
// name. Every property replaces it (delete first: a device holds one volume). ID is "vai-<hash>" as
// in Pulumi; import takes "<deviceName>:<volumeId>:<instanceId>".
import { AttachVolumeCommand, DescribeVolumesCommand, DetachVolumeCommand } from "@aws-sdk/client-ec2";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { bool, str, type Plain } from "../values.js";

interface AttachmentKey {
  deviceName: string;
  volumeId: string;
  instanceId: string;
}

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, "utf8")) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Pulumi's attachment ID: "vai-" and a checksum of device, instance and volume. */
export function attachmentId(k: AttachmentKey): string {
  return `vai-${crc32(`${k.deviceName}-${k.instanceId}-${k.volumeId}-`)}`;
}

function keyOf(ctx: ResourceContext, id: string, inputs: Plain | undefined): AttachmentKey {
  const parts = id.split(":");
  if (parts.length === 3 && parts.every((p) => p !== "")) return { deviceName: parts[0]!, volumeId: parts[1]!, instanceId: parts[2]! };
  const deviceName = str(inputs?.["deviceName"]);
  const volumeId = str(inputs?.["volumeId"]);
  const instanceId = str(inputs?.["instanceId"]);
  if (deviceName === undefined || volumeId === undefined || instanceId === undefined) {
    throw new CairnError({
      code: ErrorCodes.InvalidInput, source: "user", urn: ctx.urn,
      message: `volume attachment ID ${JSON.stringify(id)} cannot be read without its device, volume and instance`,
      hint: "import a volume attachment as <deviceName>:<volumeId>:<instanceId>, e.g. /dev/sdh:vol-0123:i-0456",
    });
  }
  return { deviceName, volumeId, instanceId };
}

async function attachmentState(ctx: ResourceContext, k: AttachmentKey): Promise<string | undefined> {
  const res = await ctx.clients.ec2().send(new DescribeVolumesCommand({ VolumeIds: [k.volumeId] }), ctx.sendOptions);
  const a = res.Volumes?.[0]?.Attachments?.find((x) => x.InstanceId === k.instanceId && x.Device === k.deviceName);
  return a?.State;
}

export const ec2VolumeAttachment = defineResource({
  type: "aws:ec2/volumeAttachment:VolumeAttachment",
  inputs: {
    deviceName: { kind: "string", required: true, forceNew: true },
    instanceId: { kind: "string", required: true, forceNew: true },
    volumeId: { kind: "string", required: true, forceNew: true },
    forceDetach: { kind: "boolean" },
    skipDestroy: { kind: "boolean" },
  },
  outputs: [],
  deleteBeforeReplace: true,
  // delete waits itself: with skipDestroy the volume stays attached.
  skipDeleteWait: true,
  notFound: ["InvalidVolume.NotFound", "InvalidAttachment.NotFound", "IncorrectState"],

  async create(ctx, inputs) {
    const k = keyOf(ctx, "", inputs);
    await ctx.clients.ec2().send(new AttachVolumeCommand({ Device: k.deviceName, InstanceId: k.instanceId, VolumeId: k.volumeId }), ctx.sendOptions);
    const id = attachmentId(k);
    ctx.created(id);
    await ctx.waitFor({ what: `volume ${k.volumeId} to attach to ${k.instanceId}`, done: async () => (await attachmentState(ctx, k)) === "attached" });
    return id;
  },
  async read(ctx, { id, inputs }) {
    const k = keyOf(ctx, id, inputs);
    const state = await attachmentState(ctx, k);
    if (state === undefined || state === "detached") return undefined;
    const read: Plain = { deviceName: k.deviceName, instanceId: k.instanceId, volumeId: k.volumeId };
    for (const flag of ["forceDetach", "skipDestroy"]) if (bool(inputs?.[flag]) !== undefined) read[flag] = inputs![flag]!;
    return { id: attachmentId(k), inputs: read, outputs: {} };
  },
  async update() {
    // forceDetach and skipDestroy only change how delete behaves; they are recorded, nothing to do in AWS.
  },
  async delete(ctx, { id, inputs }) {
    if (bool(inputs["skipDestroy"]) === true) return;
    const k = keyOf(ctx, id, inputs);
    await ctx.clients.ec2().send(
      new DetachVolumeCommand({ VolumeId: k.volumeId, InstanceId: k.instanceId, Device: k.deviceName, Force: bool(inputs["forceDetach"]) }),
      ctx.sendOptions,
    );
    await ctx.waitFor({ what: `volume ${k.volumeId} to detach from ${k.instanceId}`, done: async () => ["detached", undefined].includes(await attachmentState(ctx, k)) });
  },
});
