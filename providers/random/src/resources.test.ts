import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runtime } from "@cairn/sdk";
import * as random from "./index.js";

let monitor: runtime.MockMonitor;

beforeEach(async () => {
  monitor = await runtime.setMocks({
    newResource: (args) => {
      const state: Record<string, unknown> = { ...args.inputs };
      if (args.type === random.RANDOM_TOKENS.RandomPassword || args.type === random.RANDOM_TOKENS.RandomString) state.result = "generated";
      if (args.type === random.RANDOM_TOKENS.RandomId) Object.assign(state, { hex: "0a0b", b64Url: "Cgs", b64Std: "Cgs=", dec: "2571" });
      if (args.type === random.RANDOM_TOKENS.RandomShuffle) state.results = [...(args.inputs.inputs as string[])].reverse();
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

describe("@cairn/random resource classes", () => {
  it("registers RandomPassword with its type and inputs, and its result is secret", async () => {
    const pw = new random.RandomPassword("db", { length: 20, special: true, keepers: { v: "1" } });
    const result = await runtime.resolveOutput(pw.result);
    expect(result).toMatchObject({ value: "generated", secret: true, known: true });
    expect((await runtime.resolveOutput(pw.length)).value).toBe(20);
    const reg = registration("db");
    expect(reg.type).toBe("random:index/randomPassword:RandomPassword");
    expect(reg.object).toEqual({ length: 20, special: true, keepers: { v: "1" } });
    expect(reg.additionalSecretOutputs).toContain("result");
  });

  it("leaves RandomString's result plain", async () => {
    const s = new random.RandomString("s", { length: 8, upper: false });
    expect(await runtime.resolveOutput(s.result)).toMatchObject({ value: "generated", secret: false });
    expect(registration("s").type).toBe("random:index/randomString:RandomString");
  });

  it("exposes RandomId's encodings and RandomShuffle's results", async () => {
    const id = new random.RandomId("id", { byteLength: 2, prefix: "p" });
    expect((await runtime.resolveOutput(id.hex)).value).toBe("0a0b");
    expect((await runtime.resolveOutput(id.dec)).value).toBe("2571");
    expect((await runtime.resolveOutput(id.id)).value).toBe("id-id");
    const sh = new random.RandomShuffle("sh", { inputs: ["a", "b"], resultCount: 2 });
    expect((await runtime.resolveOutput(sh.results)).value).toEqual(["b", "a"]);
    expect(registration("sh").type).toBe("random:index/randomShuffle:RandomShuffle");
  });

  it("uses Pulumi's type tokens for every resource", async () => {
    new random.RandomInteger("i", { min: 1, max: 6, seed: "x" });
    new random.RandomUuid("u");
    new random.RandomPet("pet", { length: 3 });
    await runtime.waitForRegistrations();
    expect(registration("i")).toMatchObject({ type: "random:index/randomInteger:RandomInteger", object: { min: 1, max: 6, seed: "x" } });
    expect(registration("u").type).toBe("random:index/randomUuid:RandomUuid");
    expect(registration("pet")).toMatchObject({ type: "random:index/randomPet:RandomPet", object: { length: 3 } });
  });

  it("reads an existing resource by ID with get", async () => {
    const got = random.RandomString.get("imp", "abc");
    expect((await runtime.resolveOutput(got.id)).value).toBe("abc");
    expect(monitor.reads.map((r) => r.id)).toEqual(["abc"]);
  });
});
