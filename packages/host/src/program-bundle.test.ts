import { afterEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tempProject, type TempProject } from "./__fixtures__/temp-project.js";

// These run the built host in a child process: under the test runner @cairn/sdk resolves to its
// TypeScript sources, which only the hooked path can load, so the bundled path is tested as installed.
const fixture = (name: string): string => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));
const driver = fixture("run-built.mjs");

interface RunLine {
  registrations: { type: string; name: string; at?: { file: string; line: number } }[];
  outputs?: unknown[];
  error?: { code: string; message: string };
}

function runBuilt(rootDirectory: string, main: string, cacheDirectory: string): RunLine[] {
  const out = execFileSync(process.execPath, [driver, rootDirectory, main, cacheDirectory], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  return out.trim().split("\n").map((l) => JSON.parse(l) as RunLine);
}

describe("bundled programs (no module hooks)", () => {
  let cache: TempProject | undefined;
  let project: TempProject | undefined;
  afterEach(() => {
    cache?.remove();
    project?.remove();
  });

  it("runs an ES module with top-level await and local imports afresh each run, from one cached bundle, positions in the user's files", () => {
    cache = tempProject();
    const [first, second] = runBuilt(fixture("esm-program"), "index.ts", cache.dir);
    expect(first!.registrations.map((r) => r.name)).toEqual(["proj-dev", "shared", "bucket-tla"]);
    expect(second).toEqual(first);
    expect(first!.outputs).toEqual([{ bucketId: "bucket-tla-id", plain: { answer: 42 } }]);
    expect(first!.registrations[1]!.at).toMatchObject({ file: "names.ts", line: 4 });
    expect(first!.registrations[2]!.at).toMatchObject({ file: "index.ts", line: 5 });
    expect(readdirSync(cache.dir).filter((f) => f.endsWith(".mjs"))).toHaveLength(1);
  });

  it("reports a throw with the user's own file:line through the bundle's source map", () => {
    cache = tempProject();
    const [first] = runBuilt(fixture("throws-program"), "index.ts", cache.dir);
    expect(first!.error?.code).toBe("CAIRN_PROGRAM_FAILED");
    expect(first!.error?.message).toContain("(at validate.ts:3:11)");
    expect(first!.error?.message).toMatch(/at .*index\.ts:6:1/);
    expect(first!.registrations.map((r) => r.name)).toEqual(["proj-dev", "first"]);
  });

  it("leaves programs that need their own module (CommonJS `module`, import.meta) to the hooked path", () => {
    cache = tempProject();
    const [cjs] = runBuilt(fixture("cjs-program"), "index.ts", cache.dir);
    expect(cjs!.outputs).toEqual([{ queueId: "cjs-queue-id", format: "commonjs" }]);
    project = tempProject({
      "package.json": JSON.stringify({ type: "module" }),
      "index.ts": `// import.meta tells where this file is\nexport const here: string = import.meta.url;\n`,
    });
    const [esm] = runBuilt(project.dir, "index.ts", cache.dir);
    expect(esm!.outputs).toEqual([{ here: expect.stringMatching(new RegExp(`^file://${join(project.dir, "index.ts")}\\?`)) }]);
    expect(readdirSync(cache.dir)).toEqual([]);
  });
});
