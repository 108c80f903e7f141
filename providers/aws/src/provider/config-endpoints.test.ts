// Per-service endpoint variables use the AWS SDK's names (AWS_ENDPOINT_URL_SECRETS_MANAGER, ...).
import { describe, expect, it } from "vitest";
import { resolveConfig } from "./config.js";

describe("AWS_ENDPOINT_URL_<SERVICE>", () => {
  it("uses the SDK's service names and config endpoints by Pulumi's keys", () => {
    const c = resolveConfig(
      { endpoints: { lambda: "http://lambda.local:9" } },
      {
        AWS_ENDPOINT_URL: "http://all.local:1", AWS_ENDPOINT_URL_SECRETS_MANAGER: "http://sm.local:2", AWS_ENDPOINT_URL_ROUTE_53: "http://r53.local:3",
        AWS_ENDPOINT_URL_CLOUDWATCH: "http://cw.local:4", AWS_ENDPOINT_URL_DYNAMODB: "http://ddb.local:5",
      },
    );
    expect(c.endpoints).toMatchObject({
      secretsmanager: "http://sm.local:2", route53: "http://r53.local:3", cloudwatch: "http://cw.local:4", dynamodb: "http://ddb.local:5",
      lambda: "http://lambda.local:9", kms: "http://all.local:1", ecr: "http://all.local:1",
    });
  });
});
