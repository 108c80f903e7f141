// Contention: two `up` runs on one stack at once. Exactly one proceeds; the other fails fast (while
// the first is still running) with a message naming the holder. A preview during an `up` takes no
// exclusive lock and is not blocked.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectCode, exportState, Sandbox } from "./harness.js";

const UP = ["up", "--yes", "--skip-preview"];

describe("contention", () => {
  it("two ups at once: one proceeds, the other fails fast naming the holder; preview is not blocked", async () => {
    const sb = new Sandbox();
    const dir = sb.project("busy", `import * as command from "@cairn/command";
const slow = new command.local.Command("slow", { create: "sleep 10; echo done" });
new command.local.Command("after", { create: "echo after >> after.log" }, { dependsOn: [slow] });
`);
    expectCode(await sb.run("busy", ["stack", "init", "dev"]), 0);
    const first = sb.start("busy", UP);
    expect(await first.printed(/slow creating/)).toBe(true);
    expect(existsSync(join(sb.state, "stacks", "busy", "dev", "lease.json"))).toBe(true);

    // Both answer while the first update is still running (it sleeps 10 s in its first step).
    const firstStillRunning = (): boolean => first.child.exitCode === null && first.child.signalCode === null;
    const [[second, secondEarly], [preview, previewEarly]] = await Promise.all([
      sb.run("busy", UP).then((r) => [r, firstStillRunning()] as const),
      sb.run("busy", ["preview"]).then((r) => [r, firstStillRunning()] as const),
    ]);
    expect({ secondEarly, previewEarly }).toEqual({ secondEarly: true, previewEarly: true });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/locked/i);
    expect(second.stderr).toContain(`pid ${first.child.pid}`);
    expect(second.stderr).toContain("cairn cancel");
    expectCode(preview, 0, "preview during up");
    expect(preview.stdout).toMatch(/slow/);

    expectCode(await first.done, 0, "first up");
    const state = await exportState(sb, "busy");
    expect(state.resources.filter((r) => r.type === "command:local:Command").map((r) => r.urn.split("::").pop()).sort()).toEqual(["after", "slow"]);
    // The refused run changed nothing: the side effect ran exactly once.
    expect(readFileSync(join(dir, "after.log"), "utf8")).toBe("after\n");
  }, 120_000);
});
