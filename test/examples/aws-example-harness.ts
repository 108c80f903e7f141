// Shared by the end-to-end tests of the AWS examples: copies an example into a CliSandbox (the real
// built `cairn` binary in a temp dir), the environment that points the AWS provider at moto, SDK
// client settings for checking what exists, and a recording proxy that shows the order of the AWS
// calls the binary made (e.g. that a delete-before-replace really deleted first).
import { cpSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CliSandbox, expectCode, type RunResult } from "../../packages/cli/test/cli-harness.js";

export { CliSandbox, expectCode, type RunResult };
export { startMoto, type Moto } from "../../providers/aws/src/test-support/moto.js";

export const EXAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../examples");
export const REGION = "us-east-1";
const CREDS = { accessKeyId: "testing", secretAccessKey: "testing" };

/** The environment a `cairn` process needs to reach moto (or the proxy) at `endpoint`. */
export function awsEnv(endpoint: string): Record<string, string> {
  return { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: CREDS.accessKeyId, AWS_SECRET_ACCESS_KEY: CREDS.secretAccessKey };
}

/** Settings for an AWS SDK client the test uses to look at moto directly. */
export function clientConfig(endpoint: string): { endpoint: string; region: string; credentials: typeof CREDS } {
  return { endpoint, region: REGION, credentials: CREDS };
}

/** A sandbox whose `cairn` runs talk to `endpoint`, with `examples/<name>` copied to `<root>/<name>`. */
export function sandboxWithExample(name: string, endpoint: string): CliSandbox {
  const sb = new CliSandbox(awsEnv(endpoint));
  cpSync(join(EXAMPLES_DIR, name), join(sb.root, name), { recursive: true });
  return sb;
}

/** `cairn stack output --json` of one stack, parsed. */
export async function stackOutputs(sb: CliSandbox, dir: string, stack: string): Promise<Record<string, unknown>> {
  const r = expectCode(await sb.run(dir, ["stack", "output", "--json", "--show-secrets", "-s", stack]), 0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

export interface AwsCall {
  /** The operation, e.g. "RunInstances", "TerminateInstances", "SendMessage". */
  action: string;
}

/** A forwarding HTTP proxy in front of moto that records every AWS operation in arrival order. */
export interface RecordingProxy {
  url: string;
  calls: AwsCall[];
  /** The recorded operations named in `actions`, in order. */
  sequence(actions: readonly string[]): string[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((res, rej) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => res(Buffer.concat(chunks)));
    req.on("error", rej);
  });
}

/** The operation of one request: the JSON protocols' X-Amz-Target, the query protocols' Action, or rpc-v2's path. */
function actionOf(req: IncomingMessage, body: Buffer): string {
  const target = req.headers["x-amz-target"];
  if (typeof target === "string") return target.slice(target.lastIndexOf(".") + 1);
  const url = req.url ?? "";
  const rpc = /\/operation\/([A-Za-z]+)/.exec(url);
  if (rpc?.[1]) return rpc[1];
  const query = new URLSearchParams(url.includes("?") ? url.slice(url.indexOf("?") + 1) : "");
  const form = String(req.headers["content-type"] ?? "").includes("x-www-form-urlencoded") ? new URLSearchParams(body.toString("utf8")) : new URLSearchParams();
  return form.get("Action") ?? query.get("Action") ?? `${req.method ?? "?"} ${url.split("?")[0] ?? ""}`;
}

const HOP_HEADERS = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive", "content-encoding"]);

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const calls: AwsCall[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const body = await readBody(req);
        calls.push({ action: actionOf(req, body) });
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP_HEADERS.has(k)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
        const method = req.method ?? "GET";
        const upstream = await fetch(`${target}${req.url ?? "/"}`, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : body });
        const out = Buffer.from(await upstream.arrayBuffer());
        const outHeaders: Record<string, string> = {};
        upstream.headers.forEach((v, k) => {
          if (!HOP_HEADERS.has(k)) outHeaders[k] = v;
        });
        res.writeHead(upstream.status, { ...outHeaders, "content-length": String(out.length) });
        res.end(out);
      } catch (e) {
        res.writeHead(502, { "content-type": "text/plain" });
        res.end(`recording proxy: ${String(e)}`);
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const addr = server.address();
  const port = typeof addr === "object" && addr !== null ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    sequence: (actions) => calls.map((c) => c.action).filter((a) => actions.includes(a)),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
