// Workspace: a project (a directory with Cairn.yaml, or an inline program and a project name),
// the backend its stacks live in, and everything the host injects (env, passphrase, clock,
// identity). Creates, selects, lists, removes and renames stacks.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { Backend, ScryptParams, StackSummary } from "@cairn/state";
import type { inlineProgramSource } from "@cairn/host";
import { openBackend } from "./backend-url.js";
import { loadProjectFile, type ProjectSettings } from "./project-file.js";
import { PassphraseCache, type PassphraseSource, type PrefetchedSecrets } from "./stack-secrets.js";
import { Stack } from "./stack.js";
import type { Identity } from "./types.js";

/** A function as the program (for CI bots and deploy-per-branch tools); its return value becomes the outputs. */
export type InlineProgram = Parameters<typeof inlineProgramSource>[0];

export interface WorkspaceOptions {
  /** The directory holding Cairn.yaml (a program on disk). */
  projectDir?: string;
  /** An inline program instead of one on disk; needs `projectName`. */
  program?: InlineProgram;
  projectName?: string;
  /** Where Cairn.<stack>.yaml files live; defaults to projectDir (required for inline programs). */
  workDir?: string;
  /** The backend, or its URL (`file://<dir>`). */
  backend?: Backend;
  backendUrl?: string;
  /** For `~` in backend URLs and the default backend. */
  homeDir?: string;
  cwd?: string;
  /** Environment for providers and programs (the host passes process.env). */
  env?: Record<string, string | undefined>;
  passphrase?: PassphraseSource;
  clock?: () => number;
  identity?: Identity;
  /** Is a process on this host alive (to take over leases of dead holders)? */
  isProcessAlive?: (pid: number) => boolean;
  /** Key derivation cost for new stacks (tests use cheap parameters). */
  kdf?: ScryptParams;
  leaseTtlMs?: number;
  /** A stack's secrets manager already being opened by the host (see PrefetchedSecrets). */
  prefetchedSecrets?: PrefetchedSecrets;
}

export interface WorkspaceContext {
  project: ProjectSettings;
  projectDir?: string;
  workDir: string;
  program?: InlineProgram;
  backend: Backend;
  env: Record<string, string | undefined>;
  passphrase: PassphraseCache;
  clock: () => number;
  identity: Identity;
  isProcessAlive?: (pid: number) => boolean;
  kdf?: ScryptParams;
  leaseTtlMs: number;
  prefetchedSecrets?: PrefetchedSecrets;
}

function invalid(message: string, hint?: string): CairnError {
  return new CairnError({ code: ErrorCodes.ProjectInvalid, source: "user", message, ...(hint ? { hint } : {}) });
}

export class Workspace {
  readonly ctx: WorkspaceContext;

  private constructor(ctx: WorkspaceContext) {
    this.ctx = ctx;
  }

  static create(opts: WorkspaceOptions): Workspace {
    const project = resolveProject(opts);
    const workDir = opts.workDir ?? opts.projectDir;
    if (workDir === undefined) throw invalid("an inline program needs a workDir for its stack config files");
    mkdirSync(workDir, { recursive: true });
    const clock = opts.clock ?? (() => Date.now());
    const identity = opts.identity ?? { user: "unknown", host: "localhost", pid: 0 };
    const backend = opts.backend ?? openBackend({ url: opts.backendUrl ?? "file://~/.cairn", homeDir: opts.homeDir ?? workDir, cwd: opts.cwd ?? workDir, clock, hostname: identity.host });
    return new Workspace({
      project,
      ...(opts.projectDir ? { projectDir: opts.projectDir } : {}),
      workDir,
      ...(opts.program ? { program: opts.program } : {}),
      backend,
      env: opts.env ?? {},
      passphrase: new PassphraseCache(opts.passphrase),
      clock,
      identity,
      ...(opts.isProcessAlive ? { isProcessAlive: opts.isProcessAlive } : {}),
      ...(opts.kdf ? { kdf: opts.kdf } : {}),
      leaseTtlMs: opts.leaseTtlMs ?? 5 * 60_000,
      ...(opts.prefetchedSecrets ? { prefetchedSecrets: opts.prefetchedSecrets } : {}),
    });
  }

  get projectName(): string {
    return this.ctx.project.name;
  }

  /** Stacks of this project in the backend. */
  async listStacks(): Promise<StackSummary[]> {
    return this.ctx.backend.listStacks(this.projectName);
  }

  /** Creates a new stack (its secrets manager and Cairn.<stack>.yaml too); fails if it exists. */
  async createStack(name: string): Promise<Stack> {
    validateStackName(name);
    const ref = { project: this.projectName, stack: name };
    if (await this.ctx.backend.stackExists(ref)) {
      throw new CairnError({ code: ErrorCodes.StackExists, source: "user", message: `stack ${name} already exists in project ${this.projectName}`, hint: `select it with \`cairn stack select ${name}\`` });
    }
    const stack = new Stack(this, name);
    await stack.secrets(); // creates and records the salt before the stack exists
    await this.ctx.backend.createStack(ref);
    return stack;
  }

  /** An existing stack; fails naming the stack when it does not exist. */
  async selectStack(name: string): Promise<Stack> {
    if (!(await this.ctx.backend.stackExists({ project: this.projectName, stack: name }))) {
      throw new CairnError({
        code: ErrorCodes.StackNotFound,
        source: "user",
        message: `stack ${name} does not exist in project ${this.projectName} (backend ${this.ctx.backend.url})`,
        hint: `create it with \`cairn stack init ${name}\``,
      });
    }
    return new Stack(this, name);
  }

  async createOrSelectStack(name: string): Promise<Stack> {
    if (await this.ctx.backend.stackExists({ project: this.projectName, stack: name })) return new Stack(this, name);
    return this.createStack(name);
  }

  /** Removes a stack; without force, a stack that still has resources is refused. */
  async removeStack(name: string, opts: { force?: boolean } = {}): Promise<void> {
    await this.ctx.backend.removeStack({ project: this.projectName, stack: name }, { force: opts.force ?? false });
  }

  async renameStack(name: string, newName: string): Promise<Stack> {
    validateStackName(newName);
    await this.ctx.backend.renameStack({ project: this.projectName, stack: name }, newName);
    const old = new Stack(this, name);
    old.renameSettingsFile(newName);
    return new Stack(this, newName);
  }

  /** Where a stack's config file lives. */
  settingsDir(): string {
    return this.ctx.workDir;
  }

  stackFile(stack: string): string {
    return join(this.ctx.workDir, `Cairn.${stack}.yaml`);
  }
}

function resolveProject(opts: WorkspaceOptions): ProjectSettings {
  if (opts.program !== undefined) {
    if (opts.projectName === undefined) throw invalid("an inline program needs a projectName");
    return { name: opts.projectName, runtime: "nodejs" };
  }
  if (opts.projectDir === undefined) throw invalid("a workspace needs a projectDir (a directory with Cairn.yaml) or an inline program");
  const project = loadProjectFile(opts.projectDir);
  return opts.projectName ? { ...project, name: opts.projectName } : project;
}

const STACK_NAME_RE = /^[A-Za-z0-9_.-]{1,100}$/;

export function validateStackName(name: string): void {
  if (!STACK_NAME_RE.test(name)) {
    throw new CairnError({ code: ErrorCodes.ConfigInvalid, source: "user", message: `invalid stack name ${JSON.stringify(name)}: use letters, digits, '-', '_' or '.'` });
  }
}
