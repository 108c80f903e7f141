// Everything the CLI prints reaches a slow reader on a pipe: output beyond the pipe's 64 KiB buffer
// is written asynchronously, and the CLI must not exit before it has gone out.
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, CliSandbox, expectCode } from "./cli-harness.js";

describe("output to a pipe", () => {
  it("is complete even when the reader starts late", async () => {
    const sb = new CliSandbox();
    mkdirSync(join(sb.root, "big"));
    writeFileSync(join(sb.root, "big", "Cairn.yaml"), "name: big\nruntime: nodejs\nmain: index.ts\n");
    expectCode(await sb.run("big", ["stack", "init", "dev"]), 0);
    const value = "x".repeat(100_000);
    expectCode(await sb.run("big", ["config", "set", "blob", value]), 0);

    // As a user's shell runs `cairn ... | slow-reader`: the reader starts a second late.
    const out = await new Promise<string>((res, rej) =>
      execFile("sh", ["-c", `"${process.execPath}" "${BIN}" config get blob | (sleep 1; cat)`], { cwd: join(sb.root, "big"), env: sb.env(), maxBuffer: 1 << 20 }, (err, stdout) =>
        err ? rej(err) : res(stdout),
      ),
    );
    expect(out.trim()).toBe(value);
  }, 60_000);
});
