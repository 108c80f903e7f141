// `cairn login [url]`, `logout`, `whoami`, `about` and `version`.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { CAIRN_VERSION, findProjectDir, fileBackendRoot } from "@cairn/automation";
import type { CliContext } from "../cli-context.js";
import { currentBackend, defaultBackendUrl, removeLogin, saveLogin } from "../credentials.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";

export function login(ctx: CliContext, url: string | undefined, flags: { local?: boolean }): ExitCodeValue {
  const target = url ?? (flags.local ? defaultBackendUrl(ctx) : undefined) ?? defaultBackendUrl(ctx);
  if (!/^file:\/\//.test(target)) {
    throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `cannot log in to ${target}: only file://<directory> backends are supported`, hint: "cairn login file://~/cairn-state" });
  }
  const root = fileBackendRoot({ url: target, homeDir: ctx.homeDir, cwd: ctx.cwd });
  saveLogin(ctx, `file://${root}`);
  ctx.stdout.write(`Logged in to file://${root}\n`);
  return ExitCode.Ok;
}

export function logout(ctx: CliContext): ExitCodeValue {
  removeLogin(ctx);
  ctx.stdout.write(`Logged out; the default backend is ${defaultBackendUrl(ctx)}\n`);
  return ExitCode.Ok;
}

export function whoami(ctx: CliContext, flags: { verbose?: boolean }): ExitCodeValue {
  const b = currentBackend(ctx);
  ctx.stdout.write(`${ctx.identity.user}\n`);
  if (flags.verbose) ctx.stdout.write(`Backend: ${b.url} (from ${b.from === "env" ? "CAIRN_BACKEND_URL" : b.from === "login" ? "cairn login" : "the default"})\n`);
  return ExitCode.Ok;
}

export function about(ctx: CliContext): ExitCodeValue {
  const b = currentBackend(ctx);
  const project = findProjectDir(ctx.cwd);
  ctx.stdout.write(`Cairn ${CAIRN_VERSION}\nNode ${process.version} on ${process.platform}/${process.arch}\nBackend: ${b.url}\nCairn home: ${ctx.cairnHome}\nUser: ${ctx.identity.user}@${ctx.identity.host}\nProject: ${project ?? "(none here)"}\n`);
  return ExitCode.Ok;
}

