// aws.lb.LoadBalancer: an application or network load balancer.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface LoadBalancerArgs {
  /** At most 32 characters; auto-named from the resource name when unset. */
  name?: Input<string>;
  /** At most 6 characters; the rest of the name is random. */
  namePrefix?: Input<string>;
  /** An internal (not internet-facing) load balancer. Default false. */
  internal?: Input<boolean>;
  /** "application" (default) or "network". */
  loadBalancerType?: Input<string>;
  subnets?: Input<Input<string>[]>;
  securityGroups?: Input<Input<string>[]>;
  /** "ipv4" or "dualstack". */
  ipAddressType?: Input<string>;
  /** Seconds a connection may idle (application load balancers; AWS's default 60). */
  idleTimeout?: Input<number>;
  /** Default false. */
  enableDeletionProtection?: Input<boolean>;
  /** HTTP/2 on an application load balancer (AWS's default true). */
  enableHttp2?: Input<boolean>;
  /** Cross-zone load balancing of a network load balancer (AWS's default false). */
  enableCrossZoneLoadBalancing?: Input<boolean>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = [
  "name", "namePrefix", "internal", "loadBalancerType", "subnets", "securityGroups", "ipAddressType", "idleTimeout", "enableDeletionProtection", "enableHttp2",
  "enableCrossZoneLoadBalancing", "tags", "arn", "arnSuffix", "dnsName", "zoneId", "vpcId", "tagsAll",
] as const;

export class LoadBalancer extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly namePrefix: Output<string | undefined>;
  declare readonly internal: Output<boolean>;
  declare readonly loadBalancerType: Output<string>;
  declare readonly subnets: Output<string[]>;
  declare readonly securityGroups: Output<string[]>;
  declare readonly ipAddressType: Output<string>;
  declare readonly idleTimeout: Output<number | undefined>;
  declare readonly enableDeletionProtection: Output<boolean>;
  declare readonly enableHttp2: Output<boolean | undefined>;
  declare readonly enableCrossZoneLoadBalancing: Output<boolean | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  /** The ARN after "loadbalancer/" ("app/web/50dc6c495c0c9188"), as CloudWatch metrics name it. */
  declare readonly arnSuffix: Output<string>;
  declare readonly dnsName: Output<string>;
  /** The canonical hosted zone ID, for Route 53 alias records. */
  declare readonly zoneId: Output<string>;
  declare readonly vpcId: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: LoadBalancerArgs = {}, opts: CustomResourceOptions = {}) {
    super("aws:lb/loadBalancer:LoadBalancer", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing load balancer by its ARN into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<LoadBalancerArgs> = {}, opts: CustomResourceOptions = {}): LoadBalancer {
    return new LoadBalancer(name, state as LoadBalancerArgs, { ...opts, id });
  }
}
