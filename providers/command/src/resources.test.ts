import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runtime, secret } from "@cairn/sdk";
import * as command from "./index.js";

let monitor: runtime.MockMonitor;

beforeEach(async () => {
  monitor = await runtime.setMocks({
    newResource: (args) => {
      const state: Record<string, unknown> = { ...args.inputs };
      if (args.type === command.local.COMMAND_TYPE) Object.assign(state, { stdout: `ran ${String(args.inputs.create)}`, stderr: "" });
      if (args.type === command.local.FILE_TYPE) Object.assign(state, { path: `/abs/${String(args.inputs.path ?? args.id)}`, sha256: "abc" });
      return { id: args.id ?? `${args.name}-id`, state };
    },
    call: () => ({}),
  });
});
afterEach(() => runtime.clearMocks());

function registration(name: string) {
  const r = monitor.registrations.find((x) => x.name === name);
  expect(r).toBeDefined();
  return r!;
}

describe("@cairn/command resource classes", () => {
  it("registers local.Command with its type and inputs and exposes stdout and stderr", async () => {
    const cmd = new command.local.Command("hello", { create: "echo hi", delete: "rm -f x", environment: { A: "1" }, triggers: [1] });
    expect((await runtime.resolveOutput(cmd.stdout)).value).toBe("ran echo hi");
    expect((await runtime.resolveOutput(cmd.stderr)).value).toBe("");
    expect((await runtime.resolveOutput(cmd.delete)).value).toBe("rm -f x");
    expect(registration("hello")).toMatchObject({ type: "command:local:Command", object: { create: "echo hi", delete: "rm -f x", environment: { A: "1" }, triggers: [1] } });
  });

  it("sends a secret input as a secret", async () => {
    new command.local.Command("s", { create: "echo $T", environment: { T: secret("tok") } });
    await runtime.waitForRegistrations();
    expect(registration("s").object.environment).toEqual({ T: { "cairn:sig": "secret", value: "tok" } });
  });

  it("registers local.File with its type and outputs, and get reads by path", async () => {
    const f = new command.local.File("f", { path: "out.txt", content: "x", mode: "0600" });
    expect((await runtime.resolveOutput(f.path)).value).toBe("/abs/out.txt");
    expect((await runtime.resolveOutput(f.sha256)).value).toBe("abc");
    expect(registration("f")).toMatchObject({ type: "command:local:File", object: { path: "out.txt", content: "x", mode: "0600" } });
    const got = command.local.File.get("g", "/etc/hosts");
    expect((await runtime.resolveOutput(got.id)).value).toBe("/etc/hosts");
    expect(monitor.reads.map((r) => r.type)).toEqual(["command:local:File"]);
  });
});
