// aws.cloudfront.Distribution under the SDK's mocks: the type token, nested inputs wired from
// another resource's outputs, and output-only properties resolved from state.
import { afterEach, describe, expect, it } from "vitest";
import { runtime } from "@cairn/sdk";
import * as aws from "../index.js";

afterEach(() => runtime.clearMocks());

describe("aws.cloudfront.Distribution", () => {
  it("registers with Pulumi's type token, sends nested inputs and resolves outputs", async () => {
    const monitor = await runtime.setMocks({
      newResource(args: { type: string; name: string; inputs: Record<string, unknown> }) {
        const extra = args.type === "aws:s3/bucket:Bucket"
          ? { websiteEndpoint: "site.s3-website-us-east-1.amazonaws.com" }
          : { domainName: "d123.cloudfront.net", hostedZoneId: "Z2FDTNDATAQYW2", status: "Deployed" };
        return { id: `${args.name}-id`, state: { ...args.inputs, ...extra } };
      },
      call: () => ({}),
    }, "proj", "dev");
    const bucket = new aws.s3.Bucket("site", { website: { indexDocument: "index.html" } });
    const cdn = new aws.cloudfront.Distribution("cdn", {
      enabled: true,
      origins: [{
        originId: "web", domainName: bucket.websiteEndpoint.apply((e) => e ?? ""),
        customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "http-only", originSslProtocols: ["TLSv1.2"] },
      }],
      defaultCacheBehavior: {
        targetOriginId: "web", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"],
        forwardedValues: { queryString: false, cookies: { forward: "none" } },
      },
      restrictions: { geoRestriction: { restrictionType: "none" } },
      viewerCertificate: { cloudfrontDefaultCertificate: true },
    });
    await runtime.waitForRegistrations();

    const reg = monitor.registrations.find((r) => r.name === "cdn")!;
    expect(reg.type).toBe("aws:cloudfront/distribution:Distribution");
    expect(reg.object["origins"]).toEqual([expect.objectContaining({ originId: "web", domainName: "site.s3-website-us-east-1.amazonaws.com" })]);
    expect((await runtime.resolveOutput(cdn.domainName)).value).toBe("d123.cloudfront.net");
    expect((await runtime.resolveOutput(cdn.hostedZoneId)).value).toBe("Z2FDTNDATAQYW2");
    expect((await runtime.resolveOutput(cdn.defaultCacheBehavior)).value).toMatchObject({ targetOriginId: "web" });
  });
});
