// A static website on AWS: an S3 bucket with website hosting and one object per file of www/,
// a CloudFront distribution in front of the bucket's website endpoint, and a Route 53 zone with
// a CNAME record that points the site's domain at the distribution.
import { readdirSync } from "node:fs";
import { dirname, extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import * as aws from "@cairn/aws";
import { Config, FileAsset, interpolate } from "@cairn/sdk";

const config = new Config();
/** The site's host name; its parent domain becomes the Route 53 zone unless `zone` is set. */
const domain = config.get("domain") ?? "www.example.test";
const zoneName = config.get("zone") ?? domain.split(".").slice(1).join(".");
/** An ACM certificate (in us-east-1) for `domain`; without one the site is served on CloudFront's own domain. */
const certificateArn = config.get("certificateArn");
if (zoneName === "" || zoneName === domain) {
  throw new Error(`domain ${JSON.stringify(domain)} needs a parent zone (a CNAME cannot sit at a zone's apex): use a host name such as "www.${domain}"`);
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** Every file under `dir`, as paths relative to it with forward slashes (the S3 keys). */
function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), root) : e.isFile() ? [relative(root, join(dir, e.name)).split(sep).join("/")] : []))
    .sort();
}

const siteDir = join(dirname(fileURLToPath(import.meta.url)), "www");

const bucket = new aws.s3.Bucket("site", {
  website: { indexDocument: "index.html", errorDocument: "error.html" },
  forceDestroy: true,
});

// The website endpoint serves only what anyone may read.
new aws.s3.BucketPolicy("public-read", {
  bucket: bucket.bucket,
  policy: interpolate`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"${bucket.arn}/*"}]}`,
});

for (const key of filesUnder(siteDir)) {
  new aws.s3.BucketObject(key, {
    bucket: bucket.bucket,
    key,
    source: new FileAsset(`www/${key}`),
    contentType: CONTENT_TYPES[extname(key).toLowerCase()] ?? "application/octet-stream",
  });
}

const cdn = new aws.cloudfront.Distribution("cdn", {
  enabled: true,
  comment: `static website ${domain}`,
  defaultRootObject: "index.html",
  priceClass: "PriceClass_100",
  isIpv6Enabled: true,
  ...(certificateArn !== undefined ? { aliases: [domain] } : {}),
  origins: [{
    originId: "website",
    // A bucket with a website configuration always has a website endpoint.
    domainName: bucket.websiteEndpoint.apply((endpoint) => endpoint ?? ""),
    // S3 website endpoints speak plain HTTP only.
    customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "http-only", originSslProtocols: ["TLSv1.2"] },
  }],
  defaultCacheBehavior: {
    targetOriginId: "website",
    viewerProtocolPolicy: "redirect-to-https",
    allowedMethods: ["GET", "HEAD"],
    cachedMethods: ["GET", "HEAD"],
    forwardedValues: { queryString: false, cookies: { forward: "none" } },
    defaultTtl: 300,
    compress: true,
  },
  customErrorResponses: [{ errorCode: 404, responseCode: 404, responsePagePath: "/error.html" }],
  restrictions: { geoRestriction: { restrictionType: "none" } },
  viewerCertificate: certificateArn !== undefined
    ? { acmCertificateArn: certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" }
    : { cloudfrontDefaultCertificate: true },
});

const zone = new aws.route53.Zone("zone", { name: zoneName, forceDestroy: true });
// Route 53 alias records are not supported yet, so the host name is a CNAME to the CDN.
new aws.route53.Record("www", { zoneId: zone.zoneId, name: domain, type: "CNAME", ttl: 300, records: [cdn.domainName] });

export const bucketName = bucket.bucket;
export const websiteEndpoint = bucket.websiteEndpoint;
export const cdnDomain = cdn.domainName;
export const nameServers = zone.nameServers;
export const url = certificateArn !== undefined ? `https://${domain}` : interpolate`https://${cdn.domainName}`;
