// aws.ecs.Cluster: an ECS cluster.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

/** A cluster setting: `{ name: "containerInsights", value: "enabled" | "disabled" | "enhanced" }`. */
export interface ClusterSetting {
  name: Input<string>;
  value: Input<string>;
}

export interface ClusterArgs {
  /** The cluster name; auto-named from the resource name when unset. */
  name?: Input<string>;
  settings?: Input<Input<ClusterSetting>[]>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["name", "settings", "tags", "arn", "tagsAll"] as const;

export class Cluster extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly settings: Output<{ name: string; value: string }[]>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: ClusterArgs = {}, opts: CustomResourceOptions = {}) {
    super("aws:ecs/cluster:Cluster", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Cluster by its ARN (or name) into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<ClusterArgs> = {}, opts: CustomResourceOptions = {}): Cluster {
    return new Cluster(name, state as ClusterArgs, { ...opts, id });
  }
}
