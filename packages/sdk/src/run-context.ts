// The one ambient run context of the SDK: which monitor, stack and config a program run talks to,
// plus the bookkeeping (outstanding work, collected errors) that lets runProgram know when the
// program has settled. Held in an AsyncLocalStorage; setMocks may also install a default context.
import { AsyncLocalStorage } from "node:async_hooks";
import { CairnError, ErrorCodes, type ResourceMonitor, type Urn } from "@cairn/protocol";
import type { ResourceTransform } from "./resource-options.js";
import type { SourcePositionCache } from "./source-position.js";

export interface RunContextInit {
  monitor: ResourceMonitor;
  project: string;
  stack: string;
  organization?: string;
  dryRun: boolean;
  config: Record<string, string>;
  configSecretKeys: string[];
  rootDirectory?: string;
  configSetCommand?: string;
}

export class RunContext {
  readonly monitor: ResourceMonitor;
  readonly project: string;
  readonly stack: string;
  readonly organization: string;
  readonly dryRun: boolean;
  readonly config: Record<string, string>;
  readonly configSecretKeys: Set<string>;
  readonly rootDirectory: string | undefined;
  readonly configSetCommand: string;
  /** The root stack resource's URN; every top-level resource is its child. */
  rootUrn: Promise<Urn> | undefined;
  /** The root's URN once registered (registrations then use it without waiting). */
  rootUrnKnown: Urn | undefined;
  /** Set when the run is cancelled; registrations started afterwards fail. */
  signal: AbortSignal | undefined;
  readonly errors: unknown[] = [];
  /** Where each dynamic provider class or object is exported from (one inspector lookup each). */
  readonly dynamicProviderLocations = new WeakMap<object, Promise<{ file: string; exportName: string }>>();
  /** Transforms for every resource of the stack (runtime.registerResourceTransform). */
  readonly stackTransforms: ResourceTransform[] = [];
  /** Resolved source positions of this run's registrations (one per distinct call site). */
  readonly sourcePositions: SourcePositionCache = new WeakMap();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(init: RunContextInit) {
    this.monitor = init.monitor;
    this.project = init.project;
    this.stack = init.stack;
    this.organization = init.organization ?? "organization";
    this.dryRun = init.dryRun;
    this.config = { ...init.config };
    this.configSecretKeys = new Set(init.configSecretKeys);
    this.rootDirectory = init.rootDirectory;
    this.configSetCommand = init.configSetCommand ?? "cairn config set";
  }

  /**
   * Counts `p` as outstanding work until it settles. With `recordFailure` its rejection fails
   * the run; otherwise failures are the caller's to record.
   */
  track(p: Promise<unknown>, recordFailure = false): void {
    this.pending++;
    p.then(this.done, recordFailure ? this.failedThenDone : this.done);
  }

  /** Settles one tracked promise (shared handlers: tracking allocates no closure per promise). */
  private readonly done = (): void => {
    this.pending--;
    if (this.pending === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  };

  private readonly failedThenDone = (e: unknown): void => {
    this.fail(e);
    this.done();
  };

  /** Records an error that must fail the run (apply callbacks, registrations, logs). */
  fail(err: unknown): void {
    if (!this.errors.includes(err)) this.errors.push(err);
  }

  /** Resolves once no tracked work is outstanding (work started meanwhile is waited for too). */
  async settled(): Promise<void> {
    while (this.pending > 0) {
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
  }

  /** Throws the collected errors (one CairnError; several are listed in one ProgramFailed). */
  throwIfFailed(): void {
    if (this.errors.length === 0) return;
    const errors = this.errors.splice(0);
    throw combineErrors(errors);
  }
}

export function combineErrors(errors: unknown[]): CairnError {
  if (errors.length === 1) return asCairnError(errors[0]);
  const all = errors.map(asCairnError);
  return new CairnError({
    code: all[0]!.code,
    source: all[0]!.source,
    message: `the program failed with ${all.length} errors:\n${all.map((e, i) => `  ${i + 1}. ${e.message}`).join("\n")}`,
    cause: new AggregateError(all),
  });
}

export function asCairnError(err: unknown): CairnError {
  if (err instanceof CairnError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new CairnError({ code: ErrorCodes.ProgramFailed, source: "user", message: `the program failed: ${message}`, cause: err });
}

const storage = new AsyncLocalStorage<RunContext>();
/**
 * The context setMocks installs for unit tests that construct resources outside runProgram. This
 * is the SDK's one piece of module-level mutable state; runProgram never uses or changes it.
 */
let mockDefault: RunContext | undefined;

export function runInContext<T>(ctx: RunContext, f: () => T): T {
  return storage.run(ctx, f);
}

export function setDefaultContext(ctx: RunContext | undefined): void {
  mockDefault = ctx;
}

export function currentContext(): RunContext | undefined {
  return storage.getStore() ?? mockDefault;
}

export function requireContext(what: string): RunContext {
  const ctx = currentContext();
  if (ctx === undefined) {
    throw new CairnError({
      code: ErrorCodes.ProgramFailed,
      source: "user",
      message: `${what} needs a running Cairn program: run it with \`cairn up\`/\`cairn preview\`, or call runtime.setMocks(...) first in unit tests. If this happens inside a program, the program was probably loaded as CommonJS, which gives it a second copy of @cairn/sdk: make it an ES module ("type": "module")`,
    });
  }
  return ctx;
}
