// Backend selection and login state: CAIRN_BACKEND_URL, else the URL saved by `cairn login` in
// <cairn home>/credentials.json, else the embedded default file://<cairn home>.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CliContext } from "./cli-context.js";

interface Credentials {
  current?: string;
}

function credentialsFile(ctx: CliContext): string {
  return join(ctx.cairnHome, "credentials.json");
}

function readCredentials(ctx: CliContext): Credentials {
  const file = credentialsFile(ctx);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Credentials;
  } catch {
    return {};
  }
}

export function defaultBackendUrl(ctx: CliContext): string {
  return `file://${ctx.cairnHome}`;
}

/** The backend URL in effect and where it came from. */
export function currentBackend(ctx: CliContext): { url: string; from: "env" | "login" | "default" } {
  const env = ctx.env.CAIRN_BACKEND_URL;
  if (env) return { url: env, from: "env" };
  const saved = readCredentials(ctx).current;
  if (saved) return { url: saved, from: "login" };
  return { url: defaultBackendUrl(ctx), from: "default" };
}

export function saveLogin(ctx: CliContext, url: string): void {
  mkdirSync(ctx.cairnHome, { recursive: true });
  writeFileSync(credentialsFile(ctx), `${JSON.stringify({ ...readCredentials(ctx), current: url }, null, 2)}\n`, { mode: 0o600 });
}

export function removeLogin(ctx: CliContext): void {
  const file = credentialsFile(ctx);
  if (existsSync(file)) rmSync(file);
}
