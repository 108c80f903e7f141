import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ErrorCodes, isCairnError } from "@cairn/protocol";
import * as cairn from "./index.js";
import { runProgram } from "./runtime/run-program.js";
import { resolveOutput } from "./runtime/mocks.js";
import { RecordingMonitor } from "./__fixtures__/recording-monitor.js";
import { Counter } from "./__fixtures__/counter-provider.js";
import { labelProvider } from "./__fixtures__/label-provider.js";

const execFileAsync = promisify(execFile);

const reads = {
  "acme/net/prod": {
    outputs: { vpcId: "vpc-1", dbPassword: { "cairn:sig": "secret" as const, value: "pw" }, listed: "l" },
    secretOutputNames: ["dbPassword", "listed"],
  },
};

describe("StackReference", () => {
  it("reads outputs through readResource, keeping secret ones secret", async () => {
    const monitor = new RecordingMonitor({ reads });
    const seen: unknown[] = [];
    await runProgram(monitor, async () => {
      const ref = new cairn.StackReference("acme/net/prod");
      seen.push(await resolveOutput(ref.getOutput("vpcId")));
      seen.push(await resolveOutput(ref.getOutput("dbPassword")));
      seen.push(await resolveOutput(ref.getOutput("listed")));
      seen.push(await resolveOutput(ref.getOutput("absent")));
      seen.push(await ref.getOutputDetails("dbPassword"), await ref.getOutputDetails("vpcId"), await ref.getOutputDetails("absent"));
      seen.push((await resolveOutput(ref.outputs)).secret);
    });
    expect(monitor.reads[0]).toMatchObject({ type: "cairn:cairn:StackReference", name: "acme/net/prod", id: "acme/net/prod", properties: { name: "acme/net/prod" } });
    expect(seen).toEqual([
      expect.objectContaining({ value: "vpc-1", secret: false }),
      expect.objectContaining({ value: "pw", secret: true }),
      expect.objectContaining({ value: "l", secret: true }),
      expect.objectContaining({ value: undefined, secret: false }),
      { secretValue: "pw" },
      { value: "vpc-1" },
      {},
      true,
    ]);
  });

  it("requireOutput fails the run naming the output and the stack", async () => {
    const err = await runProgram(new RecordingMonitor({ reads }), () => {
      new cairn.StackReference("net", { name: "acme/net/prod" }).requireOutput("subnetIds");
    }).catch((e: unknown) => e);
    expect(isCairnError(err, ErrorCodes.InvalidInput)).toBe(true);
    expect((err as Error).message).toContain('required output "subnetIds" does not exist on stack "acme/net/prod"');
  });
});

describe("dynamic.Resource under runProgram", () => {
  it("records __provider relative to the root directory and uses the cairn-nodejs type", async () => {
    const rootDirectory = resolve(fileURLToPath(import.meta.url), "../..");
    const monitor = new RecordingMonitor({ rootDirectory });
    await runProgram(monitor, () => {
      new Counter("c", { label: "x" });
      new cairn.dynamic.Resource(labelProvider, "plain", { a: 1 });
    });
    const c = monitor.byName("c");
    expect(c.type).toBe("cairn-nodejs:counters:Counter");
    expect(JSON.parse(c.object["__provider"] as string)).toEqual({ module: "src/__fixtures__/counter-provider.ts", exportName: "CounterProvider", kind: "class", fields: { start: 10, settings: { step: 2, tags: ["x"] } } });
    expect(c.sourcePosition?.file).toBe("src/stack-reference.test.ts");
    expect(monitor.byName("plain").type).toBe("cairn-nodejs:dynamic:Resource");
  });

  it("fails the run clearly when the provider is not exported", async () => {
    const { makeHiddenInstance } = await import("./__fixtures__/hidden-provider.js");
    const err = await runProgram(new RecordingMonitor(), () => {
      new cairn.dynamic.Resource(makeHiddenInstance(), "hidden", {});
    }).catch((e: unknown) => e);
    expect(isCairnError(err, ErrorCodes.InvalidInput)).toBe(true);
    expect((err as Error).message).toContain("class HiddenProvider defined in");
    expect((err as Error).message).toContain("is not exported from that module; export it");
  });

  it("locates a provider in the program module itself without evaluating the program again (real Node process)", async () => {
    const runner = fileURLToPath(new URL("./__fixtures__/run-counted.ts", import.meta.url));
    const { stdout } = await execFileAsync(process.execPath, ["--conditions=development", "--import", "tsx", runner], { cwd: resolve(fileURLToPath(import.meta.url), "../../../..") });
    const result = JSON.parse(stdout) as { evaluations: number; provider: string };
    expect(result.evaluations).toBe(1);
    expect(JSON.parse(result.provider)).toEqual({ module: "__fixtures__/counted-program.ts", exportName: "InlineProvider", kind: "class", fields: {} });
  });
});
