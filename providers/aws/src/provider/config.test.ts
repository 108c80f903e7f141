// Provider configuration: config keys as Pulumi users write them, the SDK's environment through
// ctx.env, and clear errors for a wrong endpoint or a missing region.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SIG } from "@cairn/protocol";
import { startMoto, type Moto } from "../test-support/moto.js";
import { createResource } from "../test-support/provider-harness.js";
import { checkConfigInputs, resolveConfig } from "./config.js";
import { createProvider } from "./index.js";

const BUCKET = "aws:s3/bucket:Bucket";
const VPC = "aws:ec2/vpc:Vpc";
const KEYS = { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" };
let moto: Moto;
let closed: Server;
let closedUrl: string;

beforeAll(async () => {
  moto = await startMoto();
  // An endpoint that is not AWS: an HTTP server that answers 404 with an HTML page.
  closed = createServer((_req, res) => {
    res.statusCode = 404;
    res.end("<html>not aws</html>");
  });
  await new Promise<void>((r) => closed.listen(0, "127.0.0.1", () => r()));
  const addr = closed.address();
  closedUrl = `http://127.0.0.1:${typeof addr === "object" && addr !== null ? addr.port : 0}`;
});
afterAll(async () => {
  await moto?.stop();
  await new Promise<void>((r) => (closed ? closed.close(() => r()) : r()));
});
beforeEach(async () => {
  await moto.reset();
});

describe("resolveConfig", () => {
  it("prefers config over env and reads per-service endpoint variables", () => {
    const c = resolveConfig(
      { region: "eu-west-1", endpoints: [{ s3: "http://s3.local:1" }], defaultTags: { tags: { a: "b" } }, maxRetries: "4", s3UsePathStyle: "true" },
      { AWS_REGION: "us-east-1", AWS_ENDPOINT_URL: "http://all.local:2", AWS_ENDPOINT_URL_EC2: "http://ec2.local:3", ...KEYS },
    );
    expect(c).toMatchObject({
      region: "eu-west-1",
      endpoints: { s3: "http://s3.local:1", ec2: "http://ec2.local:3", sns: "http://all.local:2" },
      defaultTags: { a: "b" },
      maxRetries: 4,
      s3UsePathStyle: true,
      credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
    });
  });

  it("uses explicit keys (secret-wrapped) before env keys, and a profile only without keys", () => {
    const c = resolveConfig({ accessKey: "AK", secretKey: { [SIG]: "secret", value: "SK" }, token: "T" }, { ...KEYS, AWS_PROFILE: "dev" });
    expect(c.credentials).toEqual({ accessKeyId: "AK", secretAccessKey: "SK", sessionToken: "T" });
    expect(c.profile).toBeUndefined();
    expect(resolveConfig({}, { AWS_PROFILE: "dev", AWS_DEFAULT_REGION: "us-west-2" })).toMatchObject({ profile: "dev", region: "us-west-2" });
  });

  it("rejects a region that is not an AWS region name unless validation is skipped", () => {
    expect(checkConfigInputs({ region: "us-east-1" })).toEqual([]);
    expect(checkConfigInputs({ region: "us-gov-west-1" })).toEqual([]);
    expect(checkConfigInputs({ region: "Virginia" })[0]?.reason).toMatch(/aws:region "Virginia" is not an AWS region name/);
    expect(checkConfigInputs({ region: "Virginia", skipRegionValidation: true })).toEqual([]);
  });

  it("reports every malformed key at once", () => {
    const failures = checkConfigInputs({ region: 5, maxRetries: -1, endpoints: [{ s3: "not a url" }], defaultTags: { tags: { a: 1 } }, accessKey: "x", colour: "red" });
    expect(failures.map((f) => f.property).sort()).toEqual(["colour", "defaultTags.tags.a", "endpoints.s3", "maxRetries", "region", "secretKey"]);
  });
});

describe("provider configuration against moto", () => {
  it("reaches S3 and EC2 through AWS_ENDPOINT_URL_<SERVICE> in ctx.env", async () => {
    const p = createProvider({ package: "aws", env: { AWS_REGION: "us-east-1", AWS_ENDPOINT_URL_S3: moto.url, AWS_ENDPOINT_URL_EC2: moto.url, ...KEYS } });
    await p.configure({ inputs: {}, preview: false });
    expect((await createResource(p, BUCKET, "b", { bucket: "via-env" })).id).toBe("via-env");
    expect((await createResource(p, VPC, "v", { cidrBlock: "10.0.0.0/16" })).id).toMatch(/^vpc-/);
  });

  it("reaches moto through aws:endpoints config, which wins over a wrong env endpoint", async () => {
    const p = createProvider({ package: "aws", env: { AWS_ENDPOINT_URL: closedUrl, ...KEYS } });
    await p.configure({ inputs: { region: "us-east-1", endpoints: [{ s3: moto.url }, { ec2: moto.url }], s3UsePathStyle: true }, preview: false });
    expect((await createResource(p, BUCKET, "b", { bucket: "via-config" })).id).toBe("via-config");
  });

  it("creates buckets outside us-east-1 with a location constraint", async () => {
    const p = createProvider({ package: "aws", env: { AWS_ENDPOINT_URL: moto.url, ...KEYS } });
    await p.configure({ inputs: { region: "eu-west-1" }, preview: false });
    const b = await createResource(p, BUCKET, "eu", { bucket: "in-ireland" });
    expect(b.outputs).toMatchObject({ region: "eu-west-1", bucketRegionalDomainName: "in-ireland.s3.eu-west-1.amazonaws.com" });
  });

  it("names the resource and the operation when the endpoint is not AWS", async () => {
    const p = createProvider({ package: "aws", env: { AWS_ENDPOINT_URL: closedUrl, AWS_REGION: "us-east-1", ...KEYS } });
    await p.configure({ inputs: { maxRetries: 0 }, preview: false });
    const err = await createResource(p, VPC, "v", { cidrBlock: "10.0.0.0/16" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CAIRN_PROVIDER_ERROR", source: "provider" });
    expect((err as Error).message).toMatch(/create of urn:cairn:test::aws::aws:ec2\/vpc:Vpc::v failed: CreateVpc/);
  });

  it("says the endpoint could not be reached when nothing listens there", async () => {
    const p = createProvider({ package: "aws", env: { AWS_ENDPOINT_URL: "http://127.0.0.1:1", AWS_REGION: "us-east-1", ...KEYS } });
    await p.configure({ inputs: { maxRetries: 0 }, preview: false });
    const err = await createResource(p, VPC, "v", { cidrBlock: "10.0.0.0/16" }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/CreateVpc could not reach AWS: .*ECONNREFUSED/);
    expect((err as { hint?: string }).hint).toMatch(/aws:endpoints/);
  });

  it("says how to set a region when none is configured", async () => {
    const p = createProvider({ package: "aws", env: { AWS_ENDPOINT_URL: moto.url, ...KEYS } });
    await p.configure({ inputs: {}, preview: false });
    const err = await createResource(p, VPC, "v", { cidrBlock: "10.0.0.0/16" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CAIRN_CONFIG_MISSING", source: "user" });
    expect((err as { hint?: string }).hint).toMatch(/aws:region/);
  });

  it("rejects invalid configuration in configure and checkConfig", async () => {
    const p = createProvider({ package: "aws", env: {} });
    const checked = await p.checkConfig({ urn: "urn:cairn:test::aws::cairn:providers:aws::default", olds: {}, news: { maxRetries: "many" } });
    expect(checked.failures?.map((f) => f.property)).toEqual(["maxRetries"]);
    await expect(p.configure({ inputs: { maxRetries: "many" }, preview: false })).rejects.toMatchObject({ code: "CAIRN_CONFIG_INVALID" });
  });

  it("rejects an unsupported resource type with the list of supported ones", async () => {
    const p = createProvider({ package: "aws", env: {} });
    const err = await p.check({ urn: "urn:cairn:test::aws::aws:nope/thing:Thing::x", type: "aws:nope/thing:Thing", olds: {}, news: {}, randomSeed: "s" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CAIRN_INVALID_INPUT" });
    expect((err as { hint?: string }).hint).toMatch(/aws:s3\/bucket:Bucket/);
  });
});
