// RouteTable (inline routes), Route and RouteTableAssociation against moto.
import { CreateRouteCommand, DescribeRouteTablesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { beforeEach, describe, expect, it } from "vitest";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource, urnOf, type Created } from "../../test-support/provider-harness.js";

const RT = "aws:ec2/routeTable:RouteTable";
const ROUTE = "aws:ec2/route:Route";
const ASSOC = "aws:ec2/routeTableAssociation:RouteTableAssociation";
const m = useMoto({ provider: {} });
const ec2 = m.client(EC2Client);
let vpc: Created;
let igw: Created;
let igw2: Created;

const routesOf = async (id: string) =>
  ((await ec2().send(new DescribeRouteTablesCommand({ RouteTableIds: [id] }))).RouteTables?.[0]?.Routes ?? [])
    .filter((r) => r.GatewayId !== "local")
    .map((r) => `${r.DestinationCidrBlock}->${r.GatewayId}`)
    .sort();

beforeEach(async () => {
  vpc = await createResource(m.provider, "aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" });
  igw = await createResource(m.provider, "aws:ec2/internetGateway:InternetGateway", "igw", { vpcId: vpc.id });
  igw2 = await createResource(m.provider, "aws:ec2/internetGateway:InternetGateway", "igw2", {});
});

describe("aws:ec2/routeTable:RouteTable", () => {
  it("manages inline routes as a set, sees drift, imports, replaces and deletes", async () => {
    const rt = await createResource(m.provider, RT, "public", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }], tags: { Name: "public" } });
    expect(rt.id).toMatch(/^rtb-/);
    expect(await routesOf(rt.id)).toEqual([`0.0.0.0/0->${igw.id}`]);
    expect((await planChange(m.provider, rt, { vpcId: vpc.id, routes: [{ gatewayId: igw.id, cidrBlock: "0.0.0.0/0" }], tags: { Name: "public" } })).diff.changes).toBe("none");

    const u = await updateResource(m.provider, rt, {
      vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }, { cidrBlock: "192.168.0.0/16", gatewayId: igw.id }], tags: { Name: "public" },
    });
    expect(u.diff.diffs).toEqual(["routes"]);
    expect(await routesOf(rt.id)).toEqual([`0.0.0.0/0->${igw.id}`, `192.168.0.0/16->${igw.id}`]);

    const fewer = await updateResource(m.provider, u, { vpcId: vpc.id, routes: [{ cidrBlock: "192.168.0.0/16", gatewayId: igw.id }], tags: { Name: "public" } });
    expect(await routesOf(rt.id)).toEqual([`192.168.0.0/16->${igw.id}`]);

    await ec2().send(new CreateRouteCommand({ RouteTableId: rt.id, DestinationCidrBlock: "172.16.0.0/12", GatewayId: igw.id }));
    const drift = await readResource(m.provider, fewer);
    expect(drift.inputs?.["routes"]).toHaveLength(2);

    const imported = await importResource(m.provider, RT, "imp", rt.id);
    expect(imported.inputs).toMatchObject({ vpcId: vpc.id, tags: { Name: "public" } });

    const other = await createResource(m.provider, "aws:ec2/vpc:Vpc", "other", { cidrBlock: "10.9.0.0/16" });
    const r = await replaceResource(m.provider, fewer, { vpcId: other.id, tags: { Name: "public" } });
    expect(r.diff.replaces).toEqual(["vpcId"]);
    expect(await readResource(m.provider, fewer)).toEqual({});
    await deleteResource(m.provider, r);
    await deleteResource(m.provider, r);
  });

  it("leaves routes alone when none are given inline", async () => {
    const rt = await createResource(m.provider, RT, "private", { vpcId: vpc.id });
    await ec2().send(new CreateRouteCommand({ RouteTableId: rt.id, DestinationCidrBlock: "0.0.0.0/0", GatewayId: igw.id }));
    const refreshed = await readResource(m.provider, rt);
    const state = { ...rt, outputs: refreshed.outputs ?? {} };
    expect((await planChange(m.provider, state, { vpcId: vpc.id })).diff.changes).toBe("none");
  });
});

describe("aws:ec2/route:Route", () => {
  it("creates, changes the target in place, imports by '<rtb>_<cidr>', replaces on a new destination and deletes", async () => {
    await createResource(m.provider, "aws:ec2/internetGateway:InternetGateway", "attach2", {});
    const rt = await createResource(m.provider, RT, "rt", { vpcId: vpc.id });
    const route = await createResource(m.provider, ROUTE, "default", { routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
    expect(route.id).toBe(`${rt.id}_0.0.0.0/0`);
    expect(route.outputs["state"]).toBe("active");

    const u = await updateResource(m.provider, route, { routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw2.id });
    expect(u.diff.diffs).toEqual(["gatewayId"]);
    expect(await routesOf(rt.id)).toEqual([`0.0.0.0/0->${igw2.id}`]);
    expect((await importResource(m.provider, ROUTE, "imp", route.id)).inputs).toEqual({ routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw2.id });

    const r = await replaceResource(m.provider, u, { routeTableId: rt.id, destinationCidrBlock: "10.50.0.0/16", gatewayId: igw2.id });
    expect(r.diff.replaces).toEqual(["destinationCidrBlock"]);
    expect(await routesOf(rt.id)).toEqual([`10.50.0.0/16->${igw2.id}`]);
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });

  it("requires exactly one target and one destination", async () => {
    const res = await m.provider.check({ urn: urnOf(ROUTE, "bad"), type: ROUTE, olds: {}, news: { routeTableId: "rtb-1", gatewayId: "a", natGatewayId: "b" }, randomSeed: "s" });
    expect(res.failures?.map((f) => f.property).sort()).toEqual(["destinationCidrBlock", "gatewayId"]);
  });
});

describe("aws:ec2/routeTableAssociation:RouteTableAssociation", () => {
  it("associates a subnet, replaces delete-first on a new table, imports by '<subnet>/<rtb>' and disassociates", async () => {
    const subnet = await createResource(m.provider, "aws:ec2/subnet:Subnet", "s", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });
    const rt1 = await createResource(m.provider, RT, "rt1", { vpcId: vpc.id });
    const rt2 = await createResource(m.provider, RT, "rt2", { vpcId: vpc.id });
    const a = await createResource(m.provider, ASSOC, "a", { subnetId: subnet.id, routeTableId: rt1.id });
    expect(a.id).toMatch(/^rtbassoc-/);
    const imported = await importResource(m.provider, ASSOC, "imp", `${subnet.id}/${rt1.id}`);
    expect(imported).toMatchObject({ id: a.id, inputs: { subnetId: subnet.id, routeTableId: rt1.id } });

    const r = await replaceResource(m.provider, a, { subnetId: subnet.id, routeTableId: rt2.id });
    expect(r.diff).toMatchObject({ replaces: ["routeTableId"], deleteBeforeReplace: true });
    expect((await readResource(m.provider, r)).inputs).toEqual({ subnetId: subnet.id, routeTableId: rt2.id });
    expect(await readResource(m.provider, a)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });
});
