// local.Command ("command:local:Command"): runs `create` on create, `update` on update and `delete`
// on delete through an interpreter, records trimmed stdout/stderr, and keeps them secret when any
// input is. Changing triggers replaces; without an `update` command, changing what `create` runs
// (create, dir, environment, interpreter, stdin) replaces too.
import { randomUUID } from "node:crypto";
import { stat } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import {
  CairnError,
  ErrorCodes,
  UNKNOWN,
  containsSecrets,
  isUnknown,
  makeSecret,
  unwrapSecrets,
  type CheckFailure,
  type PropertyMap,
  type PropertyValue,
} from "@cairn/protocol";
import { changedKeys, diffResponse } from "./changed-keys.js";
import type { HandlerContext, ResourceHandler } from "./resource-handler.js";
import { runProcess, SpawnError } from "./run-process.js";
import { checkSchema, type InputSchema as Schema } from "@cairn/protocol";
import { redact, secretStrings } from "./secret-text.js";

export const COMMAND_TOKEN = "command:local:Command";
export const DEFAULT_INTERPRETER = ["/bin/sh", "-c"];
export const STDOUT_ENV = "CAIRN_COMMAND_STDOUT";
export const STDERR_ENV = "CAIRN_COMMAND_STDERR";
const STDERR_TAIL_LINES = 10;

const schema: Schema = {
  create: { kind: "string" },
  update: { kind: "string" },
  delete: { kind: "string" },
  dir: { kind: "string" },
  environment: { kind: "string-map" },
  triggers: { kind: "list" },
  interpreter: { kind: "string[]" },
  stdin: { kind: "string" },
  addPreviousOutputInEnv: { kind: "boolean", default: true },
  logging: { kind: "string" },
};
const RUN_INPUTS = ["create", "dir", "environment", "interpreter", "stdin"];

type Step = "create" | "update" | "delete";

interface StepRequest {
  step: Step;
  urn: string;
  inputs: PropertyMap;
  previous?: { stdout: PropertyValue | undefined; stderr: PropertyValue | undefined };
  timeoutMs?: number;
  signal: AbortSignal;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function trimFinalNewline(s: string): string {
  return s.replace(/\r?\n$/, "");
}

function describeCommand(command: string, secrets: readonly string[]): string {
  const first = redact(command, secrets).split("\n")[0]!;
  return JSON.stringify(first.length > 120 ? `${first.slice(0, 117)}...` : first);
}

function stderrTail(stderr: string, secrets: readonly string[]): string {
  const lines = redact(stderr, secrets).trimEnd().split("\n").slice(-STDERR_TAIL_LINES);
  return lines.join("\n").slice(-2000);
}

function environmentFor(ctx: HandlerContext, plain: PropertyMap, previous: StepRequest["previous"]): Record<string, string> {
  const env: Record<string, string> = { ...ctx.env, ...((plain.environment as Record<string, string> | undefined) ?? {}) };
  if (previous !== undefined && plain.addPreviousOutputInEnv !== false) {
    const out = unwrapSecrets(previous.stdout ?? null);
    const err = unwrapSecrets(previous.stderr ?? null);
    if (typeof out === "string") env[STDOUT_ENV] = out;
    if (typeof err === "string") env[STDERR_ENV] = err;
  }
  return env;
}

/** Runs one of the resource's commands; resolves with trimmed output or throws a CairnError. */
async function runStep(ctx: HandlerContext, req: StepRequest): Promise<{ stdout: string; stderr: string }> {
  const plain = unwrapSecrets(req.inputs) as PropertyMap;
  const command = plain[req.step];
  if (typeof command !== "string" || command === "") return { stdout: "", stderr: "" };
  const secrets = secretStrings(req.inputs);
  const what = `the ${req.step} command ${describeCommand(command, secrets)} of ${req.urn}`;
  const dir = typeof plain.dir === "string" ? plain.dir : undefined;
  const cwd = dir !== undefined ? resolve(ctx.rootDirectory ?? "/", dir) : ctx.rootDirectory;
  const interpreter = (plain.interpreter as string[] | undefined) ?? DEFAULT_INTERPRETER;
  if (cwd !== undefined && !(await isDirectory(cwd))) {
    throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", urn: req.urn, property: "dir", message: `${what} cannot run: its directory ${cwd} does not exist`, hint: "create the directory first (e.g. with dependsOn) or fix dir" });
  }
  let result;
  try {
    result = await runProcess({
      argv: [...interpreter, command],
      cwd,
      env: environmentFor(ctx, plain, req.previous),
      stdin: typeof plain.stdin === "string" ? plain.stdin : undefined,
      timeoutMs: req.timeoutMs,
      signal: req.signal,
    });
  } catch (e) {
    if (!(e instanceof SpawnError)) throw e;
    throw new CairnError({ code: ErrorCodes.ProviderError, source: "user", urn: req.urn, property: req.step, message: `${what} could not start: ${redact(e.message, secrets)}`, hint: "check the interpreter and dir inputs" });
  }
  if (result.stopped === "timeout") {
    throw new CairnError({ code: ErrorCodes.Timeout, source: "provider", urn: req.urn, property: req.step, message: `${what} did not finish within ${req.timeoutMs} ms and was killed`, hint: "raise customTimeouts or make the command faster" });
  }
  if (result.stopped === "abort") {
    throw new CairnError({ code: ErrorCodes.Cancelled, source: "user", urn: req.urn, property: req.step, message: `${what} was cancelled and its process group killed` });
  }
  if (result.exitCode !== 0) {
    const how = result.exitCode === null ? `was killed by ${result.exitSignal ?? "a signal"}` : `failed with exit code ${result.exitCode}`;
    const tail = stderrTail(result.stderr, secrets);
    throw new CairnError({ code: ErrorCodes.ProviderError, source: "provider", urn: req.urn, property: req.step, message: `${what} ${how}${tail ? `; last lines of stderr:\n${tail}` : " (no stderr)"}` });
  }
  return { stdout: trimFinalNewline(result.stdout), stderr: trimFinalNewline(result.stderr) };
}

function withOutputs(inputs: PropertyMap, stdout: PropertyValue, stderr: PropertyValue): PropertyMap {
  const secret = containsSecrets(inputs);
  const wrap = (v: PropertyValue) => (secret && !isUnknown(v) ? makeSecret(unwrapSecrets(v)) : v);
  return { ...inputs, stdout: wrap(stdout), stderr: wrap(stderr) };
}

function validate(ctx: HandlerContext, plain: { interpreter?: string[]; dir?: string }, failures: CheckFailure[]): void {
  if (plain.interpreter !== undefined && plain.interpreter.length === 0) failures.push({ property: "interpreter", reason: `interpreter must name a program, e.g. ${JSON.stringify(DEFAULT_INTERPRETER)}` });
  if (plain.dir !== undefined && !isAbsolute(plain.dir) && ctx.rootDirectory === undefined) {
    failures.push({ property: "dir", reason: `dir ${JSON.stringify(plain.dir)} is relative but the provider was given no program directory; use an absolute path` });
  }
}

function hasUpdateCommand(news: PropertyMap): boolean {
  const u = unwrapSecrets(news.update ?? null);
  return u !== null && u !== "";
}

export function localCommand(ctx: HandlerContext): ResourceHandler {
  return {
    token: COMMAND_TOKEN,
    check(req) {
      const r = checkSchema(COMMAND_TOKEN, req.news, schema);
      validate(ctx, { interpreter: r.values.strings("interpreter"), dir: r.values.str("dir") }, r.failures);
      return r.failures.length > 0 ? { inputs: r.inputs, failures: r.failures } : { inputs: r.inputs };
    },
    diff(req) {
      const replacing = new Set(["triggers", ...(hasUpdateCommand(req.news) ? [] : RUN_INPUTS)]);
      return diffResponse(req, changedKeys(req), replacing);
    },
    async create(req, signal) {
      if (req.preview) return { id: "", outputs: withOutputs(req.inputs, UNKNOWN, UNKNOWN) };
      const out = await runStep(ctx, { step: "create", urn: req.urn, inputs: req.inputs, timeoutMs: req.timeoutMs, signal });
      return { id: randomUUID(), outputs: withOutputs(req.inputs, out.stdout, out.stderr) };
    },
    async read(req) {
      if (req.state === undefined) {
        throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", urn: req.urn, message: `${COMMAND_TOKEN} cannot be imported: a command has no lasting object to adopt; declare it and run cairn up` });
      }
      return { id: req.id, inputs: req.inputs ?? {}, outputs: req.state };
    },
    async update(req, signal) {
      if (!hasUpdateCommand(req.news)) return { outputs: withOutputs(req.news, req.olds.stdout ?? "", req.olds.stderr ?? "") };
      if (req.preview) return { outputs: withOutputs(req.news, UNKNOWN, UNKNOWN) };
      const previous = { stdout: req.olds.stdout, stderr: req.olds.stderr };
      const out = await runStep(ctx, { step: "update", urn: req.urn, inputs: req.news, previous, timeoutMs: req.timeoutMs, signal });
      return { outputs: withOutputs(req.news, out.stdout, out.stderr) };
    },
    async delete(req, signal) {
      const inputs = Object.keys(req.inputs).length > 0 ? req.inputs : req.outputs;
      const previous = { stdout: req.outputs.stdout, stderr: req.outputs.stderr };
      await runStep(ctx, { step: "delete", urn: req.urn, inputs, previous, timeoutMs: req.timeoutMs, signal });
    },
  };
}
