import { describe, expect, it } from "vitest";
import { ErrorCodes, isCairnError } from "@cairn/protocol";
import * as cairn from "../index.js";
import { runProgram } from "./run-program.js";
import { resolveOutput } from "./mocks.js";
import { RecordingMonitor } from "../__fixtures__/recording-monitor.js";
import { Bucket } from "../__fixtures__/cloud.js";

describe("runProgram", () => {
  it("registers the root stack as every top-level resource's parent and exports as its outputs", async () => {
    const monitor = new RecordingMonitor();
    const result = await runProgram(monitor, () => {
      const b = new Bucket("b");
      return { name: b.bucket, urn: b.urn, token: cairn.secret("t"), nested: { n: cairn.output(1) }, fn: () => 1 };
    });
    const root = monitor.registrations[0]!;
    expect(root).toMatchObject({ type: "cairn:cairn:Stack", name: "proj-dev", custom: false });
    expect(root.parent).toBeUndefined();
    expect(monitor.byName("b").parent).toBe("urn:cairn:dev::proj::cairn:cairn:Stack::proj-dev");
    expect(result.outputs).toEqual({
      urn: "urn:cairn:dev::proj::aws:s3/bucket:Bucket::b",
      token: { "cairn:sig": "secret", value: "t" },
      nested: { n: 1 },
    });
    expect(monitor.outputs).toEqual([{ urn: "urn:cairn:dev::proj::cairn:cairn:Stack::proj-dev", outputs: result.outputs }]);
  });

  it("waits for every registration and apply started by the program, even unreferenced ones", async () => {
    const monitor = new RecordingMonitor({ delayMs: 5 });
    const seen: string[] = [];
    await runProgram(monitor, () => {
      const a = new Bucket("a");
      a.urn.apply((u) => {
        seen.push(u);
        new Bucket("late", {}, { parent: a });
      });
    });
    expect(seen).toEqual(["urn:cairn:dev::proj::aws:s3/bucket:Bucket::a"]);
    expect(monitor.registrations.map((r) => r.name)).toEqual(["proj-dev", "a", "late"]);
    expect(monitor.byName("late").parent).toBe("urn:cairn:dev::proj::aws:s3/bucket:Bucket::a");
  });

  it("keeps two concurrent runs isolated", async () => {
    const m1 = new RecordingMonitor({ project: "one", stack: "s1", delayMs: 3 });
    const m2 = new RecordingMonitor({ project: "two", stack: "s2", delayMs: 1 });
    const program = (prefix: string) => async () => {
      const first = new Bucket(`${prefix}-1`);
      await new Promise((r) => setTimeout(r, 2));
      const second = new Bucket(`${prefix}-2`, {}, { dependsOn: first });
      return { stack: cairn.getStack(), project: cairn.getProject(), urn: second.urn };
    };
    const [r1, r2] = await Promise.all([runProgram(m1, program("x")), runProgram(m2, program("y"))]);
    expect(m1.registrations.map((r) => r.name)).toEqual(["one-s1", "x-1", "x-2"]);
    expect(m2.registrations.map((r) => r.name)).toEqual(["two-s2", "y-1", "y-2"]);
    expect(r1.outputs).toEqual({ stack: "s1", project: "one", urn: "urn:cairn:s1::one::aws:s3/bucket:Bucket::x-2" });
    expect(r2.outputs).toEqual({ stack: "s2", project: "two", urn: "urn:cairn:s2::two::aws:s3/bucket:Bucket::y-2" });
  });

  it("registers resources of a module imported with await import() into the importing run", async () => {
    const m1 = new RecordingMonitor({ stack: "imported" });
    const m2 = new RecordingMonitor({ stack: "other", delayMs: 1 });
    const [r1] = await Promise.all([
      runProgram(m1, () => import("../__fixtures__/context-program.js")),
      runProgram(m2, () => {
        new Bucket("unrelated");
      }),
    ]);
    expect(m1.registrations.map((r) => r.name)).toEqual(["proj-imported", "assets-imported"]);
    expect(m2.registrations.map((r) => r.name)).toEqual(["proj-other", "unrelated"]);
    expect(r1.outputs).toMatchObject({ stack: "imported", assets: { "cairn:sig": "resource", urn: "urn:cairn:imported::proj::aws:s3/bucket:Bucket::assets-imported" } });
  });

  it("rejects with ProgramFailed when the program throws, and the run is not left half-waited", async () => {
    const err = await runProgram(new RecordingMonitor(), async () => {
      await Promise.resolve();
      throw new TypeError("bad program");
    }).catch((e: unknown) => e);
    expect(isCairnError(err, ErrorCodes.ProgramFailed)).toBe(true);
    expect((err as Error).message).toContain("bad program");
  });

  it("reports several failures at once", async () => {
    const err = await runProgram(new RecordingMonitor(), () => {
      const b = new Bucket("b");
      b.urn.apply(() => {
        throw new Error("first");
      });
      b.id.apply(() => {
        throw new Error("second");
      });
    }).catch((e: unknown) => e);
    expect(isCairnError(err, ErrorCodes.ApplyFailed)).toBe(true);
    expect((err as Error).message).toMatch(/2 errors.*first.*second/s);
  });

  it("fails registrations after cancellation", async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await runProgram(new RecordingMonitor(), () => new Bucket("b"), { signal: controller.signal }).catch((e: unknown) => e);
    expect(isCairnError(err, ErrorCodes.Cancelled)).toBe(true);
  });

  it("sends log messages with the resource's URN", async () => {
    const monitor = new RecordingMonitor();
    await runProgram(monitor, () => {
      const b = new Bucket("b");
      cairn.log.info("hello");
      cairn.log.warn("careful", b);
    });
    expect(monitor.logs).toEqual([
      { level: "info", message: "hello" },
      { level: "warning", message: "careful", urn: "urn:cairn:dev::proj::aws:s3/bucket:Bucket::b" },
    ]);
  });

  it("sends assets and archives as markers and resources as references", async () => {
    const monitor = new RecordingMonitor();
    await runProgram(monitor, () => {
      const b = new Bucket("b");
      new cairn.CustomResource("test:index:Files", "files", {
        file: new cairn.FileAsset("./index.html"),
        text: new cairn.StringAsset("hi"),
        remote: new cairn.RemoteAsset("https://example.com/x"),
        dir: new cairn.FileArchive("./site"),
        zip: new cairn.RemoteArchive("https://example.com/a.zip"),
        bundle: new cairn.AssetArchive({ "a.txt": new cairn.StringAsset("a"), sub: new cairn.FileArchive("./sub") }),
        bucket: b,
        nothing: undefined,
        list: [undefined, 1],
      });
    });
    const files = monitor.byName("files");
    expect(files.object).toEqual({
      file: { "cairn:sig": "asset", path: "./index.html" },
      text: { "cairn:sig": "asset", text: "hi" },
      remote: { "cairn:sig": "asset", uri: "https://example.com/x" },
      dir: { "cairn:sig": "archive", path: "./site" },
      zip: { "cairn:sig": "archive", uri: "https://example.com/a.zip" },
      bundle: { "cairn:sig": "archive", assets: { "a.txt": { "cairn:sig": "asset", text: "a" }, sub: { "cairn:sig": "archive", path: "./sub" } } },
      bucket: { "cairn:sig": "resource", urn: "urn:cairn:dev::proj::aws:s3/bucket:Bucket::b", id: "b-id" },
      list: [null, 1],
    });
    expect(files.dependencies).toEqual(["urn:cairn:dev::proj::aws:s3/bucket:Bucket::b"]);
  });

  it("resolves secret response values as secret Outputs", async () => {
    const monitor = new RecordingMonitor({ extraOutputs: { "aws:s3/bucket:Bucket": { bucket: { "cairn:sig": "secret", value: "hidden" } } } });
    let details: unknown;
    await runProgram(monitor, async () => {
      details = await resolveOutput(new Bucket("b").bucket);
    });
    expect(details).toMatchObject({ value: "hidden", secret: true, known: true });
  });
});
