// Route targets shared by aws.ec2.Route and RouteTable's inline routes.
import type { Input } from "@cairn/sdk";

export interface RouteTargets {
  gatewayId?: Input<string>;
  natGatewayId?: Input<string>;
  networkInterfaceId?: Input<string>;
  transitGatewayId?: Input<string>;
  vpcPeeringConnectionId?: Input<string>;
  vpcEndpointId?: Input<string>;
  egressOnlyGatewayId?: Input<string>;
}
