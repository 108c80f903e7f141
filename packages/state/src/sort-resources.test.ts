// sortResources: stable reference order, read the way integrity checks read it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { providerRef, providerRes, res, snap, urnOf } from "./__fixtures__/resources.js";
import { integrityProblems } from "./integrity.js";
import type { ResourceState } from "./snapshot.js";
import { isInReferenceOrder, sortResources } from "./sort-resources.js";

const names = (rs: ResourceState[]): string[] => rs.map((r) => r.urn.split("::").pop()! + (r.delete ? "(old)" : ""));

describe("sortResources", () => {
  it("keeps an order that is already valid", () => {
    const rs = [res("z"), res("a", { dependencies: [urnOf("z")] }), res("m")];
    expect(sortResources(rs)).toEqual(rs);
  });

  it("moves a resource after what it now depends on, and nothing else", () => {
    const rs = [res("a", { dependencies: [urnOf("c")] }), res("b"), res("c"), res("d")];
    expect(names(sortResources(rs))).toEqual(["b", "c", "a", "d"]);
  });

  it("follows every kind of reference", () => {
    const p = providerRes("p", "pid");
    const rs = [
      res("x", { parent: urnOf("comp", "test:index:Comp") }),
      res("y", { propertyDependencies: { k: [urnOf("w")] } }),
      res("v", { deletedWith: urnOf("w") }),
      res("u", { provider: providerRef(p) }),
      res("comp", { type: "test:index:Comp", custom: false }),
      res("w"),
      p,
    ];
    const sorted = sortResources(rs);
    expect(integrityProblems(snap(sorted))).toEqual([]);
    expect(names(sorted)).toEqual(["comp", "x", "w", "y", "v", "p", "u"]);
  });

  it("is satisfied by a replaced copy that comes first, and moves dependents once it is gone", () => {
    const old = res("a", { id: "1", delete: true });
    const b = res("b", { dependencies: [urnOf("a")] });
    const fresh = res("a", { id: "2" });
    expect(sortResources([old, b, fresh])).toEqual([old, b, fresh]);
    expect(sortResources([b, fresh])).toEqual([fresh, b]);
  });

  it("matches provider references by ID", () => {
    const oldP = providerRes("p", "1", { delete: true });
    const newP = providerRes("p", "2");
    const user = res("u", { provider: providerRef(newP) });
    expect(names(sortResources([oldP, user, newP]))).toEqual(["p(old)", "p", "u"]);
  });

  it("ignores references to absent resources and keeps cycles at the end in their order", () => {
    const rs = [res("a", { dependencies: [urnOf("b")] }), res("b", { dependencies: [urnOf("a")] }), res("c", { dependencies: [urnOf("gone")] })];
    expect(names(sortResources(rs))).toEqual(["c", "a", "b"]);
  });

  it("sorts any shuffled acyclic stack into a valid, idempotent order holding the same resources", () => {
    const dag = fc
      .array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: 1, maxLength: 30 })
      .map((depsList) => depsList.map((deps, i) => res(`r${i}`, { dependencies: i === 0 ? [] : [...new Set(deps.map((d) => urnOf(`r${d % i}`)))] })));
    fc.assert(
      fc.property(dag, fc.infiniteStream(fc.nat()), (rs, rand) => {
        const shuffled = [...rs];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = rand.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const sorted = sortResources(shuffled);
        expect(isInReferenceOrder(sorted)).toBe(true);
        expect(integrityProblems(snap(sorted))).toEqual([]);
        expect([...sorted].sort((x, y) => x.urn.localeCompare(y.urn))).toEqual([...rs].sort((x, y) => x.urn.localeCompare(y.urn)));
        expect(sortResources(sorted)).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });
});
