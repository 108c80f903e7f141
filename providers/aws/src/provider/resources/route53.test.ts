// Route 53 Zone and Record against moto.
import { ChangeResourceRecordSetsCommand, Route53Client, UpdateHostedZoneCommentCommand } from "@aws-sdk/client-route-53";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Provider } from "@cairn/protocol";
import { startMoto, type Moto } from "../../test-support/moto.js";
import {
  createResource, deleteResource, importResource, motoProvider, planChange, readResource, replaceResource, updateResource,
} from "../../test-support/provider-harness.js";

const ZONE = "aws:route53/zone:Zone";
const RECORD = "aws:route53/record:Record";
let moto: Moto;
let p: Provider;
let r53: Route53Client;

beforeAll(async () => {
  moto = await startMoto();
  r53 = new Route53Client({ endpoint: moto.url, region: "us-east-1", credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
});
afterAll(async () => {
  r53?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  p = await motoProvider(moto, { defaultTags: { tags: { team: "ops" } } });
});

describe("aws:route53/zone:Zone", () => {
  it("creates, updates comment and tags in place, drifts, imports, replaces and force-destroys", async () => {
    const z = await createResource(p, ZONE, "main", { name: "example.com", tags: { env: "dev" } });
    expect(z.id).not.toMatch(/^\/hostedzone\//);
    expect(z.outputs).toMatchObject({ zoneId: z.id, name: "example.com", comment: "Managed by Cairn", tagsAll: { env: "dev", team: "ops" } });
    expect((z.outputs["nameServers"] as string[]).length).toBeGreaterThan(0);
    expect((await planChange(p, z, { name: "example.com.", tags: { env: "dev" } })).diff.changes).toBe("none");

    const u = await updateResource(p, z, { name: "example.com", comment: "public zone", tags: { env: "prod" } });
    expect(u.outputs).toMatchObject({ comment: "public zone", tagsAll: { env: "prod", team: "ops" } });

    await r53.send(new UpdateHostedZoneCommentCommand({ Id: z.id, Comment: "by hand" }));
    expect((await readResource(p, u)).inputs?.["comment"]).toBe("by hand");
    expect((await importResource(p, ZONE, "imp", z.id)).inputs).toMatchObject({ name: "example.com", tags: { env: "prod" } });

    const r = await replaceResource(p, u, { name: "example.org", forceDestroy: true });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(p, u)).toEqual({});
    await r53.send(new ChangeResourceRecordSetsCommand({
      HostedZoneId: r.id, ChangeBatch: { Changes: [{ Action: "CREATE", ResourceRecordSet: { Name: "left.example.org", Type: "A", TTL: 60, ResourceRecords: [{ Value: "10.0.0.9" }] } }] },
    }));
    await deleteResource(p, r);
    expect(await readResource(p, r)).toEqual({});
    await deleteResource(p, r);
  });
});

describe("aws:route53/record:Record", () => {
  it("creates relative and absolute names, updates TTL and values in place, drifts, imports, replaces and deletes", async () => {
    const z = await createResource(p, ZONE, "zone", { name: "example.net" });
    const args = { zoneId: z.id, name: "www", type: "A", ttl: 300, records: ["192.0.2.1"] };
    const rec = await createResource(p, RECORD, "www", args);
    expect(rec.id).toBe(`${z.id}_www.example.net_A`);
    expect(rec.outputs).toMatchObject({ ...args, fqdn: "www.example.net" });
    expect((await planChange(p, rec, args)).diff.changes).toBe("none");
    expect((await readResource(p, rec)).inputs).toMatchObject({ name: "www" });

    const u = await updateResource(p, rec, { ...args, ttl: 60, records: ["192.0.2.1", "192.0.2.2"] });
    expect(u.outputs).toMatchObject({ ttl: 60, records: ["192.0.2.1", "192.0.2.2"] });

    await r53.send(new ChangeResourceRecordSetsCommand({
      HostedZoneId: z.id, ChangeBatch: { Changes: [{ Action: "UPSERT", ResourceRecordSet: { Name: "www.example.net", Type: "A", TTL: 60, ResourceRecords: [{ Value: "198.51.100.7" }] } }] },
    }));
    expect((await readResource(p, u)).inputs?.["records"]).toEqual(["198.51.100.7"]);
    expect((await importResource(p, RECORD, "imp", rec.id)).inputs).toMatchObject({ zoneId: z.id, name: "www.example.net", type: "A", ttl: 60 });

    const r = await replaceResource(p, u, { zoneId: z.id, name: "api.example.net.", type: "CNAME", ttl: 60, records: ["www.example.net"] });
    expect(r.diff.replaces?.sort()).toEqual(["name", "type"]);
    expect(r.id).toBe(`${z.id}_api.example.net_CNAME`);
    expect(await readResource(p, u)).toEqual({});
    await deleteResource(p, r);
    expect(await readResource(p, r)).toEqual({});
    await deleteResource(p, r);
  });
});
