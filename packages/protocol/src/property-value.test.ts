import { describe, expect, it } from "vitest";
import { SIG, UNKNOWN, containsSecrets, containsUnknowns, makeSecret, mapSecrets, propertyValuesEqual, unwrapSecrets, type PropertyValue } from "./index.js";

describe("property values", () => {
  const v: PropertyValue = { a: [1, makeSecret("pw")], b: { c: UNKNOWN }, d: "x" };

  it("finds secrets and unknowns at any depth", () => {
    expect(containsSecrets(v)).toBe(true);
    expect(containsUnknowns(v)).toBe(true);
    expect(containsSecrets({ a: [1, 2] })).toBe(false);
    expect(containsUnknowns(makeSecret(UNKNOWN))).toBe(true);
  });

  it("unwraps and maps secrets without touching other markers", () => {
    expect(unwrapSecrets(v)).toEqual({ a: [1, "pw"], b: { c: UNKNOWN }, d: "x" });
    const redacted = mapSecrets(v, () => "[secret]");
    expect(redacted).toEqual({ a: [1, "[secret]"], b: { c: { [SIG]: "unknown" } }, d: "x" });
  });

  it("does not double-wrap secrets", () => {
    expect(makeSecret(makeSecret(1))).toEqual({ [SIG]: "secret", value: 1 });
  });

  it("compares structurally, ignoring key order and undefined keys", () => {
    expect(propertyValuesEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(propertyValuesEqual({ a: 1 }, { a: 1, b: undefined } as never)).toBe(true);
    expect(propertyValuesEqual({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(propertyValuesEqual(makeSecret(1), makeSecret(2))).toBe(false);
  });
});
