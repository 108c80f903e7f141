import { describe, expect, it } from "vitest";
import { ErrorCodes, isCairnError } from "@cairn/protocol";
import * as cairn from "./index.js";
import { runProgram } from "./runtime/run-program.js";
import { resolveOutput } from "./runtime/mocks.js";
import { RecordingMonitor } from "./__fixtures__/recording-monitor.js";

const config = {
  "proj:name": "web",
  "proj:count": "3",
  "proj:enabled": "true",
  "proj:settings": '{"a":[1,2]}',
  "proj:password": "hunter2",
  "aws:region": "eu-west-1",
  "proj:bad": "abc",
};

function run<T>(f: () => T, extra: Partial<ConstructorParameters<typeof RecordingMonitor>[0]> = {}) {
  const monitor = new RecordingMonitor({ config, configSecretKeys: ["proj:password"], ...extra });
  let value: T | undefined;
  const done = runProgram(monitor, async () => {
    value = await f();
  }).then(() => value as T);
  return { monitor, done };
}

describe("Config", () => {
  it("reads typed values from the project namespace and others", async () => {
    const { done } = run(() => {
      const c = new cairn.Config();
      return [c.name, c.get("name"), c.requireNumber("count"), c.getBoolean("enabled"), c.getObject("settings"), new cairn.Config("aws").require("region"), c.get("absent")];
    });
    expect(await done).toEqual(["proj", "web", 3, true, { a: [1, 2] }, "eu-west-1", undefined]);
  });

  it("returns secret Outputs from the secret getters and warns on plain reads of secret keys", async () => {
    const { done, monitor } = run(async () => {
      const c = new cairn.Config();
      const s = await resolveOutput(c.requireSecret("password"));
      const n = await resolveOutput(c.requireSecretNumber("count"));
      c.get("password");
      return [s, n, c.getSecret("absent")];
    });
    const [s, n, absent] = await done;
    expect(s).toMatchObject({ value: "hunter2", secret: true });
    expect(n).toMatchObject({ value: 3, secret: true });
    expect(absent).toBeUndefined();
    expect(monitor.logs).toEqual([{ level: "warning", message: expect.stringContaining('"proj:password" is secret') }]);
  });

  it("names the missing key, the stack and the command to set it", async () => {
    const { done } = run(() => new cairn.Config().require("missing"));
    const err = await done.catch((e: unknown) => e);
    expect(isCairnError(err, ErrorCodes.ConfigMissing)).toBe(true);
    expect((err as Error).message).toBe('missing required configuration key "proj:missing" for stack "dev"; set it with `cairn config set proj:missing <value> --stack dev`');
    const custom = run(() => new cairn.Config().requireSecret("token"), { configSetCommand: "npx cairn config set" });
    const err2 = await custom.done.catch((e: unknown) => e);
    expect((err2 as Error).message).toContain("`npx cairn config set proj:token <value> --secret --stack dev`");
  });

  it("rejects values of the wrong type or outside the allowed ones", async () => {
    const bad = await run(() => new cairn.Config().getNumber("bad")).done.catch((e: unknown) => e);
    expect(isCairnError(bad, ErrorCodes.ConfigInvalid)).toBe(true);
    expect((bad as Error).message).toContain('"proj:bad" must be a number');
    const notAllowed = await run(() => new cairn.Config().get("name", { allowedValues: ["api"] })).done.catch((e: unknown) => e);
    expect((notAllowed as Error).message).toContain('must be one of "api"');
    const bool = await run(() => new cairn.Config().requireBoolean("name")).done.catch((e: unknown) => e);
    expect((bool as Error).message).toContain("must be true or false");
  });
});
