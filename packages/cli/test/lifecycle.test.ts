// End to end: new project -> preview -> up -> change -> up -> history -> destroy, through the real
// `cairn` binary; and the checks CI relies on (exit codes, --yes, --json, --expect-no-changes).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliSandbox, expectCode } from "./cli-harness.js";

// Each test runs the binary a dozen times or more; they run side by side in separate sandboxes.
const E2E_TIMEOUT = 240_000;

describe.concurrent("cairn: a project's life", () => {
  it("scaffolds, previews, deploys, changes, shows history and destroys", async () => {
    const sb = new CliSandbox();
    expectCode(await sb.run(".", ["new", "typescript", "pets", "-s", "dev"]), 0);
    for (const f of ["Cairn.yaml", "index.ts", "package.json", "tsconfig.json", ".gitignore"]) expect(readFileSync(join(sb.root, "pets", f), "utf8").length).toBeGreaterThan(0);

    const preview = expectCode(await sb.run("pets", ["preview"]), 0);
    expect(preview.stdout).toMatch(/\+\s+random:index\/randomPet:RandomPet pet/);
    expect(preview.stdout).toMatch(/Preview: \+ \d+ to create; duration/);

    const noYes = await sb.run("pets", ["up"]);
    expect(noYes.code).toBe(1);
    expect(noYes.stderr).toContain("needs --yes");

    const up = expectCode(await sb.run("pets", ["up", "--yes", "-m", "first deploy"]), 0);
    expect(up.stdout).toMatch(/Resources: \+ \d+ created; duration/);
    expect(up.stdout).toMatch(/adminPassword: \[secret\]/);
    const pet1 = expectCode(await sb.run("pets", ["stack", "output", "petName"]), 0).stdout.trim();
    expect(pet1).toMatch(/^[a-z]+-[a-z]+$/);

    const same = expectCode(await sb.run("pets", ["preview", "--expect-no-changes"]), 0);
    expect(same.stdout).toMatch(/\d+ unchanged/);

    expectCode(await sb.run("pets", ["config", "set", "petLength", "3"]), 0);
    const drift = await sb.run("pets", ["preview", "--expect-no-changes", "--diff"]);
    expect(drift.code).toBe(3);
    expect(drift.stdout).toContain("~ length: 2 => 3 (forces replacement)");

    const json = expectCode(await sb.run("pets", ["preview", "--json"]), 0);
    const lines = json.stdout.trim().split("\n").map((l) => JSON.parse(l) as { type: string; counts?: Record<string, number> });
    expect(lines.at(-1)).toMatchObject({ type: "result", result: "succeeded", counts: { replace: 1 } });

    const up2 = expectCode(await sb.run("pets", ["up", "--yes"]), 0);
    expect(up2.stdout).toMatch(/\+- 1 replaced/);
    const pet2 = expectCode(await sb.run("pets", ["stack", "output", "petName"]), 0).stdout.trim();
    expect(pet2.split("-")).toHaveLength(3);

    const history = expectCode(await sb.run("pets", ["stack", "history"]), 0).stdout;
    expect(history.indexOf("Status: succeeded")).toBeGreaterThanOrEqual(0);
    expect(history).toContain("Message: first deploy");
    expect(history).toMatch(/\+- 1 replaced[\s\S]*\+ \d+ created/); // newest first
    const hjson = JSON.parse(expectCode(await sb.run("pets", ["stack", "history", "--json"]), 0).stdout) as Array<{ kind: string; message?: string }>;
    expect(hjson.map((h) => h.kind)).toEqual(["update", "update"]);

    const destroy = expectCode(await sb.run("pets", ["destroy", "--yes"]), 0);
    expect(destroy.stdout).toMatch(/- \d+ deleted/);
    expect(JSON.parse(expectCode(await sb.run("pets", ["stack", "output", "--json"]), 0).stdout)).toEqual({});
    const hist2 = JSON.parse(expectCode(await sb.run("pets", ["stack", "history", "--json"]), 0).stdout) as Array<{ kind: string }>;
    expect(hist2[0]!.kind).toBe("destroy");
  }, E2E_TIMEOUT);

  it("keeps per-developer stacks of one program side by side", async () => {
    const sb = new CliSandbox();
    expectCode(await sb.run(".", ["new", "typescript", "app"]), 0);
    expectCode(await sb.run("app", ["stack", "init", "alice"]), 0);
    expectCode(await sb.run("app", ["stack", "init", "bob"]), 0);
    expectCode(await sb.run("app", ["config", "set", "petLength", "1", "-s", "alice"]), 0);
    expectCode(await sb.run("app", ["up", "--yes", "--skip-preview", "-s", "alice"]), 0);
    expectCode(await sb.run("app", ["up", "--yes", "--skip-preview", "-s", "bob"]), 0);
    const alice = expectCode(await sb.run("app", ["stack", "output", "petName", "-s", "alice"]), 0).stdout.trim();
    const bob = expectCode(await sb.run("app", ["stack", "output", "petName", "-s", "bob"]), 0).stdout.trim();
    expect(alice.split("-")).toHaveLength(1);
    expect(bob.split("-")).toHaveLength(2);
    const ls = expectCode(await sb.run("app", ["stack", "ls"]), 0).stdout;
    expect(ls).toMatch(/alice\s/);
    expect(ls).toMatch(/bob\*/); // the last one initialised is selected
    expectCode(await sb.run("app", ["destroy", "--yes", "--skip-preview", "-s", "alice", "--remove"]), 0);
    expect(expectCode(await sb.run("app", ["stack", "ls", "--json"]), 0).stdout).not.toContain("alice");
    expect(expectCode(await sb.run("app", ["stack", "output", "petName", "-s", "bob"]), 0).stdout.trim()).toBe(bob);
  }, E2E_TIMEOUT);

  it("promotes dev config to staging by editing config files only", async () => {
    const sb = new CliSandbox();
    expectCode(await sb.run(".", ["new", "typescript", "svc"]), 0);
    const dir = join(sb.root, "svc");
    writeFileSync(join(dir, "index.ts"), `import { Config } from "@cairn/sdk";\nimport * as random from "@cairn/random";\nconst c = new Config();\nconst id = new random.RandomId("id", { byteLength: 4, keepers: { tier: c.require("tier") } });\nexport const tier = c.require("tier");\nexport const replicas = c.getNumber("replicas") ?? 1;\nexport const idHex = id.hex;\n`);
    expectCode(await sb.run("svc", ["stack", "init", "dev"]), 0);
    expectCode(await sb.run("svc", ["stack", "init", "staging"]), 0);
    const edit = (stack: string, lines: string[]) => {
      const file = join(dir, `Cairn.${stack}.yaml`);
      const kept = readFileSync(file, "utf8").split("\n").filter((l) => /^(secretsprovider|encryptionsalt):/.test(l));
      writeFileSync(file, [...kept, "config:", ...lines, ""].join("\n"));
    };
    edit("dev", ["  svc:tier: small", "  svc:replicas: 1"]);
    edit("staging", ["  svc:tier: small", "  svc:replicas: 1"]);
    expectCode(await sb.run("svc", ["up", "--yes", "-s", "dev"]), 0);
    expectCode(await sb.run("svc", ["up", "--yes", "-s", "staging"]), 0);
    // try a change on dev, then promote it to staging by copying the same lines
    edit("dev", ["  svc:tier: large", "  svc:replicas: 3"]);
    expectCode(await sb.run("svc", ["up", "--yes", "-s", "dev"]), 0);
    const stagingPlan = await sb.run("svc", ["preview", "--expect-no-changes", "-s", "staging"]);
    expect(stagingPlan.code).toBe(0);
    edit("staging", ["  svc:tier: large", "  svc:replicas: 3"]);
    const promoted = await sb.run("svc", ["preview", "--expect-no-changes", "--diff", "-s", "staging"]);
    expect(promoted.code).toBe(3);
    expect(promoted.stdout).toContain('~ keepers: {"tier":"small"} => {"tier":"large"} (forces replacement)');
    expectCode(await sb.run("svc", ["up", "--yes", "-s", "staging"]), 0);
    const out = (s: string) => sb.run("svc", ["stack", "output", "--json", "-s", s]).then((r) => JSON.parse(expectCode(r, 0).stdout) as Record<string, unknown>);
    expect(await out("staging")).toMatchObject({ tier: "large", replicas: 3 });
    expect(await out("dev")).toMatchObject({ tier: "large", replicas: 3 });
  }, E2E_TIMEOUT);
});
