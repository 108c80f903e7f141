// Integrity checks: every broken reference, duplicate live URN and malformed pending operation is
// reported at once with the URNs involved.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { describe, expect, it } from "vitest";
import { providerRef, providerRes, res, snap, urnOf } from "./__fixtures__/resources.js";
import { integrityProblems, verifyIntegrity } from "./integrity.js";

describe("integrityProblems", () => {
  it("accepts a sound snapshot with replaced copies and pending operations", () => {
    const p = providerRes("p", "pid");
    const s = snap(
      [p, res("a", { id: "1", delete: true }), res("b", { dependencies: [urnOf("a")], provider: providerRef(p) }), res("a", { id: "2" })],
      { pendingOperations: [{ kind: "creating", resource: res("c") }] },
    );
    expect(integrityProblems(s)).toEqual([]);
  });

  it("reports references that come after the resource or are missing", () => {
    const problems = integrityProblems(
      snap([
        res("child", { parent: urnOf("comp") }),
        res("comp", { custom: false }),
        res("x", { dependencies: [urnOf("missing")], propertyDependencies: { size: [urnOf("later")] }, deletedWith: urnOf("gone") }),
        res("later"),
      ]),
    );
    expect(problems).toEqual([
      `${urnOf("child")} refers to its parent ${urnOf("comp")}, which appears after it`,
      `${urnOf("x")} refers to its dependency ${urnOf("missing")}, which is not in the snapshot`,
      `${urnOf("x")} refers to its property dependency "size" ${urnOf("later")}, which appears after it`,
      `${urnOf("x")} refers to its deletedWith ${urnOf("gone")}, which is not in the snapshot`,
    ]);
  });

  it("checks provider references: form, type, ID and position", () => {
    const p = providerRes("p", "pid");
    const problems = integrityProblems(
      snap([
        p,
        res("a", { provider: "not-a-reference" }),
        res("b", { provider: `${urnOf("plain")}::id` }),
        res("c", { provider: `${p.urn}::other-id` }),
        res("d", { provider: providerRef(providerRes("q", "qid")) }),
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain(`${urnOf("a")} has an invalid provider reference`);
    expect(problems[1]).toContain("not a provider resource");
    expect(problems[2]).toContain(`${p.urn} with ID "other-id", which is not in the snapshot`);
    expect(problems[3]).toContain(urnOf("q", "cairn:providers:test"));
  });

  it("reports duplicate live URNs but allows several replaced copies", () => {
    const s = snap([res("a", { id: "1", delete: true }), res("a", { id: "2", delete: true }), res("a", { id: "3" }), res("a", { id: "4" })]);
    expect(integrityProblems(s)).toEqual([`${urnOf("a")} appears more than once as a live resource (resources[3])`]);
  });

  it("reports self references, invalid URNs and malformed pending operations", () => {
    const s = snap([res("a", { dependencies: [urnOf("a")] }), { ...res("b"), urn: "bogus" }], {
      pendingOperations: [{ kind: "creating", resource: { ...res("c"), urn: "nope" } }],
    });
    const problems = integrityProblems(s);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain(`${urnOf("a")} names itself as its dependency`);
    expect(problems[1]).toContain(`resources[1] has an invalid URN "bogus"`);
    expect(problems[2]).toContain(`pendingOperations[0] (creating) names an invalid URN "nope"`);
  });
});

describe("verifyIntegrity", () => {
  it("throws StateIntegrity listing every problem and naming the source", () => {
    const s = snap([res("a", { dependencies: [urnOf("x")] }), res("b", { parent: urnOf("y") })]);
    let error: unknown;
    try {
      verifyIntegrity(s, { source: "/tmp/stack.json" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CairnError);
    const ce = error as CairnError;
    expect(ce.code).toBe(ErrorCodes.StateIntegrity);
    expect(ce.message).toContain("/tmp/stack.json fails 2 integrity checks");
    expect(ce.message).toContain(urnOf("x"));
    expect(ce.message).toContain(urnOf("y"));
  });

  it("returns quietly for a sound snapshot", () => {
    expect(() => verifyIntegrity(snap([res("a")]))).not.toThrow();
  });
});
