// Secrets scan: a lifecycle with secret config, a RandomPassword, a secret stack output and a
// secret in a dynamic provider's inputs, then a search of every file under the backend and the
// CLI home, the stack's Cairn.<stack>.yaml, and everything any command printed (human, --json,
// history --json), for each secret in plaintext, base64 and JSON-escaped form.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCode, Sandbox } from "./harness.js";

const API_KEY = 'sk-rel-"Q9x8W7"\\v6U5t4';
const OUTPUT_SECRET = 'out-secret-HJK123/"zz"';
const DYN_TOKEN = 'dyn-token-ZZ88\\"q"';

function forms(s: string): string[] {
  return [s, Buffer.from(s, "utf8").toString("base64"), JSON.stringify(s).slice(1, -1), JSON.stringify(JSON.stringify(s)).slice(1, -1)];
}

const PROGRAM = `import * as random from "@cairn/random";
import { Config, secret } from "@cairn/sdk";
import { Keeper } from "./keeper.js";
const c = new Config();
const pw = new random.RandomPassword("pw", { length: 32, special: false });
const kept = new Keeper("keeper", { token: secret(${JSON.stringify(DYN_TOKEN)}), plain: "visible" });
export const password = pw.result;
export const apiKey = c.requireSecret("apiKey");
export const wrapped = secret(${JSON.stringify(OUTPUT_SECRET)});
export const keptToken = kept.token;
export const nested = { key: c.requireSecret("apiKey"), pw: pw.result };
`;

const KEEPER = `import * as dynamic from "@cairn/sdk/dynamic";
import type { Input, Output } from "@cairn/sdk";
export class KeeperProvider implements dynamic.ResourceProvider {
  async create(inputs: { token: string; plain: string }): Promise<dynamic.CreateResult> {
    return { id: "keeper-1", outs: { token: inputs.token, plain: inputs.plain, length: inputs.token.length } };
  }
}
export class Keeper extends dynamic.Resource {
  declare readonly token: Output<string>;
  constructor(name: string, args: { token: Input<string>; plain: string }) {
    super(new KeeperProvider(), name, { token: args.token, plain: args.plain });
  }
}
`;

describe("secrets scan", () => {
  it("no secret appears in plaintext, base64 or JSON-escaped form on disk or in output", async () => {
    const sb = new Sandbox();
    const dir = sb.project("sec", PROGRAM);
    writeFileSync(join(dir, "keeper.ts"), KEEPER);
    const ok = async (args: string[]): Promise<string> => expectCode(await sb.run("sec", args), 0, args.join(" ")).stdout;
    await ok(["stack", "init", "dev"]);
    await ok(["config", "set", "apiKey", API_KEY, "--secret"]);
    await ok(["config"]);
    await ok(["config", "--json"]);
    await ok(["preview", "--diff"]);
    await ok(["preview", "--json"]);
    await ok(["up", "--yes", "--json"]);
    await ok(["up", "--yes", "--skip-preview"]);
    await ok(["stack", "output"]);
    await ok(["stack", "output", "--json"]);
    await ok(["stack", "history"]);
    await ok(["stack", "history", "--json"]);
    await ok(["stack", "export"]);
    await ok(["refresh", "--yes"]);
    await ok(["destroy", "--yes", "--json"]);
    await ok(["up", "--yes", "--skip-preview"]);
    await ok(["stack", "history", "--json"]);

    // The secrets' values, read the one way that may show them (that output is then dropped).
    const shown = JSON.parse(await ok(["stack", "output", "--json", "--show-secrets"])) as Record<string, unknown>;
    sb.printed.splice(-2, 2);
    expect(shown.apiKey).toBe(API_KEY);
    expect(shown.wrapped).toBe(OUTPUT_SECRET);
    expect(shown.keptToken).toBe(DYN_TOKEN);
    const password = String(shown.password);
    expect(password).toHaveLength(32);

    const haystacks = [
      ...sb.files(sb.state).map((p) => ({ where: p, text: readFileSync(p, "latin1") })),
      ...sb.files(sb.home).map((p) => ({ where: p, text: readFileSync(p, "latin1") })),
      { where: "Cairn.dev.yaml", text: readFileSync(join(dir, "Cairn.dev.yaml"), "latin1") },
      ...sb.printed.map((text, i) => ({ where: `printed output #${i}`, text })),
    ];
    expect(haystacks.length).toBeGreaterThan(20);
    // The scan sees what it should: the non-secret input next to the secret one is in the checkpoint.
    expect(haystacks.filter((h) => h.where.endsWith("checkpoint.json") && h.text.includes('"visible"'))).toHaveLength(1);
    const hits: string[] = [];
    for (const s of [API_KEY, OUTPUT_SECRET, DYN_TOKEN, password]) {
      for (const f of forms(s)) for (const h of haystacks) if (h.text.includes(f)) hits.push(`${JSON.stringify(f)} in ${h.where}`);
    }
    expect(hits).toEqual([]);
  }, 240_000);
});
