import { afterEach, describe, expect, it } from "vitest";
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CairnError, ErrorCodes, ROOT_STACK_TYPE, type PropertyMap } from "@cairn/protocol";
import { createProgramSource } from "./program-source.js";
import { recordingMonitor, type RecordingMonitor } from "./__fixtures__/recording-monitor.js";
import { tempProject, type TempProject } from "./__fixtures__/temp-project.js";

const fixture = (name: string): string => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));

async function run(rootDirectory: string, main: string, monitor: RecordingMonitor = recordingMonitor()): Promise<RecordingMonitor> {
  await createProgramSource({ rootDirectory, main })(monitor, new AbortController().signal);
  return monitor;
}

async function runFailing(rootDirectory: string, main: string, monitor: RecordingMonitor): Promise<CairnError> {
  const e = await createProgramSource({ rootDirectory, main })(monitor, new AbortController().signal).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CairnError);
  return e as CairnError;
}

function stackOutputs(m: RecordingMonitor): PropertyMap | undefined {
  for (const [urn, outputs] of m.outputs) if (urn.includes(`::${ROOT_STACK_TYPE}::`)) return outputs;
  return undefined;
}

describe("createProgramSource", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it("runs a TypeScript ES module with top-level await and a relative import; exports become outputs", async () => {
    const m = await run(fixture("esm-program"), "index.ts");
    expect(m.types()).toEqual([ROOT_STACK_TYPE, "test:index:Shared", "test:index:Bucket"]);
    const bucket = m.registrations.find((r) => r.type === "test:index:Bucket")!;
    expect(bucket.name).toBe("bucket-tla");
    expect(bucket.object).toMatchObject({ size: 3, sharedId: "shared-id" });
    expect(stackOutputs(m)).toEqual({ bucketId: "bucket-tla-id", plain: { answer: 42 } });
  });

  it("runs the program again, local imports included, each time it is called in one process", async () => {
    const source = createProgramSource({ rootDirectory: fixture("esm-program"), main: "index.ts" });
    const first = recordingMonitor();
    const second = recordingMonitor();
    await source(first, new AbortController().signal);
    await source(second, new AbortController().signal);
    expect(first.types()).toEqual([ROOT_STACK_TYPE, "test:index:Shared", "test:index:Bucket"]);
    expect(second.types()).toEqual(first.types());
    expect(stackOutputs(second)).toEqual(stackOutputs(first));
  });

  it("runs a CommonJS TypeScript program (import syntax, no type: module), twice", async () => {
    for (let i = 0; i < 2; i++) {
      const m = await run(fixture("cjs-program"), "index.ts");
      expect(m.types()).toEqual([ROOT_STACK_TYPE, "test:index:Queue"]);
      expect(m.registrations[1]!.name).toBe("cjs-queue");
      expect(stackOutputs(m)).toEqual({ queueId: "cjs-queue-id", format: "commonjs" });
    }
  });

  it("runs a CommonJS JavaScript program named by a directory's package.json main", async () => {
    const m = await run(fixture("cjs-js-program"), ".");
    expect(m.types()).toEqual([ROOT_STACK_TYPE, "test:index:Topic"]);
    expect(stackOutputs(m)).toEqual({ topicId: "js-topic-id", kind: "js" });
  });

  it("reports a syntax error with file:line before registering anything", async () => {
    project = tempProject({
      "package.json": JSON.stringify({ type: "module" }),
      "index.ts": `import { CustomResource } from "@cairn/sdk";\nnew CustomResource("test:index:A", "a", {});\nconst broken = {;\n`,
    });
    const m = recordingMonitor();
    const e = await runFailing(project.dir, "index.ts", m);
    expect(e.code).toBe(ErrorCodes.ProgramCompile);
    expect(e.message).toContain("index.ts:3:17");
    expect(m.registrations).toEqual([]);
  });

  it("reports a throw part-way with the user's file:line, keeping what was registered before it", async () => {
    const m = recordingMonitor();
    const e = await runFailing(fixture("throws-program"), "index.ts", m);
    expect(e.code).toBe(ErrorCodes.ProgramFailed);
    expect(e.source).toBe("user");
    expect(e.message).toContain("region must not be empty");
    expect(e.message).toContain("(at validate.ts:3:11)");
    expect(e.message).toMatch(/at .*index\.ts:6:1/);
    expect(e.message).not.toMatch(/node_modules|packages\/sdk|program-source/);
    expect(m.types()).toContain("test:index:First");
    expect(m.types()).not.toContain("test:index:Second");
  });

  it("runs a project without node_modules that imports @cairn/sdk (Cairn's own copy)", async () => {
    project = tempProject({
      "package.json": JSON.stringify({ type: "module" }),
      "index.ts": `import * as cairn from "@cairn/sdk";\nconst db = new cairn.CustomResource("test:index:Db", "db", { engine: "pg" });\nexport const dbId = db.id;\n`,
    });
    const m = await run(project.dir, "index.ts");
    expect(m.types()).toEqual([ROOT_STACK_TYPE, "test:index:Db"]);
    expect(stackOutputs(m)).toEqual({ dbId: "db-id" });
  });

  it("reports a package neither the project nor Cairn has as the program's own import error", async () => {
    project = tempProject({
      "package.json": JSON.stringify({ type: "module" }),
      "index.ts": `import { Thing } from "@cairn/not-a-package";\nexport const t = Thing;\n`,
    });
    const e = await runFailing(project.dir, "index.ts", recordingMonitor());
    expect(e.code).toBe(ErrorCodes.ProgramFailed);
    expect(e.message).toContain("@cairn/not-a-package");
    expect(e.message).toContain(`${project.dir}/index.ts`);
    expect(e.hint).toContain("npm install");
  });

  it("drives the project's own copy of @cairn/sdk, not Cairn's, so its resources join the run", async () => {
    project = tempProject({
      "package.json": JSON.stringify({ type: "module" }),
      "index.ts": `import { CustomResource } from "@cairn/sdk";\nconst v = new CustomResource("test:index:Vault", "vault", {});\nexport const vaultId = v.id;\n`,
    });
    // Installed copies as published: built files only, no "development" (source) conditions.
    for (const pkg of ["sdk", "protocol"]) {
      const from = fileURLToPath(new URL(`../../${pkg}/`, import.meta.url));
      const manifest = JSON.parse(readFileSync(join(from, "package.json"), "utf8")) as { exports: Record<string, Record<string, string>> };
      for (const entry of Object.values(manifest.exports)) delete entry.development;
      project.write({ [`node_modules/@cairn/${pkg}/package.json`]: JSON.stringify(manifest) });
      cpSync(join(from, "dist"), join(project.dir, "node_modules/@cairn", pkg, "dist"), { recursive: true });
    }
    const m = await run(project.dir, "index.ts");
    expect(m.types()).toEqual([ROOT_STACK_TYPE, "test:index:Vault"]);
    expect(stackOutputs(m)).toEqual({ vaultId: "vault-id" });
  });

  it("runs a CommonJS project without node_modules that requires @cairn/sdk (Cairn's own copy)", async () => {
    project = tempProject({
      "index.ts": `import { CustomResource } from "@cairn/sdk";\nconst q = new CustomResource("test:index:Queue", "q", {});\nexport const queueId = q.id;\n`,
    });
    const m = await run(project.dir, "index.ts");
    expect(m.types()).toEqual([ROOT_STACK_TYPE, "test:index:Queue"]);
    expect(stackOutputs(m)).toEqual({ queueId: "q-id" });
  });

  it("names Cairn.yaml's main when the program file is missing", async () => {
    project = tempProject();
    const e = await runFailing(project.dir, "main.ts", recordingMonitor());
    expect(e.code).toBe(ErrorCodes.ProjectInvalid);
    expect(e.message).toContain("Cairn.yaml's main");
    expect(e.message).toContain(`${project.dir}/main.ts`);
  });
});
