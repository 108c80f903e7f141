// The in-process lifecycle harness: runs SDK programs through the real engine against a fake (or
// any) provider and a MemoryBackend, the way `cairn up` does (lease -> load -> replay -> journal ->
// deploy -> commit -> history), and returns per-step results to assert on.
import type { EngineEvent, OperationKind, Provider } from "@cairn/protocol";
import { runDeployment, type DeploymentRequest, type DeploymentResult } from "@cairn/engine";
import { plaintextCrypter, replay, type JournalEntry, type Snapshot, type StackRef } from "@cairn/state";
import { runProgram } from "@cairn/sdk/runtime";
import { FakeProvider, type FakeCall } from "./fake-provider.js";
import { MemoryBackend } from "./memory-backend.js";

export interface LifecycleStep {
  /** A label for the step in results and failure messages. */
  name: string;
  kind: "update" | "preview" | "destroy" | "refresh";
  /** The program (written with @cairn/sdk); required for update and preview. */
  program?: () => unknown;
  /** Extra request fields: targets, replaceTargets, continueOnError, ... */
  options?: Partial<DeploymentRequest>;
}

export interface LifecycleOptions {
  project?: string;
  stack?: string;
  /** The provider for every package (default: one FakeProvider). */
  provider?: Provider;
  backend?: MemoryBackend;
  config?: Record<string, string>;
  parallel?: number;
}

export interface LifecycleStepResult {
  name: string;
  kind: LifecycleStep["kind"];
  result: DeploymentResult;
  events: EngineEvent[];
  /** Journal entries this step wrote to the backend. */
  journal: JournalEntry[];
  /** The committed state after the step (unchanged by a preview). */
  snapshot: Snapshot;
  /** Provider calls made during this step (when the provider is a FakeProvider). */
  calls: FakeCall[];
}

export class Lifecycle {
  readonly backend: MemoryBackend;
  readonly provider: Provider;
  readonly ref: StackRef;
  private time = Date.parse("2026-01-01T00:00:00.000Z");
  private created = false;

  constructor(private readonly opts: LifecycleOptions = {}) {
    this.provider = opts.provider ?? new FakeProvider();
    this.backend = opts.backend ?? new MemoryBackend({ clock: () => this.time });
    this.ref = { project: opts.project ?? "proj", stack: opts.stack ?? "dev" };
  }

  get fake(): FakeProvider | undefined {
    return this.provider instanceof FakeProvider ? this.provider : undefined;
  }

  /** Runs one step the way `cairn up` / `preview` / `destroy` / `refresh` does. */
  async step(step: LifecycleStep): Promise<LifecycleStepResult> {
    if (!this.created) {
      if (!(await this.backend.stackExists(this.ref))) await this.backend.createStack(this.ref);
      this.created = true;
    }
    const dryRun = step.kind === "preview";
    const lease = await this.backend.acquireLease({ ref: this.ref, operation: step.kind, holder: { pid: 1, host: "lifecycle", user: "test" }, ttlMs: 600_000 });
    const events: EngineEvent[] = [];
    const callsBefore = this.fake?.calls.length ?? 0;
    try {
      const loaded = await this.backend.loadState(this.ref, plaintextCrypter);
      const base = replay(loaded.snapshot, loaded.journal);
      const written: JournalEntry[] = [];
      const journal = dryRun ? undefined : await this.backend.openJournal(this.ref, lease, plaintextCrypter);
      const program = step.program;
      const req: DeploymentRequest = {
        kind: step.kind as OperationKind,
        dryRun,
        project: this.ref.project,
        stack: this.ref.stack,
        base,
        ...(program ? { program: async (monitor, signal) => void (await runProgram(monitor, program, { signal })) } : {}),
        providers: async () => this.provider,
        ...(journal ? { journal: { append: async (entries) => (written.push(...entries), journal.append(entries)) } } : {}),
        events: { emit: (e) => void events.push(e) },
        clock: () => this.time++,
        parallel: this.opts.parallel ?? 4,
        config: this.opts.config ?? {},
        configSecretKeys: [],
        cairnVersion: "0.1.0",
        ...step.options,
      };
      const result = await runDeployment(req);
      if (!dryRun) {
        await this.backend.commitSnapshot(this.ref, lease, result.snapshot, plaintextCrypter);
        await this.backend.appendHistory(this.ref, historyRecord(step.kind, result, this.time), plaintextCrypter);
      }
      const snapshot = (await this.backend.loadState(this.ref, plaintextCrypter)).snapshot;
      return { name: step.name, kind: step.kind, result, events, journal: written, snapshot, calls: this.fake?.calls.slice(callsBefore) ?? [] };
    } finally {
      await lease.release();
    }
  }

  /** Runs the steps in order; stops at none (each result says how it went). */
  async run(steps: LifecycleStep[]): Promise<LifecycleStepResult[]> {
    const out: LifecycleStepResult[] = [];
    for (const s of steps) out.push(await this.step(s));
    return out;
  }
}

function historyRecord(kind: LifecycleStep["kind"], result: DeploymentResult, time: number) {
  const at = new Date(time).toISOString();
  return { kind: kind as OperationKind, startTime: at, endTime: at, result: result.result, counts: result.counts, user: "test", cairnVersion: "0.1.0", steps: result.steps, ...(result.error ? { error: result.error } : {}) };
}

/** The standard lifecycle: v1 up, v2 preview, v2 up, destroy. */
export function runLifecycle(req: LifecycleOptions & { v1: () => unknown; v2: () => unknown }): Promise<LifecycleStepResult[]> {
  return new Lifecycle(req).run([
    { name: "v1 up", kind: "update", program: req.v1 },
    { name: "v2 preview", kind: "preview", program: req.v2 },
    { name: "v2 up", kind: "update", program: req.v2 },
    { name: "destroy", kind: "destroy" },
  ]);
}
