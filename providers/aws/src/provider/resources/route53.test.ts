// Route 53 Zone and Record against moto.
import { ChangeResourceRecordSetsCommand, Route53Client, UpdateHostedZoneCommentCommand } from "@aws-sdk/client-route-53";
import { describe, expect, it } from "vitest";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource } from "../../test-support/provider-harness.js";

const ZONE = "aws:route53/zone:Zone";
const RECORD = "aws:route53/record:Record";
const m = useMoto({ provider: { defaultTags: { tags: { team: "ops" } } } });
const r53 = m.client(Route53Client);

describe("aws:route53/zone:Zone", () => {
  it("creates, updates comment and tags in place, drifts, imports, replaces and force-destroys", async () => {
    const z = await createResource(m.provider, ZONE, "main", { name: "example.com", tags: { env: "dev" } });
    expect(z.id).not.toMatch(/^\/hostedzone\//);
    expect(z.outputs).toMatchObject({ zoneId: z.id, name: "example.com", comment: "Managed by Cairn", tagsAll: { env: "dev", team: "ops" } });
    expect((z.outputs["nameServers"] as string[]).length).toBeGreaterThan(0);
    expect((await planChange(m.provider, z, { name: "example.com.", tags: { env: "dev" } })).diff.changes).toBe("none");

    const u = await updateResource(m.provider, z, { name: "example.com", comment: "public zone", tags: { env: "prod" } });
    expect(u.outputs).toMatchObject({ comment: "public zone", tagsAll: { env: "prod", team: "ops" } });

    await r53().send(new UpdateHostedZoneCommentCommand({ Id: z.id, Comment: "by hand" }));
    expect((await readResource(m.provider, u)).inputs?.["comment"]).toBe("by hand");
    expect((await importResource(m.provider, ZONE, "imp", z.id)).inputs).toMatchObject({ name: "example.com", tags: { env: "prod" } });

    const r = await replaceResource(m.provider, u, { name: "example.org", forceDestroy: true });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(m.provider, u)).toEqual({});
    await r53().send(new ChangeResourceRecordSetsCommand({
      HostedZoneId: r.id, ChangeBatch: { Changes: [{ Action: "CREATE", ResourceRecordSet: { Name: "left.example.org", Type: "A", TTL: 60, ResourceRecords: [{ Value: "10.0.0.9" }] } }] },
    }));
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });
});

describe("aws:route53/record:Record", () => {
  it("creates relative and absolute names, updates TTL and values in place, drifts, imports, replaces and deletes", async () => {
    const z = await createResource(m.provider, ZONE, "zone", { name: "example.net" });
    const args = { zoneId: z.id, name: "www", type: "A", ttl: 300, records: ["192.0.2.1"] };
    const rec = await createResource(m.provider, RECORD, "www", args);
    expect(rec.id).toBe(`${z.id}_www.example.net_A`);
    expect(rec.outputs).toMatchObject({ ...args, fqdn: "www.example.net" });
    expect((await planChange(m.provider, rec, args)).diff.changes).toBe("none");
    expect((await readResource(m.provider, rec)).inputs).toMatchObject({ name: "www" });

    const u = await updateResource(m.provider, rec, { ...args, ttl: 60, records: ["192.0.2.1", "192.0.2.2"] });
    expect(u.outputs).toMatchObject({ ttl: 60, records: ["192.0.2.1", "192.0.2.2"] });

    await r53().send(new ChangeResourceRecordSetsCommand({
      HostedZoneId: z.id, ChangeBatch: { Changes: [{ Action: "UPSERT", ResourceRecordSet: { Name: "www.example.net", Type: "A", TTL: 60, ResourceRecords: [{ Value: "198.51.100.7" }] } }] },
    }));
    expect((await readResource(m.provider, u)).inputs?.["records"]).toEqual(["198.51.100.7"]);
    expect((await importResource(m.provider, RECORD, "imp", rec.id)).inputs).toMatchObject({ zoneId: z.id, name: "www.example.net", type: "A", ttl: 60 });

    const r = await replaceResource(m.provider, u, { zoneId: z.id, name: "api.example.net.", type: "CNAME", ttl: 60, records: ["www.example.net"] });
    expect(r.diff.replaces?.sort()).toEqual(["name", "type"]);
    expect(r.id).toBe(`${z.id}_api.example.net_CNAME`);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });
});
