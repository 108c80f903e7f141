// Starts the stack's key derivation (scrypt, deliberately slow) first thing, before the CLI loads its
// commands: a cheap reading of the arguments, Cairn.yaml, the selected stack and the stack's
// encryptionsalt line. Only a guess: automation uses the result only when the stack it opens has
// exactly that salt; anything unclear here just means no head start.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { PrefetchedSecrets } from "@cairn/automation";
import { startPassphraseKey } from "@cairn/automation/early-key";
import type { CliContext } from "./cli-context.js";
import { readSelectedStack } from "./selected-stack.js";

/** The commands that open the stack's secrets before doing anything else. */
const OPERATIONS = new Set(["preview", "up", "update", "destroy", "refresh", "import"]);

interface Invocation {
  cwd: string;
  stack?: string;
}

/** Starts opening the secrets of the stack this command line will use; undefined when unsure. */
export function prefetchSecrets(ctx: CliContext, args: string[]): PrefetchedSecrets | undefined {
  try {
    const inv = readInvocation(ctx, args);
    const passphrase = inv === undefined ? undefined : readPassphrase(ctx);
    if (inv === undefined || passphrase === undefined) return undefined;
    const projectDir = findProjectDir(inv.cwd);
    const project = projectDir === undefined ? undefined : projectName(join(projectDir, "Cairn.yaml"));
    if (projectDir === undefined || project === undefined) return undefined;
    const stack = inv.stack ?? readSelectedStack(ctx, project, projectDir);
    const encryptionsalt = stack === undefined ? undefined : saltLine(join(projectDir, `Cairn.${stack}.yaml`));
    const manager = encryptionsalt === undefined ? undefined : startPassphraseKey(encryptionsalt, passphrase);
    if (stack === undefined || encryptionsalt === undefined || manager === undefined) return undefined;
    return { stack, encryptionsalt, manager };
  } catch {
    return undefined;
  }
}

/** `[-C dir] <operation> [... -s stack ...]`; undefined for any other command. */
function readInvocation(ctx: CliContext, args: string[]): Invocation | undefined {
  let cwd = ctx.cwd;
  let i = 0;
  for (; i < args.length && args[i]!.startsWith("-"); i++) {
    const a = args[i]!;
    if (a === "-C" || a === "--cwd") cwd = resolve(cwd, args[++i] ?? ".");
    else if (a.startsWith("--cwd=")) cwd = resolve(cwd, a.slice(6));
    else return undefined;
  }
  if (!OPERATIONS.has(args[i] ?? "")) return undefined;
  let stack: string | undefined;
  for (let j = i + 1; j < args.length && args[j] !== "--"; j++) {
    const a = args[j]!;
    if (a === "-s" || a === "--stack") stack = args[++j];
    else if (a.startsWith("--stack=")) stack = a.slice(8);
  }
  return stack === undefined ? { cwd } : { cwd, stack };
}

function readPassphrase(ctx: CliContext): string | undefined {
  const env = ctx.env.CAIRN_CONFIG_PASSPHRASE;
  if (env !== undefined) return env;
  const file = ctx.env.CAIRN_CONFIG_PASSPHRASE_FILE;
  return file === undefined ? undefined : readFileSync(file, "utf8").replace(/\r?\n$/, "");
}

function findProjectDir(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "Cairn.yaml"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** A plain top-level `name:` line of Cairn.yaml. */
function projectName(file: string): string | undefined {
  const m = /^name:[ \t]*(["']?)([A-Za-z0-9_.-]+)\1[ \t]*$/m.exec(readFileSync(file, "utf8"));
  return m?.[2];
}

/** A plain top-level `encryptionsalt:` line of Cairn.<stack>.yaml, as Cairn writes it. */
function saltLine(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  return /^encryptionsalt:[ \t]*(v1:[A-Za-z0-9+/=]+)[ \t]*$/m.exec(readFileSync(file, "utf8"))?.[1];
}
