// End to end: examples/aws-static-website with the real `cairn` binary against moto_server. The
// site deploys (bucket website, one object per file of www/, CloudFront in front, a Route 53 CNAME),
// moto serves the uploaded pages, a refresh finds no drift, nothing is left to change, an edited
// file re-uploads just that object, and destroy leaves moto empty. Runs the built binary and
// provider (dist): `npx tsc -b tsconfig.build.json` first.
import { CloudFrontClient, GetDistributionConfigCommand, GetDistributionCommand, ListDistributionsCommand } from "@aws-sdk/client-cloudfront";
import { ListHostedZonesCommand, ListResourceRecordSetsCommand, Route53Client } from "@aws-sdk/client-route-53";
import { GetObjectCommand, HeadObjectCommand, ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { appendFileSync, cpSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliSandbox, expectCode } from "../../packages/cli/test/cli-harness.js";
import { startMoto, type Moto } from "../../providers/aws/src/test-support/moto.js";

const EXAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), "../../examples/aws-static-website");
const CREDS = { accessKeyId: "testing", secretAccessKey: "testing" };
let moto: Moto;
let s3: S3Client;
let cf: CloudFrontClient;
let r53: Route53Client;

beforeAll(async () => {
  moto = await startMoto();
  const cfg = { endpoint: moto.url, region: "us-east-1", credentials: CREDS };
  s3 = new S3Client({ ...cfg, forcePathStyle: true });
  cf = new CloudFrontClient(cfg);
  r53 = new Route53Client(cfg);
});
afterAll(async () => {
  s3?.destroy();
  cf?.destroy();
  r53?.destroy();
  await moto?.stop();
});

async function object(bucket: string, key: string): Promise<{ body: string; contentType?: string; etag?: string }> {
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return { body: (await res.Body?.transformToString()) ?? "", contentType: res.ContentType, etag: res.ETag };
}

describe("the aws-static-website example", () => {
  it("deploys the site behind CloudFront, serves its pages, updates one edited file and destroys cleanly", async () => {
    const sb = new CliSandbox({ AWS_ENDPOINT_URL: moto.url, AWS_ACCESS_KEY_ID: CREDS.accessKeyId, AWS_SECRET_ACCESS_KEY: CREDS.secretAccessKey });
    const dir = join(sb.root, "site");
    cpSync(EXAMPLE, dir, { recursive: true });
    expectCode(await sb.run("site", ["stack", "select", "dev", "--create"]), 0);
    for (const [k, v] of [["aws:region", "us-east-1"], ["aws:s3UsePathStyle", "true"], ["domain", "www.shop.test"]] as const) {
      expectCode(await sb.run("site", ["config", "set", k, v]), 0);
    }

    const up = expectCode(await sb.run("site", ["up", "--yes"]), 0);
    expect(up.stdout).toMatch(/\+ 10 created/);
    const outs = JSON.parse(expectCode(await sb.run("site", ["stack", "output", "--json"]), 0).stdout) as Record<string, string>;
    const bucket = outs["bucketName"]!;
    expect(outs["websiteEndpoint"]).toBe(`${bucket}.s3-website-us-east-1.amazonaws.com`);
    expect(outs["cdnDomain"]).toMatch(/^[a-z0-9]+\.cloudfront\.net$/);
    // Without a certificate the site is served on CloudFront's own domain.
    expect(outs["url"]).toBe(`https://${outs["cdnDomain"]}`);

    // moto serves the pages from the bucket, with the content type of their extension.
    const index = await object(bucket, "index.html");
    expect(index.body).toBe(readFileSync(join(EXAMPLE, "www", "index.html"), "utf8"));
    expect(index.contentType).toBe("text/html; charset=utf-8");
    expect((await object(bucket, "style.css")).contentType).toBe("text/css; charset=utf-8");

    // CloudFront fronts the website endpoint; the domain's CNAME points at the distribution.
    const dist = (await cf.send(new ListDistributionsCommand({}))).DistributionList?.Items ?? [];
    expect(dist.map((d) => d.DomainName)).toEqual([outs["cdnDomain"]]);
    const config = (await cf.send(new GetDistributionConfigCommand({ Id: dist[0]!.Id }))).DistributionConfig;
    expect(config?.Origins?.Items?.[0]).toMatchObject({ DomainName: outs["websiteEndpoint"], CustomOriginConfig: { OriginProtocolPolicy: "http-only" } });
    expect(config).toMatchObject({ DefaultRootObject: "index.html", Aliases: { Quantity: 0 } });
    expect((await cf.send(new GetDistributionCommand({ Id: dist[0]!.Id }))).Distribution?.Status).toBe("Deployed");
    const zones = (await r53.send(new ListHostedZonesCommand({}))).HostedZones ?? [];
    expect(zones.map((z) => z.Name)).toEqual(["shop.test."]);
    const records = (await r53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zones[0]!.Id }))).ResourceRecordSets ?? [];
    expect(records.find((r) => r.Type === "CNAME")).toMatchObject({ Name: "www.shop.test.", ResourceRecords: [{ Value: outs["cdnDomain"] }] });

    // A refresh finds no drift (CloudFront's config read back means what the program asked for).
    expect(expectCode(await sb.run("site", ["refresh", "--yes"]), 0).stdout).toMatch(/Resources: 8 unchanged;/);
    expectCode(await sb.run("site", ["preview", "--expect-no-changes"]), 0);

    // An edited stylesheet: only its object is uploaded again.
    const indexEtag = (await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: "index.html" }))).ETag;
    appendFileSync(join(dir, "www", "style.css"), "\nfooter { color: gray; }\n");
    const edit = expectCode(await sb.run("site", ["up", "--yes"]), 0);
    expect(edit.stdout).toMatch(/~ 1 updated, 9 unchanged/);
    expect(edit.stdout).toMatch(/BucketObject style\.css updated/);
    expect((await object(bucket, "style.css")).body).toContain("footer { color: gray; }");
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: "index.html" }))).ETag).toBe(indexEtag);
    expectCode(await sb.run("site", ["preview", "--expect-no-changes"]), 0);

    expectCode(await sb.run("site", ["destroy", "--yes"]), 0);
    expect((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
    expect((await cf.send(new ListDistributionsCommand({}))).DistributionList?.Quantity).toBe(0);
    expect((await r53.send(new ListHostedZonesCommand({}))).HostedZones ?? []).toEqual([]);
  }, 240_000);
});
