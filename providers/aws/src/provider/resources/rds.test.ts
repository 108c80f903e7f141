// RDS SubnetGroup and Instance against moto. RDS calls go through a recording proxy, because AWS
// never returns the master password: the proxy shows what ModifyDBInstance actually sent.
import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from "@aws-sdk/client-ec2";
import { AddTagsToResourceCommand, DescribeDBInstancesCommand, DescribeDBSnapshotsCommand, ModifyDBInstanceCommand, RDSClient } from "@aws-sdk/client-rds";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isCairnError, isSecretValue, makeSecret } from "@cairn/protocol";
import { useMoto } from "../../test-support/use-moto.js";
import {
  createResource, deleteResource, importResource, motoEnv, motoProvider, planChange, readResource, replaceResource, updateResource, urnOf,
} from "../../test-support/provider-harness.js";

const INSTANCE = "aws:rds/instance:Instance";
const GROUP = "aws:rds/subnetGroup:SubnetGroup";
const m = useMoto({ provider: (moto) => motoProvider(moto, { defaultTags: { tags: { team: "data" } } }, { ...motoEnv(moto), AWS_ENDPOINT_URL_RDS: proxyUrl }) });
const ec2 = m.client(EC2Client);
const rds = m.client(RDSClient);
let proxy: Server;
let proxyUrl: string;
/** Form bodies of the RDS requests the provider sent, decoded. */
let sent: URLSearchParams[] = [];

function startProxy(): Promise<void> {
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      sent.push(new URLSearchParams(body.toString("utf8")));
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host" && k !== "content-length") headers[k] = v;
      fetch(`${m.moto.url}${req.url ?? "/"}`, { method: req.method ?? "POST", headers, body: body.length > 0 ? body : undefined })
        .then(async (up) => {
          res.writeHead(up.status, { "content-type": up.headers.get("content-type") ?? "text/xml" });
          res.end(Buffer.from(await up.arrayBuffer()));
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  return new Promise<void>((r) => proxy.listen(0, "127.0.0.1", () => {
    const addr = proxy.address();
    proxyUrl = `http://127.0.0.1:${typeof addr === "object" && addr !== null ? addr.port : 0}`;
    r();
  }));
}

beforeAll(async () => {
  await startProxy();
});
afterAll(async () => {
  await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
});
beforeEach(async () => {
  sent = [];
});

async function subnets(): Promise<string[]> {
  const vpc = (await ec2().send(new CreateVpcCommand({ CidrBlock: "10.1.0.0/16" }))).Vpc?.VpcId;
  const make = async (cidr: string, az: string) => (await ec2().send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: cidr, AvailabilityZone: az }))).Subnet?.SubnetId as string;
  return [await make("10.1.1.0/24", "us-east-1a"), await make("10.1.2.0/24", "us-east-1b"), await make("10.1.3.0/24", "us-east-1c")];
}

describe("aws:rds/subnetGroup:SubnetGroup", () => {
  it("creates, plans subnet and description changes in place, updates tags, drifts, imports, replaces and deletes", async () => {
    const [a, b, c] = await subnets();
    const g = await createResource(m.provider, GROUP, "DB_Subnets", { subnetIds: [a!, b!], tags: { env: "dev" } });
    expect(g.id).toMatch(/^db-subnets-[0-9a-f]{7}$/);
    expect(g.outputs).toMatchObject({ description: "Managed by Cairn", tagsAll: { env: "dev", team: "data" } });
    expect(g.outputs["vpcId"]).toMatch(/^vpc-/);
    expect(g.outputs["arn"]).toMatch(/:subgrp:db-subnets-/);
    expect((await planChange(m.provider, g, { subnetIds: [b!, a!], tags: { env: "dev" } })).diff.changes).toBe("none");
    // moto's ModifyDBSubnetGroup loses the group (see README), so the in-place change is only planned here.
    const plan = (await planChange(m.provider, g, { subnetIds: [a!, c!], description: "databases", tags: { env: "dev" } })).diff;
    expect(plan.diffs?.sort()).toEqual(["description", "subnetIds"]);
    expect(plan.replaces).toBeUndefined();

    const u = await updateResource(m.provider, g, { subnetIds: [a!, b!], tags: { env: "prod" } });
    expect(u.outputs).toMatchObject({ tagsAll: { env: "prod", team: "data" } });
    expect(sent.some((s) => s.get("Action") === "ModifyDBSubnetGroup")).toBe(false);

    await rds().send(new AddTagsToResourceCommand({ ResourceName: String(g.outputs["arn"]), Tags: [{ Key: "owner", Value: "someone" }] }));
    expect((await readResource(m.provider, u)).inputs?.["tags"]).toEqual({ env: "prod", owner: "someone" });
    expect((await importResource(m.provider, GROUP, "imp", g.id)).inputs).toMatchObject({ name: g.id, description: "Managed by Cairn", subnetIds: [a, b] });

    const r = await replaceResource(m.provider, u, { name: "db-subnets-two", subnetIds: [a!, b!] });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });
});

describe("aws:rds/instance:Instance", () => {
  const base = { engine: "postgres", engineVersion: "16", instanceClass: "db.t3.micro", allocatedStorage: 20, dbName: "app", username: "app", skipFinalSnapshot: true, applyImmediately: true };

  it("creates with a secret password, changes password, class, storage and tags in place, drifts and imports", async () => {
    const [a, b] = await subnets();
    const g = await createResource(m.provider, GROUP, "dbs", { subnetIds: [a!, b!] });
    const args = { ...base, password: makeSecret("first-pass-123"), dbSubnetGroupName: g.id, tags: { env: "dev" } };
    const db = await createResource(m.provider, INSTANCE, "Orders", args);
    expect(db.id).toMatch(/^orders-[0-9a-f]{7}$/);
    expect(isSecretValue(db.inputs["password"])).toBe(true);
    expect(isSecretValue(db.outputs["password"])).toBe(true);
    expect(db.outputs).toMatchObject({ status: "available", port: 5432, dbSubnetGroupName: g.id, username: "app", tagsAll: { env: "dev", team: "data" } });
    expect(db.outputs["address"]).toMatch(new RegExp(`^${db.id}\\.`));
    expect(db.outputs["endpoint"]).toBe(`${String(db.outputs["address"])}:5432`);
    expect(db.outputs["arn"]).toBe(`arn:aws:rds:us-east-1:123456789012:db:${db.id}`);
    expect(db.outputs["resourceId"]).toMatch(/^db-/);
    expect(sent.find((s) => s.get("Action") === "CreateDBInstance")?.get("MasterUserPassword")).toBe("first-pass-123");
    // A plain-string password is made secret by check all the same.
    expect((await planChange(m.provider, db, { ...args, password: "first-pass-123" })).inputs["password"]).toEqual(makeSecret("first-pass-123"));
    expect((await planChange(m.provider, db, { ...args, password: "first-pass-123" })).diff.changes).toBe("none");

    sent = [];
    const u = await updateResource(m.provider, db, { ...args, password: makeSecret("second-pass-456"), instanceClass: "db.t3.small", allocatedStorage: 30, tags: { env: "prod" } });
    expect(u.diff.diffs?.sort()).toEqual(["allocatedStorage", "instanceClass", "password", "tagsAll", "tags"].sort());
    const modify = sent.filter((s) => s.get("Action") === "ModifyDBInstance");
    expect(modify).toHaveLength(1);
    expect(modify[0]?.get("MasterUserPassword")).toBe("second-pass-456");
    expect(modify[0]?.get("ApplyImmediately")).toBe("true");
    expect(modify[0]?.get("DBInstanceClass")).toBe("db.t3.small");
    expect(u.outputs).toMatchObject({ instanceClass: "db.t3.small", allocatedStorage: 30, tagsAll: { env: "prod", team: "data" } });
    expect(u.outputs["password"]).toEqual(makeSecret("second-pass-456"));

    // Drift made outside Cairn shows on refresh; the password stays the recorded (secret) one.
    await rds().send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: db.id, BackupRetentionPeriod: 7, ApplyImmediately: true }));
    const refreshed = await readResource(m.provider, { ...u, inputs: { ...u.inputs, backupRetentionPeriod: 1 } });
    expect(refreshed.inputs).toMatchObject({ backupRetentionPeriod: 7, instanceClass: "db.t3.small", engineVersion: "16" });
    expect(refreshed.outputs?.["engineVersionActual"]).toBe("16");
    expect(refreshed.inputs?.["password"]).toEqual(makeSecret("second-pass-456"));

    const imported = await importResource(m.provider, INSTANCE, "imp", db.id);
    expect(imported.inputs).toMatchObject({ identifier: db.id, engine: "postgres", dbName: "app", username: "app", dbSubnetGroupName: g.id, tags: { env: "prod" } });
    expect(imported.inputs?.["password"]).toBeUndefined();
  });

  it("replaces on a new database name, keeps a final snapshot, refuses to delete without one and honours deletion protection", async () => {
    const args = { ...base, password: "pass-word-789", deletionProtection: true };
    const db = await createResource(m.provider, INSTANCE, "ledger", args);
    // Deletion protection: AWS refuses, the instance stays.
    await expect(deleteResource(m.provider, db)).rejects.toThrow(/delete of .*ledger.*DeleteDBInstance: InvalidParameterCombination/);
    const unprotected = await updateResource(m.provider, db, { ...args, deletionProtection: false, skipFinalSnapshot: false, finalSnapshotIdentifier: "ledger-final" });
    expect(sent.filter((s) => s.get("Action") === "ModifyDBInstance").at(-1)?.get("DeletionProtection")).toBe("false");

    const r = await replaceResource(m.provider, unprotected, { ...args, deletionProtection: false, identifier: "ledger-two", dbName: "ledger2" });
    expect(r.diff.replaces?.sort()).toEqual(["dbName", "identifier"]);
    expect(r.outputs).toMatchObject({ identifier: "ledger-two", dbName: "ledger2", status: "available" });
    const snaps = await rds().send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: "ledger-final" }));
    expect(snaps.DBSnapshots?.[0]?.DBInstanceIdentifier).toBe(db.id);

    const noSnapshot = { ...r, inputs: { ...r.inputs, skipFinalSnapshot: false } };
    const err: unknown = await deleteResource(m.provider, noSnapshot).catch((e: unknown) => e);
    expect(isCairnError(err) && err.code === "CAIRN_INVALID_INPUT" && /finalSnapshotIdentifier/.test(err.message)).toBe(true);
    expect((await rds().send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: r.id }))).DBInstances).toHaveLength(1);
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });

  it("reports every invalid input at once", async () => {
    const res = await m.provider.check({ urn: urnOf(INSTANCE, "bad"), type: INSTANCE, olds: {}, news: { engine: "mysql", instanceClass: "db.t3.micro", identifier: "1Bad--name-", storageType: "fast" }, randomSeed: "s" });
    expect(res.failures?.map((f) => f.property).sort()).toEqual(["storageType"]);
    const res2 = await m.provider.check({ urn: urnOf(INSTANCE, "bad"), type: INSTANCE, olds: {}, news: { engine: "mysql", instanceClass: "db.t3.micro", identifier: "1Bad--name-" }, randomSeed: "s" });
    expect(res2.failures?.map((f) => f.property).sort()).toEqual(["allocatedStorage", "identifier", "password", "username"]);
    expect(res2.failures?.find((f) => f.property === "identifier")?.reason).toMatch(/start with a lowercase letter.*two consecutive hyphens.*not end with a hyphen/);
  });
});
