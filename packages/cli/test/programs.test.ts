// End to end: program features across the real binary. A component instantiated twice whose
// dynamic provider registers each environment with a local HTTP service (and deregisters it on a
// destroy that does not run the program), and StackReference between a network and an app stack.
import { createServer, type Server } from "node:http";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliSandbox, expectCode } from "./cli-harness.js";

const E2E_TIMEOUT = 240_000;

const REGISTRY_TS = `import * as dynamic from "@cairn/sdk/dynamic";

export class RegistryProvider implements dynamic.ResourceProvider {
  constructor(public url: string) {}
  async create(inputs: { env: string }) {
    const res = await fetch(\`\${this.url}/envs/\${inputs.env}\`, { method: "PUT" });
    if (!res.ok) throw new Error(\`register failed: \${res.status}\`);
    return { id: inputs.env, outs: { env: inputs.env, registeredAt: await res.text() } };
  }
  async delete(id: string) {
    await fetch(\`\${this.url}/envs/\${id}\`, { method: "DELETE" });
  }
}
`;

const INDEX_TS = `import { ComponentResource, Config, type ComponentResourceOptions } from "@cairn/sdk";
import * as dynamic from "@cairn/sdk/dynamic";
import { RegistryProvider } from "./registry.js";

const url = new Config().require("registryUrl");

class Environment extends ComponentResource {
  readonly registration: dynamic.Resource;
  constructor(name: string, opts?: ComponentResourceOptions) {
    super("app:index:Environment", name, {}, opts);
    this.registration = new dynamic.Resource(new RegistryProvider(url), \`\${name}-registration\`, { env: name }, { parent: this });
    this.registerOutputs({});
  }
}

const blue = new Environment("blue");
const green = new Environment("green");
export const envs = [blue.registration.id, green.registration.id];
`;

function write(dir: string, files: Record<string, string>) {
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
}

describe.concurrent("cairn: program features", () => {
  let server: Server;
  let url = "";
  const registered = new Set<string>();
  const log: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const env = decodeURIComponent((req.url ?? "").replace(/^\/envs\//, ""));
      log.push(`${req.method} ${env}`);
      if (req.method === "PUT") registered.add(env);
      if (req.method === "DELETE") registered.delete(env);
      res.end(String(log.length));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const addr = server.address();
    url = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("a component used twice registers each environment, and destroy deregisters without running the program", async () => {
    const sb = new CliSandbox();
    const dir = join(sb.root, "reg");
    write(dir, { "Cairn.yaml": "name: reg\nruntime: nodejs\nmain: index.ts\n", "package.json": '{ "name": "reg", "private": true, "type": "module" }\n', "registry.ts": REGISTRY_TS, "index.ts": INDEX_TS });
    expectCode(await sb.run("reg", ["stack", "init", "dev"]), 0);
    expectCode(await sb.run("reg", ["config", "set", "registryUrl", url]), 0);
    const up = expectCode(await sb.run("reg", ["up", "--yes"]), 0);
    expect(up.stdout).toMatch(/blue-registration created/);
    expect([...registered].filter((e) => e === "blue" || e === "green").sort()).toEqual(["blue", "green"]);
    expect(JSON.parse(expectCode(await sb.run("reg", ["stack", "output", "envs", "--json"]), 0).stdout)).toEqual(["blue", "green"]);
    expectCode(await sb.run("reg", ["preview", "--expect-no-changes"]), 0);
    // The program no longer runs at all: destroy must not need it.
    writeFileSync(join(dir, "index.ts"), 'throw new Error("the program must not run during destroy");\n');
    expectCode(await sb.run("reg", ["destroy", "--yes"]), 0);
    expect(registered.has("blue") || registered.has("green")).toBe(false);
    expect(log.filter((l) => l === "DELETE blue" || l === "DELETE green").sort()).toEqual(["DELETE blue", "DELETE green"]);
  }, E2E_TIMEOUT);

  it("the same in a CommonJS project (no \"type\": \"module\"): the provider class is found in the module the program required", async () => {
    const sb = new CliSandbox();
    const dir = join(sb.root, "reg-cjs");
    const index = INDEX_TS.replace(/blue/g, "amber").replace(/green/g, "teal");
    write(dir, { "Cairn.yaml": "name: regcjs\nruntime: nodejs\nmain: index.ts\n", "package.json": '{ "name": "regcjs", "private": true }\n', "registry.ts": REGISTRY_TS, "index.ts": index });
    expectCode(await sb.run("reg-cjs", ["stack", "init", "dev"]), 0);
    expectCode(await sb.run("reg-cjs", ["config", "set", "registryUrl", url]), 0);
    const up = expectCode(await sb.run("reg-cjs", ["up", "--yes"]), 0);
    expect(up.stdout).toMatch(/amber-registration created/);
    expect(registered.has("amber") && registered.has("teal")).toBe(true);
    expectCode(await sb.run("reg-cjs", ["preview", "--expect-no-changes"]), 0);
    writeFileSync(join(dir, "index.ts"), 'throw new Error("the program must not run during destroy");\n');
    expectCode(await sb.run("reg-cjs", ["destroy", "--yes"]), 0);
    expect(registered.has("amber") || registered.has("teal")).toBe(false);
    expect(log.filter((l) => l === "DELETE amber" || l === "DELETE teal").sort()).toEqual(["DELETE amber", "DELETE teal"]);
  }, E2E_TIMEOUT);

  it("an app stack reads a network stack's outputs, and secret outputs stay secret", async () => {
    const sb = new CliSandbox();
    write(join(sb.root, "network"), {
      "Cairn.yaml": "name: network\nruntime: nodejs\nmain: index.ts\n",
      "index.ts": 'import * as random from "@cairn/random";\nimport { secret } from "@cairn/sdk";\nconst id = new random.RandomId("vpc", { byteLength: 4 });\nexport const vpcId = id.hex;\nexport const dbPassword = secret("net-secret-value-42");\n',
    });
    write(join(sb.root, "app"), {
      "Cairn.yaml": "name: app\nruntime: nodejs\nmain: index.ts\n",
      "index.ts": 'import { StackReference } from "@cairn/sdk";\nconst net = new StackReference("net", { name: "network/dev" });\nexport const vpc = net.getOutput("vpcId");\nexport const password = net.getOutput("dbPassword");\n',
    });
    expectCode(await sb.run("network", ["stack", "init", "dev"]), 0);
    expectCode(await sb.run("network", ["up", "--yes", "--skip-preview"]), 0);
    const vpc = expectCode(await sb.run("network", ["stack", "output", "vpcId"]), 0).stdout.trim();
    expectCode(await sb.run("app", ["stack", "init", "dev"]), 0);
    expectCode(await sb.run("app", ["up", "--yes"]), 0);
    const outs = JSON.parse(expectCode(await sb.run("app", ["stack", "output", "--json"]), 0).stdout) as Record<string, unknown>;
    expect(outs).toEqual({ vpc, password: "[secret]" });
    // Only the program source that declares it holds the value; no state, history or output does.
    expect(sb.whereIs("net-secret-value-42")).toEqual([join(sb.root, "network", "index.ts")]);
  }, E2E_TIMEOUT);
});
