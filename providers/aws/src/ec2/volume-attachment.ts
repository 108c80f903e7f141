// aws.ec2.VolumeAttachment: an EBS volume attached to an instance at a device name.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface VolumeAttachmentArgs {
  /** The device name on the instance, e.g. "/dev/sdh". */
  deviceName: Input<string>;
  instanceId: Input<string>;
  volumeId: Input<string>;
  /** Detach with Force on delete. */
  forceDetach?: Input<boolean>;
  /** Leave the volume attached when the resource is deleted. */
  skipDestroy?: Input<boolean>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["deviceName", "instanceId", "volumeId", "forceDetach", "skipDestroy"] as const;

export class VolumeAttachment extends CustomResource {
  declare readonly deviceName: Output<string>;
  declare readonly instanceId: Output<string>;
  declare readonly volumeId: Output<string>;
  declare readonly forceDetach: Output<boolean | undefined>;
  declare readonly skipDestroy: Output<boolean | undefined>;

  constructor(name: string, args: VolumeAttachmentArgs, opts: CustomResourceOptions = {}) {
    super("aws:ec2/volumeAttachment:VolumeAttachment", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing VolumeAttachment by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<VolumeAttachmentArgs> = {}, opts: CustomResourceOptions = {}): VolumeAttachment {
    return new VolumeAttachment(name, state as VolumeAttachmentArgs, { ...opts, id });
  }
}
