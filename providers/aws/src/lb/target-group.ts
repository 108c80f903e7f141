// aws.lb.TargetGroup: a target group that listeners forward to.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

/** Health check settings; unset fields take AWS's defaults. */
export interface TargetGroupHealthCheck {
  enabled?: Input<boolean>;
  path?: Input<string>;
  /** "traffic-port" (default) or a port number as a string. */
  port?: Input<string>;
  protocol?: Input<string>;
  interval?: Input<number>;
  timeout?: Input<number>;
  healthyThreshold?: Input<number>;
  unhealthyThreshold?: Input<number>;
  /** HTTP codes counted healthy ("200", "200-299"). */
  matcher?: Input<string>;
}

/** The health check as AWS applies it. */
export interface TargetGroupHealthCheckState {
  enabled: boolean;
  path?: string;
  port: string;
  protocol?: string;
  interval: number;
  timeout: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  matcher?: string;
}

/** Session stickiness; unset fields take AWS's defaults. */
export interface TargetGroupStickiness {
  /** Default true. */
  enabled?: Input<boolean>;
  /** "lb_cookie", "app_cookie", "source_ip", "source_ip_dest_ip" or "source_ip_dest_ip_proto". */
  type: Input<string>;
  /** Seconds (cookie types). */
  cookieDuration?: Input<number>;
  /** The application's cookie ("app_cookie"). */
  cookieName?: Input<string>;
}

export interface TargetGroupArgs {
  /** At most 32 characters; auto-named from the resource name when unset. */
  name?: Input<string>;
  /** At most 6 characters. */
  namePrefix?: Input<string>;
  /** Required unless targetType is "lambda". */
  port?: Input<number>;
  protocol?: Input<string>;
  vpcId?: Input<string>;
  /** "instance" (default), "ip", "lambda" or "alb". */
  targetType?: Input<string>;
  healthCheck?: Input<TargetGroupHealthCheck>;
  /** Seconds a deregistering target drains. Default 300. */
  deregistrationDelay?: Input<number>;
  stickiness?: Input<TargetGroupStickiness>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = [
  "name", "namePrefix", "port", "protocol", "vpcId", "targetType", "healthCheck", "deregistrationDelay", "stickiness", "tags",
  "arn", "arnSuffix", "loadBalancerArns", "tagsAll",
] as const;

export class TargetGroup extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly namePrefix: Output<string | undefined>;
  declare readonly port: Output<number | undefined>;
  declare readonly protocol: Output<string | undefined>;
  declare readonly vpcId: Output<string | undefined>;
  declare readonly targetType: Output<string>;
  declare readonly healthCheck: Output<TargetGroupHealthCheckState>;
  declare readonly deregistrationDelay: Output<number>;
  declare readonly stickiness: Output<{ enabled: boolean; type: string; cookieDuration?: number; cookieName?: string }>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  /** The ARN from "targetgroup/" on, as CloudWatch metrics name it. */
  declare readonly arnSuffix: Output<string>;
  declare readonly loadBalancerArns: Output<string[]>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: TargetGroupArgs = {}, opts: CustomResourceOptions = {}) {
    super("aws:lb/targetGroup:TargetGroup", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing target group by its ARN into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<TargetGroupArgs> = {}, opts: CustomResourceOptions = {}): TargetGroup {
    return new TargetGroup(name, state as TargetGroupArgs, { ...opts, id });
  }
}
