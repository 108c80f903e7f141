// aws.lb.TargetGroupAttachment: one target registered in a target group.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface TargetGroupAttachmentArgs {
  targetGroupArn: Input<string>;
  /** An instance ID, IP address, Lambda function ARN or load balancer ARN. */
  targetId: Input<string>;
  /** Default: the target group's port. */
  port?: Input<number>;
  availabilityZone?: Input<string>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["targetGroupArn", "targetId", "port", "availabilityZone"] as const;

export class TargetGroupAttachment extends CustomResource {
  declare readonly targetGroupArn: Output<string>;
  declare readonly targetId: Output<string>;
  declare readonly port: Output<number | undefined>;
  declare readonly availabilityZone: Output<string | undefined>;

  constructor(name: string, args: TargetGroupAttachmentArgs, opts: CustomResourceOptions = {}) {
    super("aws:lb/targetGroupAttachment:TargetGroupAttachment", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing attachment by `<targetGroupArn>,<targetId>[,<port>]` without managing it. */
  static get(name: string, id: Input<string>, state: Partial<TargetGroupAttachmentArgs> = {}, opts: CustomResourceOptions = {}): TargetGroupAttachment {
    return new TargetGroupAttachment(name, state as TargetGroupAttachmentArgs, { ...opts, id });
  }
}
