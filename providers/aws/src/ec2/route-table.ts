// aws.ec2.RouteTable: a route table of a VPC with optional inline routes.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";
import type { RouteTargets } from "./route-targets.js";

export interface RouteTableRoute extends RouteTargets {
  cidrBlock?: Input<string>;
  ipv6CidrBlock?: Input<string>;
}

export interface RouteTableArgs {
  vpcId: Input<string>;
  /** Inline routes; when unset the table's routes are left to aws.ec2.Route resources. */
  routes?: Input<Input<RouteTableRoute>[]>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["vpcId", "routes", "tags", "arn", "ownerId", "tagsAll"] as const;

export class RouteTable extends CustomResource {
  declare readonly vpcId: Output<string>;
  declare readonly routes: Output<Record<string, string>[]>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly ownerId: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: RouteTableArgs, opts: CustomResourceOptions = {}) {
    super("aws:ec2/routeTable:RouteTable", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing RouteTable by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<RouteTableArgs> = {}, opts: CustomResourceOptions = {}): RouteTable {
    return new RouteTable(name, state as RouteTableArgs, { ...opts, id });
  }
}
