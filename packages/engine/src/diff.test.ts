import { describe, expect, it } from "vitest";
import { applyIgnoreChanges, detailedDiff, getPath, parsePath, pathMatches, replaceOnChangesKeys, setPath } from "./diff.js";

describe("property paths", () => {
  it("parses dotted, indexed and quoted paths", () => {
    expect(parsePath('a.b[0].c["x.y"]')).toEqual(["a", "b", 0, "c", "x.y"]);
  });
  it("gets and sets nested values without mutating", () => {
    const m = { a: { b: [1, { c: 2 }] } };
    expect(getPath(m, "a.b[1].c")).toBe(2);
    const n = setPath(m, "a.b[1].c", 3);
    expect(getPath(n, "a.b[1].c")).toBe(3);
    expect(getPath(m, "a.b[1].c")).toBe(2);
    expect(setPath(m, "a.b", undefined)).toEqual({ a: {} });
  });
  it("matches paths under a pattern", () => {
    expect(pathMatches("tags", "tags.env")).toBe(true);
    expect(pathMatches("tags.env", "tags")).toBe(false);
    expect(pathMatches("rules[*].port", "rules[3].port")).toBe(true);
    expect(pathMatches("rules[*].port", "rules[3].host")).toBe(false);
    expect(pathMatches("*", "anything.at.all")).toBe(true);
  });
});

describe("diffs", () => {
  it("lists leaf-level adds, updates and deletes", () => {
    expect(detailedDiff({ a: 1, t: { x: 1, y: [1, 2] }, gone: true }, { a: 2, t: { x: 1, y: [1] }, added: "n" })).toEqual([
      { path: "a", kind: "update", old: 1, new: 2 },
      { path: "added", kind: "add", new: "n" },
      { path: "gone", kind: "delete", old: true },
      { path: "t.y[1]", kind: "delete", old: 2 },
    ]);
  });
  it("puts old values back for ignored paths, removing ones absent before", () => {
    expect(applyIgnoreChanges({ tags: { env: "dev" } }, { tags: { env: "prod", new: "x" }, v: 1 }, ["tags.env", "v"])).toEqual({ tags: { env: "dev", new: "x" } });
    expect(applyIgnoreChanges({ a: 1 }, { a: 2, b: 3 }, ["*"])).toEqual({ a: 1 });
  });
  it("finds the top-level keys a replaceOnChanges path hits", () => {
    const d = detailedDiff({ tags: { env: "a" }, size: 1 }, { tags: { env: "b" }, size: 2 });
    expect(replaceOnChangesKeys(d, ["tags.env"])).toEqual(["tags"]);
    expect(replaceOnChangesKeys(d, ["other"])).toEqual([]);
  });
});
