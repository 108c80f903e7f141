// Throttling is retried with the SDK's backoff (aws:maxRetries bounds it); a proxy in front of
// moto answers the first requests with EC2's RequestLimitExceeded.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMoto, type Moto } from "../test-support/moto.js";
import { createResource, motoProvider } from "../test-support/provider-harness.js";

let moto: Moto;
let proxy: Server;
let proxyUrl: string;
let throttleNext = 0;
let throttled = 0;

const THROTTLE = `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>r1</RequestID></Response>`;

beforeAll(async () => {
  moto = await startMoto();
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (throttleNext > 0) {
        throttleNext--;
        throttled++;
        res.writeHead(503, { "content-type": "text/xml" });
        res.end(THROTTLE);
        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host" && k !== "content-length") headers[k] = v;
      fetch(`${moto.url}${req.url ?? "/"}`, { method: req.method ?? "POST", headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined })
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
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", () => r()));
  const addr = proxy.address();
  proxyUrl = `http://127.0.0.1:${typeof addr === "object" && addr !== null ? addr.port : 0}`;
});
afterAll(async () => {
  await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
  await moto?.stop();
});

const env = () => ({ AWS_ENDPOINT_URL: proxyUrl, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" });

describe("retries", () => {
  it("retries throttled calls and succeeds", async () => {
    const p = await motoProvider(moto, { maxRetries: 3 }, env());
    throttleNext = 2;
    throttled = 0;
    const vpc = await createResource(p, "aws:ec2/vpc:Vpc", "v", { cidrBlock: "10.0.0.0/16" });
    expect(vpc.id).toMatch(/^vpc-/);
    expect(throttled).toBe(2);
  });

  it("gives up after aws:maxRetries and reports AWS's code", async () => {
    const p = await motoProvider(moto, { maxRetries: 1 }, env());
    throttleNext = 5;
    throttled = 0;
    const err = await createResource(p, "aws:ec2/vpc:Vpc", "v", { cidrBlock: "10.0.0.0/16" }).catch((e: unknown) => e);
    expect(throttled).toBe(2);
    expect((err as Error).message).toMatch(/CreateVpc: RequestLimitExceeded: Request limit exceeded/);
    throttleNext = 0;
  });
});
