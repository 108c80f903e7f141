import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { CairnError, ErrorCodes, ROOT_STACK_TYPE } from "@cairn/protocol";
import { CustomResource } from "@cairn/sdk";
import { createDynamicProvider, PROVIDER_KEY } from "./dynamic-provider.js";
import { createProgramSource, inlineProgramSource } from "./program-source.js";
import { userFrames } from "./program-error.js";
import { recordingMonitor } from "./__fixtures__/recording-monitor.js";

const fixture = (name: string): string => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));

describe("a dynamic provider defined in the main module", () => {
  it("is located without running the program a second time, in each of two runs", async () => {
    const root = fixture("provider-in-main");
    const source = createProgramSource({ rootDirectory: root, main: "index.ts" });
    for (let i = 0; i < 2; i++) {
      const m = recordingMonitor({ rootDirectory: root });
      await source(m, new AbortController().signal);
      expect(m.types()).toEqual([ROOT_STACK_TYPE, "test:index:Before", "cairn-nodejs:dynamic:Resource"]);
      const ref = JSON.parse(String(m.registrations[2]!.object[PROVIDER_KEY])) as Record<string, unknown>;
      expect(ref).toMatchObject({ module: "index.ts", exportName: "CounterProvider", kind: "class" });
      const provider = createDynamicProvider({ rootDirectory: root });
      const created = await provider.create({ urn: "urn:cairn:dev::proj::cairn-nodejs:dynamic:Resource::counter", type: "cairn-nodejs:dynamic:Resource", inputs: m.registrations[2]!.object, preview: false });
      expect(created.id).toBe("counter-7");
      // Loading the provider in this process did not evaluate the program's module again.
      expect(m.registrations).toHaveLength(3);
    }
  });
});

describe("program entrypoint forms", () => {
  const outputsOf = (m: ReturnType<typeof recordingMonitor>) => [...m.outputs.entries()].find(([urn]) => urn.includes(ROOT_STACK_TYPE))?.[1];

  it("calls a default-exported async function and uses its result as the outputs", async () => {
    const m = recordingMonitor();
    await createProgramSource({ rootDirectory: fixture("default-export"), main: "index.ts" })(m, new AbortController().signal);
    expect(m.types()).toEqual([ROOT_STACK_TYPE, "test:index:Cache"]);
    expect(outputsOf(m)).toEqual({ cacheId: "cache-id" });
  });

  it("calls a CommonJS module.exports function", async () => {
    const m = recordingMonitor();
    await createProgramSource({ rootDirectory: fixture("cjs-function-export"), main: "index.js" })(m, new AbortController().signal);
    expect(outputsOf(m)).toEqual({ queueId: "jobs-id" });
  });
});

describe("inlineProgramSource", () => {
  it("runs a function program; its returned object becomes the outputs", async () => {
    const m = recordingMonitor();
    await inlineProgramSource(() => {
      const r = new CustomResource("test:index:Inline", "inline", { a: 1 });
      return { id: r.id, note: "inline" };
    })(m, new AbortController().signal);
    expect(m.types()).toEqual([ROOT_STACK_TYPE, "test:index:Inline"]);
    expect([...m.outputs.values()].at(-1)).toEqual({ id: "inline-id", note: "inline" });
  });

  it("reports a throw as ProgramFailed with the test file's line", async () => {
    const e = await inlineProgramSource(() => {
      throw new Error("inline boom");
    })(recordingMonitor(), new AbortController().signal).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CairnError);
    expect(e).toMatchObject({ code: ErrorCodes.ProgramFailed });
    expect((e as Error).message).toContain("inline boom");
    expect((e as Error).message).toContain("program-source-more.test.ts:");
  });

  it("does not start a program when the run is already cancelled", async () => {
    const ac = new AbortController();
    ac.abort();
    const m = recordingMonitor();
    await expect(inlineProgramSource(() => ({}))(m, ac.signal)).rejects.toMatchObject({ code: ErrorCodes.Cancelled });
    await expect(createProgramSource({ rootDirectory: fixture("esm-program"), main: "index.ts" })(m, ac.signal)).rejects.toMatchObject({ code: ErrorCodes.Cancelled });
    expect(m.registrations).toEqual([]);
  });
});

describe("userFrames", () => {
  const stack = [
    "Error: x",
    "    at check (file:///proj/node_modules/lib/index.js:1:10)",
    "    at validate (/proj/src/validate.ts:3:11)",
    "    at file:///proj/index.ts?cairn-run=abc:6:1",
    "    at /elsewhere/tool.js:1:1",
    "    at node:internal/modules/esm/module_job:325:25",
  ].join("\n");

  it("keeps frames inside the project (not its node_modules), relative, with the run query dropped", () => {
    expect(userFrames(stack, "/proj").map((f) => f.text)).toEqual(["validate (src/validate.ts:3:11)", "index.ts:6:1"]);
  });

  it("without a project directory keeps every frame outside node_modules", () => {
    expect(userFrames(stack, undefined).map((f) => `${f.file}:${f.line}`)).toEqual(["/proj/src/validate.ts:3", "/proj/index.ts:6", "/elsewhere/tool.js:1"]);
  });
});
