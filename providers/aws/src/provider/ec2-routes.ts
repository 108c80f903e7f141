// Routes as Cairn properties (Pulumi's names: cidrBlock/destinationCidrBlock, gatewayId, ...) and
// as EC2 API parameters, shared by RouteTable's inline routes and the Route resource.
import type { Route as Ec2Route } from "@aws-sdk/client-ec2";
import { propertyValuesEqual, type PropertyValue } from "@cairn/protocol";
import type { FieldSpec } from "./resource-definition.js";
import { objList, str, type Plain } from "./values.js";

/** Route targets: property name -> EC2 API parameter name. */
export const ROUTE_TARGETS = {
  gatewayId: "GatewayId",
  natGatewayId: "NatGatewayId",
  networkInterfaceId: "NetworkInterfaceId",
  transitGatewayId: "TransitGatewayId",
  vpcPeeringConnectionId: "VpcPeeringConnectionId",
  vpcEndpointId: "VpcEndpointId",
  egressOnlyGatewayId: "EgressOnlyInternetGatewayId",
} as const;
export type TargetProperty = keyof typeof ROUTE_TARGETS;

export const targetFields: Record<string, FieldSpec> = Object.fromEntries(Object.keys(ROUTE_TARGETS).map((k) => [k, { kind: "string" }]));

export type TargetParams = Partial<Record<(typeof ROUTE_TARGETS)[TargetProperty], string>>;

export function targetParams(route: Plain): TargetParams {
  const out: TargetParams = {};
  for (const [prop, param] of Object.entries(ROUTE_TARGETS)) {
    const v = str(route[prop]);
    if (v !== undefined) out[param] = v;
  }
  return out;
}

export function targetProps(r: Ec2Route): Plain {
  const out: Plain = {};
  for (const [prop, param] of Object.entries(ROUTE_TARGETS)) {
    const v = (r as Record<string, unknown>)[param];
    if (typeof v === "string" && v !== "") out[prop] = v;
  }
  return out;
}

/** Destination key of an inline route ("10.0.0.0/16" or "::/0"). */
export function destinationOf(route: Plain): string {
  return str(route["cidrBlock"]) ?? str(route["ipv6CidrBlock"]) ?? "";
}

/** Inline routes compare as sets: order does not matter. */
export function routeSetEqual(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const norm = (v: PropertyValue | undefined) =>
    objList(v ?? []).map((r) => JSON.stringify(Object.entries(r).filter(([, x]) => x !== "" && x !== null).sort(([x], [y]) => x.localeCompare(y)))).sort();
  return propertyValuesEqual(norm(a), norm(b));
}

/** Routes the user manages: not the VPC's local route nor propagated ones. */
export function managedRoutes(routes: readonly Ec2Route[] | undefined): Ec2Route[] {
  return (routes ?? []).filter((r) => r.GatewayId !== "local" && r.Origin !== "CreateRouteTable" && r.Origin !== "EnableVgwRoutePropagation");
}
