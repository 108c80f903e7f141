// The selected stack per project directory (`cairn stack select`), kept in
// <cairn home>/workspaces/<project>-<hash of dir>.json so the project tree stays clean.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CliContext } from "./cli-context.js";

function settingsFile(ctx: CliContext, project: string, dir: string): string {
  const hash = createHash("sha256").update(dir).digest("hex").slice(0, 16);
  return join(ctx.cairnHome, "workspaces", `${project}-${hash}.json`);
}

export function readSelectedStack(ctx: CliContext, project: string, dir: string): string | undefined {
  const file = settingsFile(ctx, project, dir);
  if (!existsSync(file)) return undefined;
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { stack?: string }).stack;
  } catch {
    return undefined;
  }
}

export function writeSelectedStack(ctx: CliContext, project: string, dir: string, stack: string | undefined): void {
  const file = settingsFile(ctx, project, dir);
  mkdirSync(join(ctx.cairnHome, "workspaces"), { recursive: true });
  writeFileSync(file, `${JSON.stringify(stack === undefined ? {} : { stack }, null, 2)}\n`);
}
