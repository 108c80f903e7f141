import { describe, expect, it } from "vitest";
import { ErrorCodes, isCairnError } from "@cairn/protocol";
import { CustomResource, all, concat, interpolate, isSecret, jsonParse, jsonStringify, output, secret, unsecret, Output } from "./index.js";
import type { OutputData } from "./output.js";
import { makeOutput, outputData } from "./output.js";
import { runProgram } from "./runtime/run-program.js";
import { resolveOutput } from "./runtime/mocks.js";
import { RecordingMonitor } from "./__fixtures__/recording-monitor.js";

const unknown = <T>(secretFlag = false): Output<T> => makeOutput(Promise.resolve<OutputData<T>>({ value: undefined, known: false, secret: secretFlag, resources: [] }));

class Thing extends CustomResource {
  declare readonly size: Output<number>;
  declare readonly label: Output<string>;
  constructor(name: string, props: Record<string, unknown> = {}) {
    super("test:index:Thing", name, { size: 1, label: name, ...props });
  }
}

describe("Output combinators", () => {
  it("apply flattens returned Outputs and promises, keeping secret-ness from either side", async () => {
    const o = output(2).apply((x) => secret(x * 10)).apply(async (x) => x + 1);
    expect(await resolveOutput(o)).toMatchObject({ value: 21, known: true, secret: true });
    const p = secret(3).apply((x) => output(x + 1));
    expect(await resolveOutput(p)).toMatchObject({ value: 4, secret: true });
  });

  it("does not run apply on unknown values and yields unknown", async () => {
    let ran = false;
    const r = unknown<number>(true).apply((x) => {
      ran = true;
      return x + 1;
    });
    expect(await resolveOutput(r)).toMatchObject({ known: false, secret: true, value: undefined });
    expect(ran).toBe(false);
  });

  it("all over arrays and objects propagates secret and unknown, unwrapping nested Inputs", async () => {
    const arr = all([1, Promise.resolve("a"), secret(true)]);
    expect(await resolveOutput(arr)).toMatchObject({ value: [1, "a", true], secret: true, known: true });
    const obj = all({ a: output(1), b: { c: Promise.resolve(2), d: [output("x")] } });
    expect(await resolveOutput(obj)).toMatchObject({ value: { a: 1, b: { c: 2, d: ["x"] } }, secret: false });
    const withUnknown = all({ a: 1, b: unknown<string>() });
    expect(await resolveOutput(withUnknown)).toMatchObject({ known: false, value: undefined });
  });

  it("interpolate and concat build strings and keep secret / unknown", async () => {
    const s = interpolate`https://${output("host")}:${8080}/${secret("key")}`;
    expect(await resolveOutput(s)).toMatchObject({ value: "https://host:8080/key", secret: true });
    expect(await resolveOutput(concat("a", output(1), Promise.resolve("b")))).toMatchObject({ value: "a1b", secret: false });
    expect(await resolveOutput(interpolate`x${unknown<string>()}`)).toMatchObject({ known: false });
    expect(await resolveOutput(concat("x", unknown<string>(true)))).toMatchObject({ known: false, secret: true });
  });

  it("secret, unsecret and isSecret", async () => {
    const s = secret({ a: output(1) });
    expect(await isSecret(s)).toBe(true);
    expect(await resolveOutput(s)).toMatchObject({ value: { a: 1 } });
    const u = unsecret(s);
    expect(await isSecret(u)).toBe(false);
    expect(await resolveOutput(u)).toMatchObject({ value: { a: 1 } });
    expect(await isSecret(unsecret(unknown<number>(true)))).toBe(false);
  });

  it("jsonStringify and jsonParse over nested Outputs", async () => {
    const j = jsonStringify({ a: output(1), b: [secret("s")] });
    expect(await resolveOutput(j)).toMatchObject({ value: '{"a":1,"b":["s"]}', secret: true });
    const p = jsonParse(output('{"x":[1,2]}'));
    expect(await resolveOutput(p)).toMatchObject({ value: { x: [1, 2] }, secret: false });
    expect(await resolveOutput(jsonStringify(unknown()))).toMatchObject({ known: false });
  });

  it("lifts property access and array indexing, but not Output methods", async () => {
    const o = output({ website: { endpoint: "e.example.com" }, list: ["a", "b"], apply: "shadowed" });
    expect(await resolveOutput(o.website.endpoint)).toMatchObject({ value: "e.example.com" });
    expect(await resolveOutput(o.list[1]!)).toMatchObject({ value: "b" });
    expect(await resolveOutput(o.list.length)).toMatchObject({ value: 2 });
    expect(typeof o.apply).toBe("function");
    const missing = output<{ a?: { b: string } }>({}) as Output<{ a?: { b: string } }>;
    expect(await resolveOutput(missing.a.b)).toMatchObject({ value: undefined, known: true });
    // Not a thenable: awaiting an Output gives the Output back.
    expect(Output.isInstance(await Promise.resolve(o))).toBe(true);
  });

  it("toString and toJSON explain how to use the value", () => {
    const o = output("x");
    expect(`${o as unknown as string}`).toMatch(/apply.*interpolate/s);
    expect(JSON.stringify({ o })).toContain("Calling [toJSON] on an [Output<T>] is not supported");
    expect(() => o.get()).toThrow(/not known yet/);
  });

  it("Output.isInstance and Output.create", async () => {
    expect(Output.isInstance(output(1))).toBe(true);
    expect(Output.isInstance({ apply: () => 1 })).toBe(false);
    expect((await outputData(Output.create(Promise.resolve(5)))).value).toBe(5);
  });
});

describe("dependencies through combinators", () => {
  it("carries resources through apply, all, interpolate, secret and lifting", async () => {
    const monitor = new RecordingMonitor();
    let deps: Record<string, string[]> = {};
    await runProgram(monitor, async () => {
      const a = new Thing("a");
      const b = new Thing("b");
      const combos = {
        apply: a.size.apply((x) => x + 1),
        all: all([a.size, b.label]),
        interpolate: interpolate`${a.label}-${b.label}`,
        secret: secret(b.size),
        unsecret: unsecret(secret(a.size)),
        concat: concat(a.label, "x"),
        json: jsonStringify({ x: b.size }),
        flattened: a.size.apply(() => b.label),
      };
      for (const [k, v] of Object.entries(combos)) deps[k] = (await resolveOutput(v as Output<unknown>)).dependencies.sort();
      const c = new Thing("c", { fromA: a.label, fromBoth: interpolate`${a.label}${b.label}` });
      await resolveOutput(c.urn);
    });
    const A = "urn:cairn:dev::proj::test:index:Thing::a";
    const B = "urn:cairn:dev::proj::test:index:Thing::b";
    expect(deps).toEqual({ apply: [A], all: [A, B], interpolate: [A, B], secret: [B], unsecret: [A], concat: [A], json: [B], flattened: [A, B] });
    const c = monitor.byName("c");
    expect(c.dependencies.sort()).toEqual([A, B]);
    expect(c.propertyDependencies).toEqual({ size: [], label: [], fromA: [A], fromBoth: [A, B] });
    deps = {};
  });

  it("an error thrown in apply fails the run with ApplyFailed naming the resource", async () => {
    const monitor = new RecordingMonitor();
    const err = await runProgram(monitor, () => {
      const t = new Thing("broken");
      t.size.apply(() => {
        throw new Error("boom");
      });
    }).catch((e: unknown) => e);
    expect(isCairnError(err, ErrorCodes.ApplyFailed)).toBe(true);
    expect((err as Error).message).toContain('test:index:Thing "broken" (urn:cairn:dev::proj::test:index:Thing::broken)');
    expect((err as Error).message).toContain("boom");
  });
});

describe("preview", () => {
  it("unknown outputs flow into dependent registrations and skip apply callbacks", async () => {
    const monitor = new RecordingMonitor({ dryRun: true, unknownKeys: ["size"] });
    const calls: number[] = [];
    const result = await runProgram(monitor, () => {
      const a = new Thing("a");
      const doubled = a.size.apply((x) => {
        calls.push(x);
        return x * 2;
      });
      new Thing("b", { fromA: doubled, label: a.label });
      return { doubled, id: a.id, label: a.label };
    });
    expect(calls).toEqual([]);
    expect(monitor.byName("b").object["fromA"]).toEqual({ "cairn:sig": "unknown" });
    expect(monitor.byName("b").object["label"]).toBe("a");
    expect(result.outputs).toEqual({ doubled: { "cairn:sig": "unknown" }, id: { "cairn:sig": "unknown" }, label: "a" });
  });
});
