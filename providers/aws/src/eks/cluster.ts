// aws.eks.Cluster: an EKS control plane (no node groups yet).
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface ClusterVpcConfig {
  /** At least two subnets in different availability zones. */
  subnetIds: Input<Input<string>[]>;
  securityGroupIds?: Input<Input<string>[]>;
  /** Default true. */
  endpointPublicAccess?: Input<boolean>;
  /** Default false. */
  endpointPrivateAccess?: Input<boolean>;
}

export interface ClusterArgs {
  /** The cluster name; auto-named from the resource name when unset. */
  name?: Input<string>;
  /** The IAM role EKS assumes to manage the cluster. */
  roleArn: Input<string>;
  /** The Kubernetes version ("1.31"); AWS's default when unset. A change upgrades in place. */
  version?: Input<string>;
  vpcConfig: Input<ClusterVpcConfig>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = [
  "name", "roleArn", "version", "vpcConfig", "tags", "arn", "endpoint", "certificateAuthority", "status", "platformVersion", "tagsAll",
] as const;

export class Cluster extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly roleArn: Output<string>;
  declare readonly version: Output<string>;
  declare readonly vpcConfig: Output<{ subnetIds: string[]; securityGroupIds?: string[]; endpointPublicAccess?: boolean; endpointPrivateAccess?: boolean }>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  /** The Kubernetes API server URL. */
  declare readonly endpoint: Output<string>;
  /** The cluster's certificate authority, base64-encoded PEM in `data`. */
  declare readonly certificateAuthority: Output<{ data: string }>;
  declare readonly status: Output<string>;
  declare readonly platformVersion: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: ClusterArgs, opts: CustomResourceOptions = {}) {
    super("aws:eks/cluster:Cluster", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing EKS cluster by its name into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<ClusterArgs> = {}, opts: CustomResourceOptions = {}): Cluster {
    return new Cluster(name, state as ClusterArgs, { ...opts, id });
  }
}
