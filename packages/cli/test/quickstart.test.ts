// End to end: the README's quickstart (examples/quickstart) deploys as-is with the real binary,
// from a copy outside the repository (no node_modules of its own), then destroys cleanly.
import { cpSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CliSandbox, expectCode } from "./cli-harness.js";

const EXAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), "../../../examples/quickstart");

describe("the quickstart example", () => {
  it("deploys on the file backend and prints its outputs", async () => {
    const sb = new CliSandbox();
    cpSync(EXAMPLE, join(sb.root, "qs"), { recursive: true });
    expectCode(await sb.run(".", ["-C", "qs", "stack", "select", "dev", "--create"]), 0);
    const up = expectCode(await sb.run(".", ["-C", "qs", "up", "--yes"]), 0);
    expect(up.stdout).toMatch(/message: "Hello, [a-z]+-[a-z]+!"/);
    const pet = expectCode(await sb.run("qs", ["stack", "output", "petName"]), 0).stdout.trim();
    expect(expectCode(await sb.run("qs", ["stack", "output", "message"]), 0).stdout.trim()).toBe(`Hello, ${pet}!`);
    expectCode(await sb.run("qs", ["preview", "--expect-no-changes"]), 0);
    expectCode(await sb.run("qs", ["destroy", "--yes", "--remove"]), 0);
    expect(expectCode(await sb.run("qs", ["stack", "ls", "--json"]), 0).stdout.trim()).toBe("[]");
  }, 240_000);
});
