// aws.ebs.Volume: an EBS volume; size, type, iops and throughput change in place.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface VolumeArgs {
  availabilityZone: Input<string>;
  /** Size in GiB (required unless snapshotId is set). */
  size?: Input<number>;
  /** "gp2", "gp3", "io1", "io2", "st1", "sc1" or "standard". */
  type?: Input<string>;
  iops?: Input<number>;
  throughput?: Input<number>;
  encrypted?: Input<boolean>;
  kmsKeyId?: Input<string>;
  snapshotId?: Input<string>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["availabilityZone", "size", "type", "iops", "throughput", "encrypted", "kmsKeyId", "snapshotId", "tags", "arn", "tagsAll"] as const;

export class Volume extends CustomResource {
  declare readonly availabilityZone: Output<string>;
  declare readonly size: Output<number>;
  declare readonly type: Output<string>;
  declare readonly iops: Output<number>;
  declare readonly throughput: Output<number>;
  declare readonly encrypted: Output<boolean>;
  declare readonly kmsKeyId: Output<string>;
  declare readonly snapshotId: Output<string>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: VolumeArgs, opts: CustomResourceOptions = {}) {
    super("aws:ebs/volume:Volume", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Volume by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<VolumeArgs> = {}, opts: CustomResourceOptions = {}): Volume {
    return new Volume(name, state as VolumeArgs, { ...opts, id });
  }
}
