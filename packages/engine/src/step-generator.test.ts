import { describe, expect, it } from "vitest";
import { ErrorCodes, isCairnError, type DiffResponse } from "@cairn/protocol";
import type { ResourceState } from "@cairn/state";
import { generateStep, sameJson, stateDiffers, type GenerateStepRequest } from "./step-generator.js";
import { planDeletes } from "./delete-planner.js";

const U = (n: string): string => `urn:cairn:dev::p::t:m:R::${n}`;

function res(name: string, over: Partial<ResourceState> = {}): ResourceState {
  return { urn: U(name), type: "t:m:R", custom: true, id: `id-${name}`, inputs: { v: 1 }, outputs: { v: 1 }, dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false, ...over };
}

const some = (over: Partial<DiffResponse> = {}): DiffResponse => ({ changes: "some", ...over });

interface Row {
  name: string;
  req: GenerateStepRequest;
  op: string;
  expect?: Record<string, unknown>;
}

const rows: Row[] = [
  { name: "new resource -> create", req: { planned: res("a"), targeted: true }, op: "create", expect: { diff: [{ path: "v", kind: "add", new: 1 }] } },
  { name: "new resource with importId -> import", req: { planned: res("a"), targeted: true, importId: "x-1" }, op: "import", expect: { importId: "x-1" } },
  { name: "new resource outside targets -> untargeted same", req: { planned: res("a"), targeted: false }, op: "same", expect: { untargeted: true } },
  { name: "no diff -> same without write", req: { old: res("a"), planned: res("a"), diff: { changes: "none" }, targeted: true }, op: "same", expect: { writeState: false } },
  { name: "no diff, option changed -> same with write", req: { old: res("a"), planned: res("a", { protect: true }), diff: { changes: "none" }, targeted: true }, op: "same", expect: { writeState: true } },
  { name: "no diff, dependencies changed -> same with write", req: { old: res("a"), planned: res("a", { dependencies: [U("b")] }), diff: { changes: "none" }, targeted: true }, op: "same", expect: { writeState: true } },
  { name: "timestamps alone -> same without write", req: { old: res("a", { modified: "t1" }), planned: res("a", { modified: "t2" }), diff: { changes: "none" }, targeted: true }, op: "same", expect: { writeState: false } },
  {
    name: "diff -> update with detailed diff",
    req: { old: res("a"), planned: res("a", { inputs: { v: 2 } }), diff: some({ detailedDiff: { v: { kind: "update" } } }), targeted: true },
    op: "update",
    expect: { diff: [{ path: "v", kind: "update", old: 1, new: 2 }] },
  },
  { name: "unknown diff with changed inputs -> update", req: { old: res("a"), planned: res("a", { inputs: { v: 2 } }), diff: { changes: "unknown" }, targeted: true }, op: "update" },
  { name: "unknown diff, same inputs -> same", req: { old: res("a"), planned: res("a"), diff: { changes: "unknown" }, targeted: true }, op: "same" },
  {
    name: "provider replaces -> create-before-delete replace",
    req: { old: res("a"), planned: res("a", { inputs: { v: 2 } }), diff: some({ replaces: ["v"] }), targeted: true },
    op: "replace",
    expect: { deleteBeforeReplace: false, replaceKeys: ["v"], diff: [{ path: "v", kind: "update-replace", old: 1, new: 2 }] },
  },
  { name: "deleteBeforeReplace option -> DBR", req: { old: res("a"), planned: res("a", { inputs: { v: 2 } }), diff: some({ replaces: ["v"] }), deleteBeforeReplace: true, targeted: true }, op: "replace", expect: { deleteBeforeReplace: true } },
  { name: "provider-required DBR", req: { old: res("a"), planned: res("a", { inputs: { v: 2 } }), diff: some({ replaces: ["v"], deleteBeforeReplace: true }), targeted: true }, op: "replace", expect: { deleteBeforeReplace: true } },
  {
    name: "replaceOnChanges path hit -> replace",
    req: { old: res("a", { inputs: { tags: { env: "a" } } }), planned: res("a", { inputs: { tags: { env: "b" } }, replaceOnChanges: ["tags.env"] }), diff: some(), targeted: true },
    op: "replace",
    expect: { replaceKeys: ["tags"] },
  },
  { name: "replaceOnChanges path not hit -> update", req: { old: res("a", { inputs: { tags: { env: "a", o: 1 } } }), planned: res("a", { inputs: { tags: { env: "a", o: 2 } }, replaceOnChanges: ["tags.env"] }), diff: some(), targeted: true }, op: "update" },
  { name: "forceReplace (replaceTargets) with no diff -> replace", req: { old: res("a"), planned: res("a"), diff: { changes: "none" }, forceReplace: true, targeted: true }, op: "replace" },
  { name: "changed but not targeted -> same, old kept", req: { old: res("a"), planned: res("a", { inputs: { v: 2 } }), diff: some(), targeted: false }, op: "same", expect: { new: res("a") } },
  { name: "component with changed inputs -> same with write", req: { old: res("c", { custom: false }), planned: res("c", { custom: false, inputs: { v: 3 } }), targeted: true }, op: "same", expect: { writeState: true } },
  { name: "aliased (URN changed) -> same with write", req: { old: res("old"), planned: res("new"), diff: { changes: "none" }, targeted: true }, op: "same", expect: { writeState: true } },
];

describe("generateStep", () => {
  for (const row of rows) {
    it(row.name, () => {
      const step = generateStep(row.req);
      expect(step.op).toBe(row.op);
      if (row.expect) expect(step).toMatchObject(row.expect);
    });
  }

  it("refuses to replace a protected resource", () => {
    let err: unknown;
    try {
      generateStep({ old: res("a", { protect: true }), planned: res("a", { inputs: { v: 2 } }), diff: some({ replaces: ["v"] }), targeted: true });
    } catch (e) {
      err = e;
    }
    expect(isCairnError(err, ErrorCodes.Protected)).toBe(true);
    expect((err as Error).message).toContain(U("a"));
    expect((err as { hint: string }).hint).toContain(`cairn state unprotect ${U("a")}`);
  });
});

describe("stateDiffers", () => {
  it("ignores key order, undefined fields, timestamps, source positions and absent-like options", () => {
    const a = res("a", { inputs: { x: { b: 1, a: [1, "s"] } }, modified: "t1", sourcePosition: { file: "a.ts", line: 1 } });
    const b: ResourceState = { ...res("a", { inputs: { x: { a: [1, "s"], b: 1, c: undefined } as never }, modified: "t2" }), ignoreChanges: [], external: false };
    expect(stateDiffers(a, b)).toBe(false);
  });
  it("sees nested value, type and key-set changes and fields present on one side only", () => {
    const a = res("a", { inputs: { x: { a: [1, 2] } } });
    expect(stateDiffers(a, res("a", { inputs: { x: { a: [1, 3] } } }))).toBe(true);
    expect(stateDiffers(a, res("a", { inputs: { x: { a: [1, 2], b: null } } }))).toBe(true);
    expect(stateDiffers(a, res("a", { inputs: { x: { a: "1,2" } } }))).toBe(true);
    expect(stateDiffers(a, { ...a, parent: U("p") })).toBe(true);
    expect(stateDiffers({ ...a, parent: U("p") }, a)).toBe(true);
  });
  it("compares like JSON text: undefined array items and non-finite numbers as null", () => {
    expect(sameJson([undefined, 1], [null, 1])).toBe(true);
    expect(sameJson({ n: Number.NaN }, { n: null })).toBe(true);
    expect(sameJson({ n: 0 }, { n: "0" })).toBe(false);
    expect(sameJson([], {})).toBe(false);
  });
});

describe("planDeletes", () => {
  it("orders deletes after their dependents and names them", () => {
    const a = res("a");
    const b = res("b", { dependencies: [U("a")] });
    const c = res("c", { parent: U("b") });
    const plan = planDeletes({ doomed: [a, b, c] });
    expect(plan.map((p) => p.step.urn)).toEqual([U("c"), U("b"), U("a")]);
    expect(plan.find((p) => p.step.urn === U("a"))?.after).toEqual([`delete:${U("b")}`]);
    expect(plan.find((p) => p.step.urn === U("b"))?.after).toEqual([`delete:${U("c")}`]);
  });

  it("discards retainOnDelete resources and deletedWith resources whose target goes too", () => {
    const ns = res("ns");
    const pod = res("pod", { deletedWith: U("ns") });
    const kept = res("kept", { retainOnDelete: true });
    const lone = res("lone", { deletedWith: U("elsewhere") });
    const ops = Object.fromEntries(planDeletes({ doomed: [ns, pod, kept, lone] }).map((p) => [p.step.urn, p.step.op]));
    expect(ops).toEqual({ [U("ns")]: "delete", [U("pod")]: "discard", [U("kept")]: "discard", [U("lone")]: "delete" });
  });

  it("plans replaced copies as delete-replaced, or discard when retained", () => {
    expect(planDeletes({ doomed: [res("a", { delete: true })] })[0]?.step.op).toBe("delete-replaced");
    expect(planDeletes({ doomed: [res("a", { delete: true, retainOnDelete: true })] })[0]?.step.op).toBe("discard");
  });

  it("reports every protected resource at once", () => {
    expect(() => planDeletes({ doomed: [res("a", { protect: true }), res("b", { protect: true })] })).toThrow(new RegExp(`${U("a")}.*${U("b")}`.replace(/\$/g, "\\$")));
  });
});
