// Runs in a child process: an error escaping the program must fail the run, not crash the process
// (the test runner itself treats escaped errors as failures, so it cannot host this case).
import { afterEach, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { tempProject, type TempProject } from "./__fixtures__/temp-project.js";

const run = promisify(execFile);
const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const workspace = here("../../..");

const DRIVER = `
import { createProgramSource } from ${JSON.stringify(here("./index.ts"))};
import { recordingMonitor } from ${JSON.stringify(here("./__fixtures__/recording-monitor.ts"))};
const m = recordingMonitor();
try {
  await createProgramSource({ rootDirectory: process.argv[2], main: "index.ts" })(m, new AbortController().signal);
  console.log(JSON.stringify({ ok: true }));
} catch (e) {
  console.log(JSON.stringify({ code: e.code, message: e.message, types: m.types() }));
}
`;

describe("errors that escape the program", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  for (const [what, escape] of [
    ["a throw in a timer callback", `setTimeout(() => {\n  throw new Error("late failure");\n}, 5);`],
    ["a rejected promise nobody awaits", `void 0;\nPromise.reject(new Error("late failure"));`],
  ] as const) {
    it(`fail the run with the error and its line for ${what}, and the process lives on`, async () => {
      project = tempProject({
        "package.json": JSON.stringify({ type: "module" }),
        "index.ts": `import { CustomResource } from "@cairn/sdk";\nnew CustomResource("test:index:Early", "early", {});\n${escape}\nawait new Promise((r) => setTimeout(r, 200));\nnew CustomResource("test:index:Late", "late", {});\n`,
        "driver.mts": DRIVER,
      });
      const { stdout } = await run(process.execPath, ["--import", "tsx", `${project.dir}/driver.mts`, project.dir], { cwd: workspace });
      const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as { code: string; message: string; types: string[] };
      expect(result.code).toBe("CAIRN_PROGRAM_FAILED");
      expect(result.message).toContain("late failure");
      expect(result.message).toMatch(/index\.ts:4:/);
      expect(result.types).toContain("test:index:Early");
    });
  }
});
