// CloudFront Distribution against moto: create (waiting for Deployed), read without drift, update
// in place with the ETag, drift, import, disable-then-delete, retainOnDelete, check failures, and a
// slowed-down moto that shows create really waits for the distribution to be Deployed.
import {
  CloudFrontClient, GetDistributionCommand, GetDistributionConfigCommand, ListDistributionsCommand, UpdateDistributionCommand,
} from "@aws-sdk/client-cloudfront";
import type { PropertyMap } from "@cairn/protocol";
import { createServer, type Server } from "node:http";
import { describe, expect, it } from "vitest";
import { useMoto } from "../../test-support/use-moto.js";
import {
  createResource, deleteResource, importResource, motoProvider, planChange, readResource, updateResource, urnOf,
} from "../../test-support/provider-harness.js";

const DIST = "aws:cloudfront/distribution:Distribution";
const m = useMoto({ provider: { defaultTags: { tags: { team: "web" } } } });
const cf = m.client(CloudFrontClient);

async function motoApi(path: string, body: unknown): Promise<void> {
  const res = await fetch(`${m.moto.url}/moto-api/state-manager/${path}`, { method: "POST", body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`moto ${path} failed: ${res.status}`);
}

interface Call {
  method: string;
  path: string;
  ifMatch?: string;
  body: string;
}

/** A forwarding proxy in front of moto that records each CloudFront call (method, path, If-Match, body). */
async function recordingProxy(calls: Call[]): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const ifMatch = req.headers["if-match"];
        calls.push({ method: req.method ?? "", path: (req.url ?? "").split("?")[0] ?? "", body: body.toString("utf8"), ...(typeof ifMatch === "string" ? { ifMatch } : {}) });
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && !["host", "connection", "content-length"].includes(k)) headers[k] = v;
        const method = req.method ?? "GET";
        const up = await fetch(`${m.moto.url}${req.url ?? "/"}`, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : body });
        const out = Buffer.from(await up.arrayBuffer());
        const outHeaders: Record<string, string> = {};
        up.headers.forEach((v, k) => {
          if (!["connection", "content-length", "transfer-encoding", "content-encoding"].includes(k)) outHeaders[k] = v;
        });
        res.writeHead(up.status, { ...outHeaders, "content-length": String(out.length) });
        res.end(out);
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const addr = server.address();
  return { url: `http://127.0.0.1:${typeof addr === "object" && addr !== null ? addr.port : 0}`, server };
}

function site(over: PropertyMap = {}): PropertyMap {
  return {
    enabled: true,
    comment: "site",
    aliases: ["www.example.test", "example.test"],
    defaultRootObject: "index.html",
    origins: [{
      originId: "website", domainName: "site.s3-website-us-east-1.amazonaws.com",
      customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "http-only", originSslProtocols: ["TLSv1.2"] },
    }],
    defaultCacheBehavior: {
      targetOriginId: "website", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["HEAD", "GET"], cachedMethods: ["GET", "HEAD"],
      forwardedValues: { queryString: false, cookies: { forward: "none" } },
    },
    customErrorResponses: [{ errorCode: 404, responseCode: 404, responsePagePath: "/error.html" }],
    restrictions: { geoRestriction: { restrictionType: "none" } },
    viewerCertificate: { cloudfrontDefaultCertificate: true },
    tags: { env: "dev" },
    ...over,
  };
}

describe("aws:cloudfront/distribution:Distribution", () => {
  it("creates, reads without drift, updates in place, drifts, imports, and disables before deleting", async () => {
    const d = await createResource(m.provider, DIST, "cdn", site());
    expect(d.outputs).toMatchObject({
      hostedZoneId: "Z2FDTNDATAQYW2", status: "Deployed", priceClass: "PriceClass_All", httpVersion: "http2", isIpv6Enabled: false,
      arn: `arn:aws:cloudfront:123456789012:distribution/${d.id}`, tagsAll: { env: "dev", team: "web" },
    });
    expect(d.outputs["domainName"]).toMatch(/^[a-z0-9]+\.cloudfront\.net$/);
    expect(d.outputs["etag"]).toMatch(/\S/);
    const sent = (await cf().send(new GetDistributionConfigCommand({ Id: d.id }))).DistributionConfig;
    expect(sent).toMatchObject({
      CallerReference: d.outputs["callerReference"], Enabled: true, DefaultRootObject: "index.html", Aliases: { Quantity: 2 },
      DefaultCacheBehavior: { MinTTL: 0, DefaultTTL: 86400, MaxTTL: 31536000, Compress: false, ForwardedValues: { QueryString: false, Cookies: { Forward: "none" } } },
      ViewerCertificate: { CloudFrontDefaultCertificate: true },
    });
    // Sets in another order, defaults spelled out: no change; a refresh finds no drift.
    expect((await planChange(m.provider, d, site({ aliases: ["example.test", "www.example.test"], priceClass: "PriceClass_All" }))).diff.changes).toBe("none");
    expect((await readResource(m.provider, d)).inputs).toEqual(d.inputs);

    const u = await updateResource(m.provider, d, site({
      comment: "cdn for the site", priceClass: "PriceClass_100", tags: { env: "prod" },
      defaultCacheBehavior: {
        targetOriginId: "website", viewerProtocolPolicy: "allow-all", allowedMethods: ["GET", "HEAD", "OPTIONS"], cachedMethods: ["GET", "HEAD"],
        forwardedValues: { queryString: true, cookies: { forward: "all" } }, defaultTtl: 60, compress: true,
      },
      orderedCacheBehaviors: [{
        pathPattern: "/api/*", targetOriginId: "website", viewerProtocolPolicy: "https-only", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"],
        cachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
      }],
      restrictions: { geoRestriction: { restrictionType: "whitelist", locations: ["US", "DE"] } },
    }));
    expect(u.id).toBe(d.id);
    expect(u.diff.replaces ?? []).toEqual([]);
    expect(u.outputs).toMatchObject({ comment: "cdn for the site", priceClass: "PriceClass_100", status: "Deployed", tagsAll: { env: "prod", team: "web" } });
    const after = (await cf().send(new GetDistributionConfigCommand({ Id: d.id }))).DistributionConfig;
    expect(after).toMatchObject({
      CallerReference: d.outputs["callerReference"], Comment: "cdn for the site", PriceClass: "PriceClass_100",
      DefaultCacheBehavior: { ViewerProtocolPolicy: "allow-all", DefaultTTL: 60, Compress: true, ForwardedValues: { QueryString: true, Cookies: { Forward: "all" } } },
      CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: "/api/*", CachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" }] },
      Restrictions: { GeoRestriction: { RestrictionType: "whitelist", Items: ["DE", "US"] } },
    });
    expect((await readResource(m.provider, u)).inputs).toEqual(u.inputs);

    // Drift: someone changes the comment and the price class by hand.
    const cur = await cf().send(new GetDistributionConfigCommand({ Id: d.id }));
    await cf().send(new UpdateDistributionCommand({ Id: d.id, IfMatch: cur.ETag, DistributionConfig: { ...cur.DistributionConfig!, Comment: "by hand", PriceClass: "PriceClass_200" } }));
    expect((await readResource(m.provider, u)).inputs).toMatchObject({ comment: "by hand", priceClass: "PriceClass_200" });

    const imported = await importResource(m.provider, DIST, "imp", d.id);
    expect(imported.inputs).toMatchObject({
      enabled: true, aliases: ["example.test", "www.example.test"], defaultRootObject: "index.html", retainOnDelete: false, waitForDeployment: true,
      origins: [{ originId: "website", domainName: "site.s3-website-us-east-1.amazonaws.com", customOriginConfig: { originProtocolPolicy: "http-only" } }],
      customErrorResponses: [{ errorCode: 404, responseCode: 404, responsePagePath: "/error.html" }],
      tags: { env: "prod" },
    });
    expect(imported.outputs).toMatchObject({ domainName: d.outputs["domainName"], hostedZoneId: "Z2FDTNDATAQYW2" });

    await deleteResource(m.provider, u);
    expect(await readResource(m.provider, u)).toEqual({});
    expect((await cf().send(new ListDistributionsCommand({}))).DistributionList?.Quantity).toBe(0);
    await deleteResource(m.provider, u); // already gone
  });

  it("disables the distribution, then deletes it with the ETag it has once disabled", async () => {
    const calls: Call[] = [];
    const proxy = await recordingProxy(calls);
    try {
      const viaProxy = await motoProvider(m.moto, {}, { AWS_ENDPOINT_URL: proxy.url, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" });
      const d = await createResource(viaProxy, DIST, "gone", site());
      calls.length = 0;
      await deleteResource(viaProxy, d);
      const writes = calls.filter((c) => c.method === "PUT" || c.method === "DELETE");
      expect(writes.map((c) => `${c.method} ${c.path}`)).toEqual([`PUT /2020-05-31/distribution/${d.id}/config`, `DELETE /2020-05-31/distribution/${d.id}`]);
      expect(writes[0]!.body).toContain("<Enabled>false</Enabled>");
      // Each write carries the ETag read just before it (moto keeps one ETag per distribution).
      expect(writes.every((c) => c.ifMatch === d.outputs["etag"])).toBe(true);
      const lastGetBeforeDelete = calls.slice(0, calls.indexOf(writes[1]!)).filter((c) => c.method === "GET").pop();
      expect(lastGetBeforeDelete?.path).toBe(`/2020-05-31/distribution/${d.id}`);
      expect((await cf().send(new ListDistributionsCommand({}))).DistributionList?.Quantity).toBe(0);
    } finally {
      await new Promise<void>((r) => proxy.server.close(() => r()));
    }
  });

  it("keeps the distribution with retainOnDelete", async () => {
    const d = await createResource(m.provider, DIST, "kept", site({ retainOnDelete: true }));
    await deleteResource(m.provider, d);
    const left = await cf().send(new GetDistributionCommand({ Id: d.id }));
    expect(left.Distribution?.DistributionConfig?.Enabled).toBe(true);
  });

  it("reports every problem of the inputs at once", async () => {
    const semantic = await m.provider.check({
      urn: urnOf(DIST, "bad"), type: DIST, olds: {}, randomSeed: "s",
      news: site({
        origins: [
          { originId: "a", domainName: "a.example.com", s3OriginConfig: { originAccessIdentity: "" }, customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "http-only", originSslProtocols: ["TLSv1.2"] } },
          { originId: "a", domainName: "b.example.com" },
        ],
        defaultCacheBehavior: { targetOriginId: "nowhere", viewerProtocolPolicy: "allow-all", allowedMethods: ["GET"], cachedMethods: ["GET", "HEAD"] },
        viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x" },
        restrictions: { geoRestriction: { restrictionType: "whitelist" } },
      }),
    });
    expect((semantic.failures ?? []).map((f) => f.property).sort()).toEqual([
      "defaultCacheBehavior.cachedMethods", "defaultCacheBehavior.forwardedValues", "defaultCacheBehavior.targetOriginId",
      "origins", "origins[0]", "origins[1]", "restrictions.geoRestriction.locations", "viewerCertificate.sslSupportMethod",
    ]);
  });

  it("waits until the distribution is Deployed, unless waitForDeployment is false", async () => {
    await motoApi("set-transition", { model_name: "cloudfront::distribution", transition: { progression: "time", seconds: 2 } });
    try {
      const quick = await createResource(m.provider, DIST, "quick", site({ waitForDeployment: false }));
      expect(quick.outputs["status"]).toBe("InProgress");
      const waited = await createResource(m.provider, DIST, "waited", site());
      expect(waited.outputs["status"]).toBe("Deployed");
    } finally {
      await motoApi("unset-transition", { model_name: "cloudfront::distribution" });
    }
  });
});
