// aws.autoscaling.Group: an Auto Scaling group launching from a launch template.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

/** The launch template: by ID or by name, and a version ("$Latest", "$Default" (default) or a number). */
export interface GroupLaunchTemplate {
  id?: Input<string>;
  name?: Input<string>;
  version?: Input<string>;
}

export interface GroupTag {
  key: Input<string>;
  value: Input<string>;
  propagateAtLaunch: Input<boolean>;
}

export interface GroupArgs {
  /** The group name; auto-named from the resource name when unset. */
  name?: Input<string>;
  namePrefix?: Input<string>;
  launchTemplate: Input<GroupLaunchTemplate>;
  minSize: Input<number>;
  maxSize: Input<number>;
  desiredCapacity?: Input<number>;
  /** Subnet IDs to launch in. */
  vpcZoneIdentifiers?: Input<Input<string>[]>;
  availabilityZones?: Input<Input<string>[]>;
  healthCheckType?: Input<string>;
  healthCheckGracePeriod?: Input<number>;
  /** Delete without scaling to zero and waiting for the instances first. */
  forceDelete?: Input<boolean>;
  tags?: Input<Input<GroupTag>[]>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["name", "namePrefix", "launchTemplate", "minSize", "maxSize", "desiredCapacity", "vpcZoneIdentifiers", "availabilityZones", "healthCheckType", "healthCheckGracePeriod", "forceDelete", "tags", "arn"] as const;

export class Group extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly namePrefix: Output<string | undefined>;
  declare readonly launchTemplate: Output<{ id: string; name: string; version: string }>;
  declare readonly minSize: Output<number>;
  declare readonly maxSize: Output<number>;
  declare readonly desiredCapacity: Output<number>;
  declare readonly vpcZoneIdentifiers: Output<string[]>;
  declare readonly availabilityZones: Output<string[]>;
  declare readonly healthCheckType: Output<string>;
  declare readonly healthCheckGracePeriod: Output<number>;
  declare readonly forceDelete: Output<boolean>;
  declare readonly tags: Output<{ key: string; value: string; propagateAtLaunch: boolean }[] | undefined>;
  declare readonly arn: Output<string>;

  constructor(name: string, args: GroupArgs, opts: CustomResourceOptions = {}) {
    super("aws:autoscaling/group:Group", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Group by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<GroupArgs> = {}, opts: CustomResourceOptions = {}): Group {
    return new Group(name, state as GroupArgs, { ...opts, id });
  }
}
