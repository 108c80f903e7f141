import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGitInfo } from "./git-info.js";

describe("git facts for history", () => {
  it("reads the commit, branch and dirtiness of a repository, and nothing elsewhere", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cairn-git-"));
    expect(await readGitInfo(dir)).toBeUndefined();
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@e", ...args], { cwd: dir, encoding: "utf8" }).trim();
    git("init", "-q", "-b", "main");
    writeFileSync(join(dir, "a.txt"), "a");
    git("add", "a.txt");
    git("commit", "-qm", "one");
    const head = git("rev-parse", "HEAD");
    expect(await readGitInfo(dir)).toEqual({ commit: head, branch: "main", dirty: false });
    writeFileSync(join(dir, "a.txt"), "b");
    expect((await readGitInfo(dir))?.dirty).toBe(true);
  });
});
