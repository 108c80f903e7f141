// aws:ec2/routeTableAssociation:RouteTableAssociation — associates a subnet (or gateway) with a
// route table. ID = association ID; import by "<subnetId>/<routeTableId>". AWS gives a changed
// association a new ID, so every change replaces it (delete first: a subnet has one association).
import { AssociateRouteTableCommand, DescribeRouteTablesCommand, DisassociateRouteTableCommand } from "@aws-sdk/client-ec2";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { str, type Plain } from "../values.js";

async function findAssociation(ctx: ResourceContext, id: string) {
  const ec2 = ctx.clients.ec2();
  if (id.includes("/")) {
    const [target, rtb] = id.split("/") as [string, string];
    const res = await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [rtb] }), ctx.sendOptions);
    return res.RouteTables?.[0]?.Associations?.find((a) => a.SubnetId === target || a.GatewayId === target);
  }
  const res = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "association.route-table-association-id", Values: [id] }] }), ctx.sendOptions);
  return res.RouteTables?.[0]?.Associations?.find((a) => a.RouteTableAssociationId === id);
}

export const ec2RouteTableAssociation = defineResource({
  type: "aws:ec2/routeTableAssociation:RouteTableAssociation",
  inputs: {
    routeTableId: { kind: "string", required: true, forceNew: true },
    subnetId: { kind: "string", forceNew: true },
    gatewayId: { kind: "string", forceNew: true },
  },
  outputs: [],
  deleteBeforeReplace: true,
  notFound: ["InvalidAssociationID.NotFound", "InvalidRouteTableID.NotFound"],
  validate(inputs) {
    return (inputs["subnetId"] === undefined) === (inputs["gatewayId"] === undefined)
      ? [{ property: "subnetId", reason: "set exactly one of subnetId and gatewayId" }] : [];
  },

  async create(ctx, inputs) {
    const res = await ctx.clients.ec2().send(
      new AssociateRouteTableCommand({ RouteTableId: str(inputs["routeTableId"]), SubnetId: str(inputs["subnetId"]), GatewayId: str(inputs["gatewayId"]) }),
      ctx.sendOptions,
    );
    return res.AssociationId as string;
  },
  async read(ctx, { id }) {
    const a = await findAssociation(ctx, id);
    if (a?.RouteTableAssociationId === undefined) return undefined;
    const inputs: Plain = { routeTableId: a.RouteTableId ?? "" };
    if (a.SubnetId !== undefined) inputs["subnetId"] = a.SubnetId;
    if (a.GatewayId !== undefined) inputs["gatewayId"] = a.GatewayId;
    return { id: a.RouteTableAssociationId, inputs, outputs: {} };
  },
  async delete(ctx, { id }) {
    await ctx.clients.ec2().send(new DisassociateRouteTableCommand({ AssociationId: id }), ctx.sendOptions);
  },
});
