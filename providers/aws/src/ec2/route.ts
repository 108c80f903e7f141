// aws.ec2.Route: one route in a route table.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";
import type { RouteTargets } from "./route-targets.js";

export interface RouteArgs extends RouteTargets {
  routeTableId: Input<string>;
  destinationCidrBlock?: Input<string>;
  destinationIpv6CidrBlock?: Input<string>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["routeTableId", "destinationCidrBlock", "destinationIpv6CidrBlock", "gatewayId", "natGatewayId", "origin", "state"] as const;

export class Route extends CustomResource {
  declare readonly routeTableId: Output<string>;
  declare readonly destinationCidrBlock: Output<string | undefined>;
  declare readonly destinationIpv6CidrBlock: Output<string | undefined>;
  declare readonly gatewayId: Output<string | undefined>;
  declare readonly natGatewayId: Output<string | undefined>;
  declare readonly origin: Output<string>;
  declare readonly state: Output<string>;

  constructor(name: string, args: RouteArgs, opts: CustomResourceOptions = {}) {
    super("aws:ec2/route:Route", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Route by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<RouteArgs> = {}, opts: CustomResourceOptions = {}): Route {
    return new Route(name, state as RouteArgs, { ...opts, id });
  }
}
