// aws.lb.Listener: a load balancer listener and its default actions.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface ListenerDefaultAction {
  /** "forward", "redirect" or "fixed-response". */
  type: Input<string>;
  /** A forward action's single target group. */
  targetGroupArn?: Input<string>;
  order?: Input<number>;
  /** A forward action over several weighted target groups. */
  forward?: Input<{
    targetGroups: Input<Input<{ arn: Input<string>; weight?: Input<number> }>[]>;
    stickiness?: Input<{ enabled?: Input<boolean>; duration: Input<number> }>;
  }>;
  /** Unset parts keep the request's ("#{host}", "/#{path}", ...). statusCode "HTTP_301" or "HTTP_302". */
  redirect?: Input<{
    host?: Input<string>; path?: Input<string>; port?: Input<string>; protocol?: Input<string>; query?: Input<string>; statusCode: Input<string>;
  }>;
  fixedResponse?: Input<{ contentType: Input<string>; messageBody?: Input<string>; statusCode?: Input<string> }>;
}

export interface ListenerArgs {
  loadBalancerArn: Input<string>;
  port?: Input<number>;
  /** Default HTTP on an application load balancer, TCP on a network one. */
  protocol?: Input<string>;
  /** Required for HTTPS and TLS. */
  certificateArn?: Input<string>;
  sslPolicy?: Input<string>;
  defaultActions: Input<Input<ListenerDefaultAction>[]>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["loadBalancerArn", "port", "protocol", "certificateArn", "sslPolicy", "defaultActions", "tags", "arn", "tagsAll"] as const;

export class Listener extends CustomResource {
  declare readonly loadBalancerArn: Output<string>;
  declare readonly port: Output<number | undefined>;
  declare readonly protocol: Output<string>;
  declare readonly certificateArn: Output<string | undefined>;
  declare readonly sslPolicy: Output<string | undefined>;
  declare readonly defaultActions: Output<Record<string, unknown>[]>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: ListenerArgs, opts: CustomResourceOptions = {}) {
    super("aws:lb/listener:Listener", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing listener by its ARN into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<ListenerArgs> = {}, opts: CustomResourceOptions = {}): Listener {
    return new Listener(name, state as ListenerArgs, { ...opts, id });
  }
}
