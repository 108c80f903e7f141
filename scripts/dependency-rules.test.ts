import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkWorkspace, importsOf } from "./dependency-rules.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("the package dependency DAG", () => {
  it("holds for the whole workspace", () => {
    expect(checkWorkspace(root)).toEqual([]);
  });

  it("catches a forbidden import", () => {
    const dir = mkdtempSync(join(tmpdir(), "cairn-deps-"));
    const write = (p: string, text: string) => {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), text);
    };
    write("packages/engine/src/a.ts", 'import { Output } from "@cairn/sdk";\nimport type { X } from "@cairn/state";\n');
    write("packages/protocol/src/b.ts", 'export * from "@cairn/state";\n');
    write("providers/aws/src/provider/index.ts", 'const m = await import("@cairn/sdk");\n');
    write("providers/aws/src/index.ts", 'import "@cairn/sdk";\n');
    // Test-only code may use anything a test may.
    write("providers/aws/src/test-support/harness.ts", 'import "@cairn/automation";\n');
    write("packages/engine/src/x.test.ts", 'import "@cairn/sdk";\n');
    const v = checkWorkspace(dir);
    expect(v.map((x) => `${x.file} -> ${x.imported}`).sort()).toEqual([
      "packages/engine/src/a.ts -> @cairn/sdk",
      "packages/protocol/src/b.ts -> @cairn/state",
      "providers/aws/src/provider/index.ts -> @cairn/sdk",
    ]);
  });

  it("reads every import form", () => {
    const found = importsOf('import a from "x";\nexport { b } from \'y\';\nimport "z";\nawait import("w");\nimport type {\n  T,\n} from "v";');
    expect(found.sort()).toEqual(["v", "w", "x", "y", "z"]);
    expect(importsOf('const template = `import * as sdk from "@cairn/sdk";`;\n// import "q";\n')).toEqual([]);
  });
});
