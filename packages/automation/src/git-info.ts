// Git facts for update history: commit, branch and whether the tree is dirty, read with
// `git rev-parse` in the project directory. Missing git or a non-repository gives nothing.
import { execFile } from "node:child_process";

function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile("git", args, { cwd, timeout: 5000 }, (err, stdout) => resolve(err ? undefined : stdout.trim()));
  });
}

export async function readGitInfo(dir: string): Promise<{ commit?: string; branch?: string; dirty?: boolean } | undefined> {
  const commit = await git(dir, ["rev-parse", "HEAD"]);
  if (commit === undefined) return undefined;
  const [branch, status] = await Promise.all([git(dir, ["rev-parse", "--abbrev-ref", "HEAD"]), git(dir, ["status", "--porcelain"])]);
  return { commit, ...(branch ? { branch } : {}), ...(status === undefined ? {} : { dirty: status !== "" }) };
}
