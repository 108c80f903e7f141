// aws.ec2.RouteTableAssociation: associates a subnet or gateway with a route table.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";

export interface RouteTableAssociationArgs {
  routeTableId: Input<string>;
  subnetId?: Input<string>;
  gatewayId?: Input<string>;
}

export class RouteTableAssociation extends CustomResource {
  declare readonly routeTableId: Output<string>;
  declare readonly subnetId: Output<string | undefined>;
  declare readonly gatewayId: Output<string | undefined>;

  constructor(name: string, args: RouteTableAssociationArgs, opts: CustomResourceOptions = {}) {
    super("aws:ec2/routeTableAssociation:RouteTableAssociation", name, { subnetId: undefined, gatewayId: undefined, ...args }, opts);
  }
}
