import { afterEach, describe, expect, it } from "vitest";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { checkProgram } from "./check-program.js";
import { moduleFormat, resolveMainFile } from "./main-file.js";
import { tempProject, type TempProject } from "./__fixtures__/temp-project.js";

async function failure(p: Promise<unknown>): Promise<CairnError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(CairnError);
  return e as CairnError;
}

describe("checkProgram", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it("accepts TypeScript with types, top-level await, relative .js imports and package imports", async () => {
    project = tempProject({
      "package.json": JSON.stringify({ type: "module" }),
      "index.ts": `import { name } from "./lib.js";\nimport * as sdk from "@cairn/sdk";\nconst n: number = await Promise.resolve(1);\nexport const out = { name, n, sdk: typeof sdk };\n`,
      "lib.ts": `export const name: string = "x";\n`,
    });
    await expect(checkProgram({ rootDirectory: project.dir, main: "index.ts" })).resolves.toBeUndefined();
  });

  it("reports a syntax error in the main file with file:line:column", async () => {
    project = tempProject({
      "package.json": JSON.stringify({ type: "module" }),
      "index.ts": `const a: number = 1;\n\nconst b = (;\nexport { a, b };\n`,
    });
    const e = await failure(checkProgram({ rootDirectory: project.dir, main: "index.ts" }));
    expect(e.code).toBe(ErrorCodes.ProgramCompile);
    expect(e.source).toBe("user");
    expect(e.message).toMatch(/index\.ts:3:12: Unexpected "\;"/);
    expect(e.hint).toContain(`${project.dir}/index.ts:3:12`);
  });

  it("reports the syntax errors of every imported local file at once", async () => {
    project = tempProject({
      "package.json": JSON.stringify({ type: "module" }),
      "index.ts": `import { f } from "./a.js";\nimport { g } from "./lib/b.js";\nexport const out = [f, g];\n`,
      "a.ts": `export function f() {\n  return 1 +;\n}\n`,
      "lib/b.ts": `export const g = {\n  x: 1,,\n};\n`,
    });
    const e = await failure(checkProgram({ rootDirectory: project.dir, main: "index.ts" }));
    expect(e.message).toContain("2 errors");
    expect(e.message).toMatch(/a\.ts:2:13: /);
    expect(e.message).toMatch(/lib\/b\.ts:2:8: /);
  });

  it("reports a local import that does not exist", async () => {
    project = tempProject({ "index.ts": `import { x } from "./missing";\nexport const y = x;\n` });
    const e = await failure(checkProgram({ rootDirectory: project.dir, main: "index.ts" }));
    expect(e.code).toBe(ErrorCodes.ProgramCompile);
    expect(e.message).toMatch(/index\.ts:1:19: .*\.\/missing/);
  });

  it("names Cairn.yaml's main and the path when the program file is missing", async () => {
    project = tempProject();
    const e = await failure(checkProgram({ rootDirectory: project.dir, main: "src/nope.ts" }));
    expect(e.code).toBe(ErrorCodes.ProjectInvalid);
    expect(e.message).toContain(`Cairn.yaml's main ("src/nope.ts")`);
    expect(e.message).toContain(`${project.dir}/src/nope.ts`);
  });
});

describe("resolveMainFile and moduleFormat", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it("finds a directory's package.json main, else its index file", () => {
    project = tempProject({ "app/package.json": JSON.stringify({ main: "start.ts" }), "app/start.ts": "", "other/index.ts": "" });
    expect(resolveMainFile({ rootDirectory: project.dir, main: "app" })).toBe(`${project.dir}/app/start.ts`);
    expect(resolveMainFile({ rootDirectory: project.dir, main: "other" })).toBe(`${project.dir}/other/index.ts`);
  });

  it("says what it looked for in a directory without an entry file", () => {
    project = tempProject({ "empty/README.md": "" });
    expect(() => resolveMainFile({ rootDirectory: project!.dir, main: "empty" })).toThrow(/no entry file.*index\.ts/);
  });

  it("tells ES modules from CommonJS by extension and package.json type", () => {
    project = tempProject({ "esm/package.json": JSON.stringify({ type: "module" }), "cjs/package.json": "{}" });
    expect(moduleFormat(`${project.dir}/esm/a.ts`)).toBe("esm");
    expect(moduleFormat(`${project.dir}/esm/a.cts`)).toBe("cjs");
    expect(moduleFormat(`${project.dir}/cjs/a.ts`)).toBe("cjs");
    expect(moduleFormat(`${project.dir}/cjs/a.mts`)).toBe("esm");
  });
});
