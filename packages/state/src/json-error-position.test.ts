// jsonErrorPosition agrees with JSON.parse on what is valid and points at the first bad character.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonErrorPosition } from "./json-error-position.js";

describe("jsonErrorPosition", () => {
  it("points at the first bad character", () => {
    expect(jsonErrorPosition('{"a": [1,,2]}')).toBe(9);
    expect(jsonErrorPosition('{"a" 1}')).toBe(5);
    expect(jsonErrorPosition('{"a": tru}')).toBe(9);
    expect(jsonErrorPosition("[1.e5]")).toBe(3);
    expect(jsonErrorPosition('["\\x"]')).toBe(3);
    expect(jsonErrorPosition('["\\u12x4"]')).toBe(6);
    expect(jsonErrorPosition("[1] x")).toBe(4);
    expect(jsonErrorPosition("[1]]")).toBe(3);
    expect(jsonErrorPosition('{"a": 1,}')).toBe(8);
  });

  it("reports the end for text cut short", () => {
    expect(jsonErrorPosition('{"a": [1, 2')).toBe(11);
    expect(jsonErrorPosition('{"a": "abc')).toBe(10);
    expect(jsonErrorPosition("")).toBe(0);
  });

  it("puts the error of any cut of a valid document at the cut", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (v, cut) => {
        const text = JSON.stringify(v, null, 1);
        const prefix = text.slice(0, cut % (text.length + 1));
        expect(jsonErrorPosition(prefix)).toBe(prefix.length);
      }),
      { numRuns: 2000 },
    );
  });
});
