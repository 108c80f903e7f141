// Test helper: writes a project (files by relative path) into a fresh temporary directory.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface TempProject {
  dir: string;
  write(files: Record<string, string>): void;
  remove(): void;
}

export function tempProject(files: Record<string, string> = {}): TempProject {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "cairn-host-")));
  const write = (more: Record<string, string>): void => {
    for (const [rel, text] of Object.entries(more)) {
      const p = join(dir, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, text);
    }
  };
  write(files);
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
