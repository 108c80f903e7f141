// RouteTable (inline routes), Route and RouteTableAssociation against moto.
import { CreateRouteCommand, DescribeRouteTablesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Provider } from "@cairn/protocol";
import { startMoto, type Moto } from "../../test-support/moto.js";
import {
  createResource, deleteResource, importResource, motoProvider, planChange, readResource, replaceResource, updateResource, urnOf, type Created,
} from "../../test-support/provider-harness.js";

const RT = "aws:ec2/routeTable:RouteTable";
const ROUTE = "aws:ec2/route:Route";
const ASSOC = "aws:ec2/routeTableAssociation:RouteTableAssociation";
let moto: Moto;
let p: Provider;
let ec2: EC2Client;
let vpc: Created;
let igw: Created;
let igw2: Created;

const routesOf = async (id: string) =>
  ((await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [id] }))).RouteTables?.[0]?.Routes ?? [])
    .filter((r) => r.GatewayId !== "local")
    .map((r) => `${r.DestinationCidrBlock}->${r.GatewayId}`)
    .sort();

beforeAll(async () => {
  moto = await startMoto();
  ec2 = new EC2Client({ endpoint: moto.url, region: "us-east-1", credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
});
afterAll(async () => {
  ec2?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  p = await motoProvider(moto);
  vpc = await createResource(p, "aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" });
  igw = await createResource(p, "aws:ec2/internetGateway:InternetGateway", "igw", { vpcId: vpc.id });
  igw2 = await createResource(p, "aws:ec2/internetGateway:InternetGateway", "igw2", {});
});

describe("aws:ec2/routeTable:RouteTable", () => {
  it("manages inline routes as a set, sees drift, imports, replaces and deletes", async () => {
    const rt = await createResource(p, RT, "public", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }], tags: { Name: "public" } });
    expect(rt.id).toMatch(/^rtb-/);
    expect(await routesOf(rt.id)).toEqual([`0.0.0.0/0->${igw.id}`]);
    expect((await planChange(p, rt, { vpcId: vpc.id, routes: [{ gatewayId: igw.id, cidrBlock: "0.0.0.0/0" }], tags: { Name: "public" } })).diff.changes).toBe("none");

    const u = await updateResource(p, rt, {
      vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }, { cidrBlock: "192.168.0.0/16", gatewayId: igw.id }], tags: { Name: "public" },
    });
    expect(u.diff.diffs).toEqual(["routes"]);
    expect(await routesOf(rt.id)).toEqual([`0.0.0.0/0->${igw.id}`, `192.168.0.0/16->${igw.id}`]);

    const fewer = await updateResource(p, u, { vpcId: vpc.id, routes: [{ cidrBlock: "192.168.0.0/16", gatewayId: igw.id }], tags: { Name: "public" } });
    expect(await routesOf(rt.id)).toEqual([`192.168.0.0/16->${igw.id}`]);

    await ec2.send(new CreateRouteCommand({ RouteTableId: rt.id, DestinationCidrBlock: "172.16.0.0/12", GatewayId: igw.id }));
    const drift = await readResource(p, fewer);
    expect(drift.inputs?.["routes"]).toHaveLength(2);

    const imported = await importResource(p, RT, "imp", rt.id);
    expect(imported.inputs).toMatchObject({ vpcId: vpc.id, tags: { Name: "public" } });

    const other = await createResource(p, "aws:ec2/vpc:Vpc", "other", { cidrBlock: "10.9.0.0/16" });
    const r = await replaceResource(p, fewer, { vpcId: other.id, tags: { Name: "public" } });
    expect(r.diff.replaces).toEqual(["vpcId"]);
    expect(await readResource(p, fewer)).toEqual({});
    await deleteResource(p, r);
    await deleteResource(p, r);
  });

  it("leaves routes alone when none are given inline", async () => {
    const rt = await createResource(p, RT, "private", { vpcId: vpc.id });
    await ec2.send(new CreateRouteCommand({ RouteTableId: rt.id, DestinationCidrBlock: "0.0.0.0/0", GatewayId: igw.id }));
    const refreshed = await readResource(p, rt);
    const state = { ...rt, outputs: refreshed.outputs ?? {} };
    expect((await planChange(p, state, { vpcId: vpc.id })).diff.changes).toBe("none");
  });
});

describe("aws:ec2/route:Route", () => {
  it("creates, changes the target in place, imports by '<rtb>_<cidr>', replaces on a new destination and deletes", async () => {
    await createResource(p, "aws:ec2/internetGateway:InternetGateway", "attach2", {});
    const rt = await createResource(p, RT, "rt", { vpcId: vpc.id });
    const route = await createResource(p, ROUTE, "default", { routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
    expect(route.id).toBe(`${rt.id}_0.0.0.0/0`);
    expect(route.outputs["state"]).toBe("active");

    const u = await updateResource(p, route, { routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw2.id });
    expect(u.diff.diffs).toEqual(["gatewayId"]);
    expect(await routesOf(rt.id)).toEqual([`0.0.0.0/0->${igw2.id}`]);
    expect((await importResource(p, ROUTE, "imp", route.id)).inputs).toEqual({ routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw2.id });

    const r = await replaceResource(p, u, { routeTableId: rt.id, destinationCidrBlock: "10.50.0.0/16", gatewayId: igw2.id });
    expect(r.diff.replaces).toEqual(["destinationCidrBlock"]);
    expect(await routesOf(rt.id)).toEqual([`10.50.0.0/16->${igw2.id}`]);
    await deleteResource(p, r);
    expect(await readResource(p, r)).toEqual({});
    await deleteResource(p, r);
  });

  it("requires exactly one target and one destination", async () => {
    const res = await p.check({ urn: urnOf(ROUTE, "bad"), type: ROUTE, olds: {}, news: { routeTableId: "rtb-1", gatewayId: "a", natGatewayId: "b" }, randomSeed: "s" });
    expect(res.failures?.map((f) => f.property).sort()).toEqual(["destinationCidrBlock", "gatewayId"]);
  });
});

describe("aws:ec2/routeTableAssociation:RouteTableAssociation", () => {
  it("associates a subnet, replaces delete-first on a new table, imports by '<subnet>/<rtb>' and disassociates", async () => {
    const subnet = await createResource(p, "aws:ec2/subnet:Subnet", "s", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });
    const rt1 = await createResource(p, RT, "rt1", { vpcId: vpc.id });
    const rt2 = await createResource(p, RT, "rt2", { vpcId: vpc.id });
    const a = await createResource(p, ASSOC, "a", { subnetId: subnet.id, routeTableId: rt1.id });
    expect(a.id).toMatch(/^rtbassoc-/);
    const imported = await importResource(p, ASSOC, "imp", `${subnet.id}/${rt1.id}`);
    expect(imported).toMatchObject({ id: a.id, inputs: { subnetId: subnet.id, routeTableId: rt1.id } });

    const r = await replaceResource(p, a, { subnetId: subnet.id, routeTableId: rt2.id });
    expect(r.diff).toMatchObject({ replaces: ["routeTableId"], deleteBeforeReplace: true });
    expect((await readResource(p, r)).inputs).toEqual({ subnetId: subnet.id, routeTableId: rt2.id });
    expect(await readResource(p, a)).toEqual({});
    await deleteResource(p, r);
    expect(await readResource(p, r)).toEqual({});
    await deleteResource(p, r);
  });
});
