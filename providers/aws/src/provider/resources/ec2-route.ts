// aws:ec2/route:Route — one route in a route table. ID = "<routeTableId>_<destination>" (also
// the import form). Changing the target replaces the route in place (ReplaceRoute).
import { CreateRouteCommand, DeleteRouteCommand, DescribeRouteTablesCommand, ReplaceRouteCommand } from "@aws-sdk/client-ec2";
import { ROUTE_TARGETS, targetFields, targetParams, targetProps } from "../ec2-routes.js";
import { defineResource } from "../resource-definition.js";
import { str, type Plain } from "../values.js";

function destination(inputs: Plain): { DestinationCidrBlock?: string; DestinationIpv6CidrBlock?: string } {
  const v4 = str(inputs["destinationCidrBlock"]);
  return v4 !== undefined ? { DestinationCidrBlock: v4 } : { DestinationIpv6CidrBlock: str(inputs["destinationIpv6CidrBlock"]) };
}

function parseId(id: string): { routeTableId: string; dest: string } {
  const i = id.indexOf("_");
  return { routeTableId: id.slice(0, i), dest: id.slice(i + 1) };
}

const targets = Object.fromEntries(Object.entries(targetFields).map(([k, v]) => [k, { ...v, computed: false }]));

export const ec2Route = defineResource({
  type: "aws:ec2/route:Route",
  inputs: {
    routeTableId: { kind: "string", required: true, forceNew: true },
    destinationCidrBlock: { kind: "string", forceNew: true },
    destinationIpv6CidrBlock: { kind: "string", forceNew: true },
    ...targets,
  },
  outputs: ["origin", "state"],
  notFound: ["InvalidRouteTableID.NotFound", "InvalidRoute.NotFound"],
  validate(inputs) {
    const failures = [];
    const dests = ["destinationCidrBlock", "destinationIpv6CidrBlock"].filter((k) => inputs[k] !== undefined);
    if (dests.length !== 1) failures.push({ property: "destinationCidrBlock", reason: "set exactly one of destinationCidrBlock and destinationIpv6CidrBlock" });
    const set = Object.keys(ROUTE_TARGETS).filter((k) => inputs[k] !== undefined);
    if (set.length !== 1) failures.push({ property: "gatewayId", reason: `set exactly one route target: ${Object.keys(ROUTE_TARGETS).join(", ")}` });
    return failures;
  },

  async create(ctx, inputs) {
    const rtb = str(inputs["routeTableId"]) as string;
    await ctx.clients.ec2().send(new CreateRouteCommand({ RouteTableId: rtb, ...destination(inputs), ...targetParams(inputs) }), ctx.sendOptions);
    const d = destination(inputs);
    return `${rtb}_${d.DestinationCidrBlock ?? d.DestinationIpv6CidrBlock ?? ""}`;
  },
  async read(ctx, { id }) {
    const { routeTableId, dest } = parseId(id);
    const res = await ctx.clients.ec2().send(new DescribeRouteTablesCommand({ RouteTableIds: [routeTableId] }), ctx.sendOptions);
    const route = res.RouteTables?.[0]?.Routes?.find((r) => r.DestinationCidrBlock === dest || r.DestinationIpv6CidrBlock === dest);
    if (route === undefined) return undefined;
    const inputs: Plain = {
      routeTableId,
      ...(route.DestinationCidrBlock === dest ? { destinationCidrBlock: dest } : { destinationIpv6CidrBlock: dest }),
      ...targetProps(route),
    };
    return { inputs, outputs: { origin: route.Origin ?? "", state: route.State ?? "" } };
  },
  async update(ctx, { news }) {
    await ctx.clients.ec2().send(new ReplaceRouteCommand({ RouteTableId: str(news["routeTableId"]), ...destination(news), ...targetParams(news) }), ctx.sendOptions);
  },
  async delete(ctx, { inputs }) {
    await ctx.clients.ec2().send(new DeleteRouteCommand({ RouteTableId: str(inputs["routeTableId"]), ...destination(inputs) }), ctx.sendOptions);
  },
});
