// Replay's rules, case by case: applying begin/end/write/clear-pending, pending operations,
// corruption errors naming the entry, and the order of the result.
import { ErrorCodes, isCairnError } from "@cairn/protocol";
import { describe, expect, it } from "vitest";
import { res, snap, urnOf } from "./__fixtures__/resources.js";
import { integrityProblems } from "./integrity.js";
import type { JournalEntry } from "./journal.js";
import { replay } from "./replay.js";

const A = urnOf("a");
const B = urnOf("b");

function corruptError(f: () => unknown): { message: string; urn?: string } {
  try {
    f();
  } catch (e) {
    expect(isCairnError(e, ErrorCodes.StateCorrupt)).toBe(true);
    return e as { message: string; urn?: string };
  }
  throw new Error("expected a StateCorrupt error");
}

describe("replay", () => {
  it("applies a successful create, update and delete", () => {
    const created = res("a", { id: "1", outputs: { v: 1 } });
    const updated = { ...created, outputs: { v: 2 } };
    const s1 = replay(snap([]), [
      { kind: "begin", seq: 1, op: "create", planned: res("a") },
      { kind: "end", seq: 2, begin: 1, ok: true, state: created },
      { kind: "begin", seq: 3, op: "update", old: { urn: A }, planned: updated },
      { kind: "end", seq: 4, begin: 3, ok: true, state: updated },
    ]);
    expect(s1.resources).toEqual([updated]);
    expect(s1.pendingOperations).toEqual([]);
    const s2 = replay(s1, [
      { kind: "begin", seq: 5, op: "delete", old: { urn: A } },
      { kind: "end", seq: 6, begin: 5, ok: true },
    ]);
    expect(s2.resources).toEqual([]);
  });

  it("turns begun but unended operations into pending operations of the matching kind", () => {
    const a = res("a", { id: "1" });
    const b = res("b", { id: "2" });
    const base = snap([a, b]);
    const planned = res("c");
    const s = replay(base, [
      { kind: "begin", seq: 1, op: "create", planned },
      { kind: "begin", seq: 2, op: "update", old: { urn: A } },
      { kind: "begin", seq: 3, op: "delete", old: { urn: B } },
      { kind: "begin", seq: 4, op: "read", planned: res("r", { external: true, id: "x" }) },
      { kind: "begin", seq: 5, op: "import", planned: res("i", { id: "y", importId: "y" }) },
    ]);
    expect(s.pendingOperations.map((p) => [p.kind, p.resource.urn])).toEqual([
      ["creating", planned.urn],
      ["updating", A],
      ["deleting", B],
      ["reading", urnOf("r")],
      ["importing", urnOf("i")],
    ]);
    // Without a planned state, the pending operation carries the resource as it stood.
    expect(s.pendingOperations[1]!.resource).toBe(a);
    expect(s.resources).toEqual([a, b]);
  });

  it("records partial state of a failed create or update, and nothing for a plain failure", () => {
    const a = res("a", { id: "1" });
    const s = replay(snap([a]), [
      { kind: "begin", seq: 1, op: "create", planned: res("b") },
      { kind: "end", seq: 2, begin: 1, ok: false, error: "boom", partial: res("b", { id: "2", initErrors: ["half"] }) },
      { kind: "begin", seq: 3, op: "update", old: { urn: A } },
      { kind: "end", seq: 4, begin: 3, ok: false, error: "boom", partial: { ...a, initErrors: ["half"] } },
      { kind: "begin", seq: 5, op: "create", planned: res("c") },
      { kind: "end", seq: 6, begin: 5, ok: false, error: "boom" },
    ]);
    expect(s.resources.map((r) => [r.urn, r.initErrors])).toEqual([
      [A, ["half"]],
      [B, ["half"]],
    ]);
    expect(s.pendingOperations).toEqual([]);
  });

  it("keeps a create-before-delete replacement's old copy until it is deleted", () => {
    const old = res("a", { id: "1" });
    const b = res("b", { id: "9", dependencies: [A] });
    const fresh = res("a", { id: "2" });
    const entries: JournalEntry[] = [
      { kind: "write", seq: 1, old: { urn: A }, state: { ...old, delete: true } },
      { kind: "begin", seq: 2, op: "create", planned: res("a") },
      { kind: "end", seq: 3, begin: 2, ok: true, state: fresh },
    ];
    const mid = replay(snap([old, b]), entries);
    expect(mid.resources).toEqual([{ ...old, delete: true }, b, fresh]);
    expect(integrityProblems(mid)).toEqual([]);
    const done = replay(mid, [
      { kind: "begin", seq: 4, op: "delete", old: { urn: A, delete: true } },
      { kind: "end", seq: 5, begin: 4, ok: true },
    ]);
    // b depended on the old copy's place; it now follows the replacement.
    expect(done.resources).toEqual([fresh, b]);
  });

  it("lets a replacement land over a resource deleted for a delete-before-replace", () => {
    const a = res("a", { id: "1" });
    const s = replay(snap([a]), [
      { kind: "begin", seq: 1, op: "delete", old: { urn: A } },
      { kind: "end", seq: 2, begin: 1, ok: true, state: { ...a, pendingReplacement: true } },
    ]);
    expect(s.resources).toEqual([{ ...a, pendingReplacement: true }]);
    const fresh = res("a", { id: "2" });
    const t = replay(s, [
      { kind: "begin", seq: 3, op: "create", planned: res("a") },
      { kind: "end", seq: 4, begin: 3, ok: true, state: fresh },
    ]);
    expect(t.resources).toEqual([fresh]);
  });

  it("re-reads an external resource in place", () => {
    const e1 = res("e", { id: "x", external: true, outputs: { v: 1 } });
    const e2 = { ...e1, outputs: { v: 2 } };
    const s = replay(snap([e1]), [
      { kind: "begin", seq: 1, op: "read", planned: e2 },
      { kind: "end", seq: 2, begin: 1, ok: true, state: e2 },
    ]);
    expect(s.resources).toEqual([e2]);
  });

  it("applies writes: replace, add and remove", () => {
    const a = res("a", { id: "1" });
    const s = replay(snap([a]), [
      { kind: "write", seq: 1, old: { urn: A }, state: { ...a, protect: true } },
      { kind: "write", seq: 2, state: res("b") },
      { kind: "write", seq: 3, old: { urn: A }, state: null },
    ]);
    expect(s.resources).toEqual([res("b")]);
  });

  it("clears pending operations from the base and from the journal", () => {
    const a = res("a", { id: "1" });
    const base = snap([a], { pendingOperations: [{ kind: "creating", resource: res("b") }, { kind: "deleting", resource: a }] });
    const s = replay(base, [
      { kind: "begin", seq: 1, op: "create", planned: res("c") },
      { kind: "clear-pending", seq: 2, urns: [B, urnOf("c")] },
    ]);
    expect(s.pendingOperations).toEqual([{ kind: "deleting", resource: a }]);
  });

  it("reports entries that refer to resources that are not there, naming the seq and URN", () => {
    const e1 = corruptError(() => replay(snap([]), [{ kind: "begin", seq: 7, op: "update", old: { urn: A } }]));
    expect(e1.message).toContain("seq 7");
    expect(e1.message).toContain(A);
    expect(e1.urn).toBe(A);
    const e2 = corruptError(() => replay(snap([]), [{ kind: "write", seq: 3, old: { urn: B }, state: null }]));
    expect(e2.message).toContain("seq 3");
    expect(e2.message).toContain(B);
    const e3 = corruptError(() => replay(snap([res("a")]), [{ kind: "write", seq: 4, old: { urn: A, delete: true }, state: null }]));
    expect(e3.message).toContain("replaced copy");
  });

  it("keeps the operations of several killed runs that numbered their entries from 1 pending", () => {
    // Run 1 is killed after beginning a create of b (seq 3); run 2 reuses 3 for its own create of b
    // and is killed too, after beginning a delete of a at seq 4; run 3 ends its own seq 3.
    const a = res("a", { id: "1" });
    const journal: JournalEntry[] = [
      { kind: "begin", seq: 1, op: "update", old: { urn: A }, planned: a },
      { kind: "end", seq: 2, begin: 1, ok: true, state: a },
      { kind: "begin", seq: 3, op: "create", planned: res("b") },
      { kind: "write", seq: 1, old: { urn: A }, state: a },
      { kind: "write", seq: 2, old: { urn: A }, state: a },
      { kind: "begin", seq: 3, op: "create", planned: res("b", { inputs: { run: 2 } }) },
      { kind: "begin", seq: 4, op: "delete", old: { urn: A } },
    ];
    const s = replay(snap([a]), journal);
    expect(s.pendingOperations.map((p) => [p.kind, p.resource.urn, p.resource.inputs])).toEqual([
      ["creating", B, {}],
      ["creating", B, { run: 2 }],
      ["deleting", A, a.inputs],
    ]);
    const ended = replay(snap([a]), [...journal, { kind: "end", seq: 5, begin: 3, ok: true, state: res("b", { id: "2" }) }]);
    expect(ended.resources.map((r) => r.id)).toEqual(["1", "2"]);
    expect(ended.pendingOperations.map((p) => [p.kind, p.resource.inputs])).toEqual([["creating", {}], ["deleting", a.inputs]]);
    const cleared = replay(snap([a]), [...journal, { kind: "clear-pending", seq: 5, urns: [B] }]);
    expect(cleared.pendingOperations.map((p) => p.kind)).toEqual(["deleting"]);
    // Once cleared, seq 3 is open no more.
    expect(corruptError(() => replay(snap([a]), [...journal, { kind: "clear-pending", seq: 5, urns: [B] }, { kind: "end", seq: 6, begin: 3, ok: true }])).message).toContain("seq 3");
  });

  it("reports an end without its begin, an end of an ended seq and an add over a live resource", () => {
    expect(corruptError(() => replay(snap([]), [{ kind: "end", seq: 2, begin: 1, ok: true, state: res("a") }])).message).toContain("seq 1");
    const begin: JournalEntry = { kind: "begin", seq: 1, op: "create", planned: res("a") };
    const end: JournalEntry = { kind: "end", seq: 2, begin: 1, ok: false, error: "boom" };
    expect(corruptError(() => replay(snap([]), [begin, begin, end, end])).message).toContain("already ended");
    const add = corruptError(() => replay(snap([res("a", { id: "1" })]), [{ kind: "write", seq: 5, state: res("a", { id: "2" }) }]));
    expect(add.message).toContain("already in the state");
    expect(add.urn).toBe(A);
    expect(corruptError(() => replay(snap([]), [{ kind: "begin", seq: 1, op: "create" }])).message).toContain("no planned resource");
    expect(corruptError(() => replay(snap([]), [{ kind: "begin", seq: 1, op: "delete" }])).message).toContain("no old resource");
    expect(corruptError(() => replay(snap([]), [{ kind: "write", seq: 1, state: null }])).message).toContain("seq 1");
  });

  it("never mutates its inputs", () => {
    const a = res("a", { id: "1" });
    const base = snap([a, res("b", { dependencies: [A] })]);
    const entries: JournalEntry[] = [
      { kind: "write", seq: 1, old: { urn: A }, state: { ...a, delete: true } },
      { kind: "write", seq: 2, state: res("a", { id: "2" }) },
      { kind: "write", seq: 3, old: { urn: A, delete: true }, state: null },
    ];
    const before = JSON.stringify([base, entries]);
    deepFreeze(base);
    deepFreeze(entries);
    replay(base, entries);
    expect(JSON.stringify([base, entries])).toBe(before);
  });

  it("gives exactly the same snapshot, order included, when replayed in two parts", () => {
    const a = res("a", { id: "1" });
    const b = res("b", { id: "9", dependencies: [A] });
    const first: JournalEntry[] = [
      { kind: "write", seq: 1, old: { urn: A }, state: { ...a, delete: true } },
      { kind: "write", seq: 2, state: res("a", { id: "2" }) },
      { kind: "write", seq: 3, old: { urn: A, delete: true }, state: null },
    ];
    // b stops depending on a: both orders are now valid, and both replays must pick the same.
    const second: JournalEntry[] = [{ kind: "write", seq: 4, old: { urn: B }, state: { ...b, dependencies: [] } }];
    const base = snap([a, b]);
    const once = replay(base, [...first, ...second]);
    expect(replay(replay(base, first), second)).toEqual(once);
    expect(once.resources.map((r) => r.urn)).toEqual([A, B]);
  });

  it("keeps the base's secrets provider and manifest", () => {
    const base = snap([], { secretsProvider: { type: "passphrase", state: { salt: "x" } } });
    const s = replay(base, []);
    expect(s.secretsProvider).toEqual(base.secretsProvider);
    expect(s.manifest).toEqual(base.manifest);
  });
});

function deepFreeze(v: unknown): void {
  if (v === null || typeof v !== "object") return;
  Object.freeze(v);
  for (const x of Object.values(v)) deepFreeze(x);
}
