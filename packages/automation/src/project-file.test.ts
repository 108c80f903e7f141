import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ErrorCodes, isCairnError } from "@cairn/protocol";
import { findProjectDir, loadProjectFile, parseProjectFile } from "./project-file.js";

function errorOf(f: () => unknown): Error & { code?: string } {
  try {
    f();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error("expected an error");
}

describe("Cairn.yaml", () => {
  it("parses a valid project", () => {
    const p = parseProjectFile("name: web\nruntime: nodejs\nmain: src/index.ts\ndescription: the site\nconfig:\n  web:size: small\n", "Cairn.yaml");
    expect(p).toEqual({ name: "web", runtime: "nodejs", main: "src/index.ts", description: "the site", config: { "web:size": "small" } });
  });

  it("reports every problem at once, naming the file and each field", () => {
    const e = errorOf(() => parseProjectFile("name: 'bad name!'\nruntime: python\nmain: 3\ncolour: blue\n", "/p/Cairn.yaml"));
    expect(isCairnError(e, ErrorCodes.ProjectInvalid)).toBe(true);
    expect(e.message).toContain("/p/Cairn.yaml is invalid (4 problems)");
    expect(e.message).toMatch(/- name: must be/);
    expect(e.message).toMatch(/- runtime: must be `nodejs`/);
    expect(e.message).toMatch(/- main: must be a relative file path/);
    expect(e.message).toMatch(/- colour: is not a known field/);
  });

  it("reports missing required fields together", () => {
    const e = errorOf(() => parseProjectFile("description: x\n", "Cairn.yaml"));
    expect(e.message).toMatch(/- name: is required/);
    expect(e.message).toMatch(/- runtime: is required/);
  });

  it("reports YAML syntax errors with the line", () => {
    const e = errorOf(() => parseProjectFile("name: a\nruntime: [nodejs\n", "Cairn.yaml"));
    expect(e.message).toMatch(/line \d+: YAML syntax/);
  });

  it("says where no project was found and finds one above", () => {
    const dir = mkdtempSync(join(tmpdir(), "cairn-proj-"));
    const e = errorOf(() => loadProjectFile(dir));
    expect(e.message).toContain(`no Cairn.yaml found in ${dir}`);
    writeFileSync(join(dir, "Cairn.yaml"), "name: a\nruntime: nodejs\n");
    mkdirSync(join(dir, "sub", "deeper"), { recursive: true });
    expect(findProjectDir(join(dir, "sub", "deeper"))).toBe(dir);
  });
});
