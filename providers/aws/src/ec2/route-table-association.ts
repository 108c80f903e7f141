// aws.ec2.RouteTableAssociation: associates a subnet or gateway with a route table.
import { withOutputs } from "../resource-args.js";
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";

export interface RouteTableAssociationArgs {
  routeTableId: Input<string>;
  subnetId?: Input<string>;
  gatewayId?: Input<string>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["routeTableId", "subnetId", "gatewayId"] as const;

export class RouteTableAssociation extends CustomResource {
  declare readonly routeTableId: Output<string>;
  declare readonly subnetId: Output<string | undefined>;
  declare readonly gatewayId: Output<string | undefined>;

  constructor(name: string, args: RouteTableAssociationArgs, opts: CustomResourceOptions = {}) {
    super("aws:ec2/routeTableAssociation:RouteTableAssociation", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing RouteTableAssociation by its ID into the program without managing it (Pulumi's `get`). */
  static get(name: string, id: Input<string>, state: Partial<RouteTableAssociationArgs> = {}, opts: CustomResourceOptions = {}): RouteTableAssociation {
    return new RouteTableAssociation(name, state as RouteTableAssociationArgs, { ...opts, id });
  }
}
