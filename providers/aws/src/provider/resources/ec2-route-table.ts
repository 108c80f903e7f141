// aws:ec2/routeTable:RouteTable — a route table of a VPC, with optional inline `routes`. When
// `routes` is unset the table's routes are left alone (so Route resources can manage them).
import {
  CreateRouteCommand, CreateRouteTableCommand, DeleteRouteCommand, DeleteRouteTableCommand, DescribeRouteTablesCommand, ReplaceRouteCommand,
} from "@aws-sdk/client-ec2";
import { ec2Arn, tagSpecifications, updateEc2Tags } from "../ec2-support.js";
import { destinationOf, managedRoutes, routeSetEqual, targetFields, targetParams, targetProps } from "../ec2-routes.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { fromTagList, userTags } from "../tags.js";
import { objList, str, type Plain } from "../values.js";

async function describe(ctx: ResourceContext, id: string) {
  const res = await ctx.clients.ec2().send(new DescribeRouteTablesCommand({ RouteTableIds: [id] }), ctx.sendOptions);
  return res.RouteTables?.[0];
}

function destinationParams(route: Plain): { DestinationCidrBlock?: string; DestinationIpv6CidrBlock?: string } {
  const v4 = str(route["cidrBlock"]);
  return v4 !== undefined ? { DestinationCidrBlock: v4 } : { DestinationIpv6CidrBlock: str(route["ipv6CidrBlock"]) };
}

/** Makes the table's routes equal to `desired`: deletes, replaces and creates by destination. */
async function syncRoutes(ctx: ResourceContext, id: string, current: Plain[], desired: Plain[]): Promise<void> {
  const ec2 = ctx.clients.ec2();
  const now = new Map(current.map((r) => [destinationOf(r), r]));
  const want = new Map(desired.map((r) => [destinationOf(r), r]));
  for (const [dest, r] of now) {
    if (!want.has(dest)) await ec2.send(new DeleteRouteCommand({ RouteTableId: id, ...destinationParams(r) }), ctx.sendOptions);
  }
  for (const [dest, r] of want) {
    const old = now.get(dest);
    if (old === undefined) await ec2.send(new CreateRouteCommand({ RouteTableId: id, ...destinationParams(r), ...targetParams(r) }), ctx.sendOptions);
    else if (!routeSetEqual([old], [r])) await ec2.send(new ReplaceRouteCommand({ RouteTableId: id, ...destinationParams(r), ...targetParams(r) }), ctx.sendOptions);
  }
}

export const ec2RouteTable = defineResource({
  type: "aws:ec2/routeTable:RouteTable",
  inputs: {
    vpcId: { kind: "string", required: true, forceNew: true },
    routes: { kind: "objectList", computed: true, equal: routeSetEqual, fields: { cidrBlock: { kind: "string" }, ipv6CidrBlock: { kind: "string" }, ...targetFields } },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "ownerId", "tagsAll"],
  tags: true,
  notFound: ["InvalidRouteTableID.NotFound"],
  validate(inputs) {
    return objList(inputs["routes"]).flatMap((r, i) =>
      destinationOf(r) === "" ? [{ property: `routes[${i}]`, reason: `routes[${i}] needs cidrBlock or ipv6CidrBlock` }] : []);
  },

  async create(ctx, inputs) {
    const res = await ctx.clients.ec2().send(new CreateRouteTableCommand({ VpcId: str(inputs["vpcId"]), TagSpecifications: tagSpecifications("route-table", inputs) }), ctx.sendOptions);
    const id = res.RouteTable?.RouteTableId as string;
    ctx.created(id);
    await syncRoutes(ctx, id, [], objList(inputs["routes"]));
    return id;
  },
  async read(ctx, { id, inputs }) {
    const rt = await describe(ctx, id);
    if (rt === undefined) return undefined;
    const all = fromTagList(rt.Tags);
    const routes = managedRoutes(rt.Routes).map((r) => ({
      ...(r.DestinationCidrBlock !== undefined ? { cidrBlock: r.DestinationCidrBlock } : { ipv6CidrBlock: r.DestinationIpv6CidrBlock ?? "" }),
      ...targetProps(r),
    }));
    return {
      inputs: { vpcId: rt.VpcId ?? "", routes, tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]) },
      outputs: { arn: ec2Arn(ctx, rt.OwnerId, "route-table", id), ownerId: rt.OwnerId ?? "", tagsAll: all },
    };
  },
  async update(ctx, { id, olds, news, changed }) {
    if (changed.has("routes") && news["routes"] !== undefined) await syncRoutes(ctx, id, objList(olds["routes"]), objList(news["routes"]));
    if (changed.has("tagsAll")) await updateEc2Tags(ctx, id, olds, news);
  },
  async delete(ctx, { id }) {
    await ctx.clients.ec2().send(new DeleteRouteTableCommand({ RouteTableId: id }), ctx.sendOptions);
  },
});
