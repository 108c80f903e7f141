// aws:cloudwatch/dashboard:Dashboard — a CloudWatch dashboard. ID = dashboard name. The body (a
// JSON document, compared semantically) updates in place with PutDashboard; the name replaces.
import { DeleteDashboardsCommand, GetDashboardCommand, PutDashboardCommand } from "@aws-sdk/client-cloudwatch";
import { jsonEqual, jsonText } from "../json-policy.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { str, type Plain } from "../values.js";

async function put(ctx: ResourceContext, inputs: Plain): Promise<string> {
  const name = str(inputs["dashboardName"]) as string;
  await ctx.clients.cloudwatch().send(new PutDashboardCommand({ DashboardName: name, DashboardBody: jsonText(inputs["dashboardBody"]) }), ctx.sendOptions);
  return name;
}

export const cloudwatchDashboard = defineResource({
  type: "aws:cloudwatch/dashboard:Dashboard",
  inputs: {
    dashboardName: { kind: "string", required: true, forceNew: true },
    dashboardBody: { kind: "json", required: true, equal: jsonEqual },
  },
  outputs: ["dashboardArn"],
  notFound: ["ResourceNotFound", "ResourceNotFoundException"],

  async create(ctx, inputs) {
    const name = await put(ctx, inputs);
    ctx.created(name);
    return name;
  },
  async read(ctx, { id }) {
    const res = await ctx.clients.cloudwatch().send(new GetDashboardCommand({ DashboardName: id }), ctx.sendOptions);
    if (res.DashboardName === undefined) return undefined;
    return { inputs: { dashboardName: res.DashboardName, dashboardBody: res.DashboardBody ?? "" }, outputs: { dashboardArn: res.DashboardArn ?? "" } };
  },
  async update(ctx, { news }) {
    await put(ctx, news);
  },
  async delete(ctx, { id }) {
    await ctx.clients.cloudwatch().send(new DeleteDashboardsCommand({ DashboardNames: [id] }), ctx.sendOptions);
  },
});
