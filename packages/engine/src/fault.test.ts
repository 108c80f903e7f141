// Fault test: random programs, provider failures and forced aborts at random calls. After every
// run, the state rebuilt from the journal accounts for every resource in the fake cloud (none
// leaked) and every recorded resource exists in the cloud or is covered by a pending operation
// (none lost or invented).
import { describe, expect, it } from "vitest";
import { replay, type Snapshot } from "@cairn/state";
import { urnName } from "@cairn/protocol";
import { World, program, type Decl } from "./__fixtures__/harness.js";

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomProgram(r: () => number, names: string[]): Decl[] {
  const decls: Decl[] = [];
  for (const name of names) {
    const earlier = decls.filter(() => r() < 0.3).map((d) => d.name);
    decls.push({ name, inputs: { v: Math.floor(r() * 3), zone: r() < 0.2 ? "b" : "a" }, deps: earlier, ...(r() < 0.2 ? { deleteBeforeReplace: true } : {}) });
  }
  return decls;
}

function checkAccounted(state: Snapshot, w: World, label: string): void {
  const pendingUrns = new Set(state.pendingOperations.map((p) => p.resource.urn));
  const ids = new Set(state.resources.filter((r) => r.id !== undefined).map((r) => r.id));
  for (const c of w.cloud.resources.values()) {
    const ok = ids.has(c.id) || pendingUrns.has(c.urn);
    if (!ok) throw new Error(`${label}: cloud resource ${c.id} (${urnName(c.urn)}) is not in state and not pending`);
  }
  for (const r of state.resources) {
    if (!r.custom || r.type !== "fake:index:Res" || r.pendingReplacement) continue;
    const ok = (r.id !== undefined && w.cloud.get(r.id) !== undefined) || pendingUrns.has(r.urn);
    if (!ok) throw new Error(`${label}: state has ${r.urn} (${r.id}) which is not in the cloud and not pending`);
  }
}

async function trial(seed: number, parallel?: number): Promise<void> {
  const r = rng(seed);
  const w = new World({ replaceOnChanges: ["zone"], deleteBeforeReplace: r() < 0.3 });
  const pool = Array.from({ length: 8 }, (_, i) => `r${i}`);
  let forceAt = 0;
  let calls = 0;
  let force = new AbortController();
  w.provider.failOn({ when: () => (++calls === forceAt && force.abort(), false) });
  w.provider.failOn({ op: ["create", "update", "delete"], when: () => r() < 0.12, message: "random failure" });
  w.provider.failOn({ op: ["create", "update"], when: () => r() < 0.05, initError: true, message: "random init failure" });
  for (let round = 0; round < 4; round++) {
    const names = pool.filter(() => r() < 0.7);
    const kind = round === 3 && r() < 0.5 ? "destroy" : r() < 0.15 ? "refresh" : "update";
    force = new AbortController();
    forceAt = r() < 0.4 ? calls + 1 + Math.floor(r() * 12) : 0;
    const base = w.state;
    const before = w.journal.length;
    const res = await w.run(kind, kind === "update" ? program(randomProgram(r, names)) : undefined, { parallel: parallel ?? 1 + Math.floor(r() * 4), continueOnError: r() < 0.5 }, { forceSignal: force.signal });
    const rebuilt = replay(base, w.journal.slice(before));
    expect(rebuilt).toEqual(res.snapshot);
    checkAccounted(rebuilt, w, `seed ${seed} round ${round} (${res.result}${res.error ? `: ${res.error.message}` : ""})`);
  }
}

describe("fault injection", () => {
  it("never leaks or loses a resource across 300 randomized trials", async () => {
    for (let seed = 1; seed <= 300; seed++) await trial(seed);
  });

  it("keeps the invariant with one provider call in flight at a time", async () => {
    for (let seed = 1001; seed <= 1100; seed++) await trial(seed, 1);
  });
});
