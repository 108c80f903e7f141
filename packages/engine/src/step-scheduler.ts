// Runs steps as soon as the steps they depend on have finished, with at most `limit` running at
// once. A failed step makes its dependents skip (step-skipped); after cancellation no new step
// starts. Emits step-started/finished/failed/skipped and records each step for the result.
import { CairnError, ErrorCodes, isCairnError, type ErrorInfo, type StepInfo } from "@cairn/protocol";
import type { ResourceState } from "@cairn/state";
import type { EventEmitter } from "./events.js";
import { ForcedAbort } from "./provider-call.js";
import { stepInfo, type Step } from "./step.js";

export type Outcome =
  | { status: "ok"; state?: ResourceState }
  | { status: "failed"; error: CairnError }
  | { status: "skipped"; reason: string; cancelled: boolean };

export interface StepSchedulerOptions {
  limit: number;
  emit: EventEmitter;
  clock: () => number;
  /** First cancellation: no new steps start. */
  cancelled: () => boolean;
  /** Called for every step that runs or is skipped, in the order they finish. */
  record: (info: StepInfo, outcome: Outcome) => void;
}

export function toCairnError(e: unknown): CairnError {
  if (isCairnError(e)) return e;
  if (e instanceof ForcedAbort) return new CairnError({ code: ErrorCodes.Cancelled, source: "user", urn: e.urn, message: e.message });
  return new CairnError({ code: ErrorCodes.Internal, source: "internal", message: `internal error (this is a bug in Cairn): ${String((e as Error)?.stack ?? e)}`, cause: e });
}

export function errorInfo(e: CairnError): ErrorInfo {
  const info: ErrorInfo = { code: e.code, message: e.message, source: e.source };
  if (e.urn !== undefined) info.urn = e.urn;
  if (e.property !== undefined) info.property = e.property;
  if (e.hint !== undefined) info.hint = e.hint;
  return info;
}

/** A counting semaphore: bounds provider work in flight. */
class Limiter {
  private active = 0;
  /** FIFO of waiters: `head` is the next one (no O(n) shift when thousands wait). */
  private waiting: Array<() => void> = [];
  private head = 0;
  constructor(private readonly limit: number) {}
  acquire(): Promise<void> | undefined {
    if (this.active < this.limit) {
      this.active++;
      return undefined;
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    if (this.head < this.waiting.length) {
      const next = this.waiting[this.head]!;
      this.waiting[this.head++] = undefined as unknown as () => void;
      if (this.head > 1024 && this.head * 2 > this.waiting.length) {
        this.waiting = this.waiting.slice(this.head);
        this.head = 0;
      }
      next();
    } else this.active--;
  }
}

export class StepScheduler {
  private readonly outcomes = new Map<string, Promise<Outcome>>();
  /** Outcomes already known, so dependents read them without awaiting a settled promise. */
  private readonly finished = new Map<string, Outcome>();
  private readonly limiter: Limiter;

  constructor(private readonly opts: StepSchedulerOptions) {
    this.limiter = new Limiter(Math.max(1, Math.floor(opts.limit)));
  }

  /**
   * Keys announced but not scheduled yet, with the resolver of the promise a waiter was given.
   * The promise is made only when something waits (most steps are scheduled before anyone asks).
   */
  private readonly reserved = new Map<string, ((o: Promise<Outcome>) => void) | undefined>();

  outcome(key: string): Promise<Outcome> | undefined {
    const known = this.outcomes.get(key);
    if (known !== undefined || !this.reserved.has(key)) return known;
    let settle!: (o: Promise<Outcome>) => void;
    const waiting = new Promise<Outcome>((resolve) => (settle = (o) => resolve(o)));
    this.outcomes.set(key, waiting);
    this.reserved.set(key, settle);
    return waiting;
  }

  /** Announces a step that will be scheduled (or failed) later, so dependents wait for it. */
  reserve(key: string): void {
    if (this.outcomes.has(key) || this.reserved.has(key)) return;
    this.reserved.set(key, undefined);
  }

  private settle(key: string, p: Promise<Outcome>): void {
    const r = this.reserved.get(key);
    this.reserved.delete(key);
    if (r) r(p);
    else this.outcomes.set(key, p);
  }

  /** Runs a provider call outside any step (check, diff, invoke) within the same bound. Never nest. */
  async limited<T>(fn: () => Promise<T>): Promise<T> {
    const wait = this.limiter.acquire();
    if (wait !== undefined) await wait;
    try {
      return await fn();
    } finally {
      this.limiter.release();
    }
  }

  /** Records a step that failed before it could be scheduled (check failure), so dependents skip. */
  fail(key: string, error: CairnError): void {
    const outcome: Outcome = { status: "failed", error };
    this.finished.set(key, outcome);
    this.settle(key, Promise.resolve(outcome));
  }

  /** Waits for every scheduled step, including ones scheduled while waiting. */
  async drain(): Promise<void> {
    let seen = 0;
    for (;;) {
      for (const key of [...this.reserved.keys()]) void this.outcome(key);
      if (seen >= this.outcomes.size) return;
      const pending = [...this.outcomes.values()].slice(seen);
      seen += pending.length;
      for (const p of pending) await p;
    }
  }

  /** Schedules `run` for `step` once every key in `after` has finished; resolves with its outcome. */
  schedule(key: string, after: string[], step: Step, run: () => Promise<ResourceState | undefined>): Promise<Outcome> {
    const p = this.execute(key, after, step, run);
    this.settle(key, p);
    return p;
  }

  private async execute(key: string, after: string[], step: Step, run: () => Promise<ResourceState | undefined>): Promise<Outcome> {
    for (const dep of after) {
      const o = this.finished.get(dep) ?? (await this.outcome(dep));
      if (o && o.status !== "ok") return this.skip(key, step, `${dep.replace(/^delete:/, "")} did not finish (${o.status})`, o.status === "skipped" && o.cancelled);
    }
    if (this.opts.cancelled()) return this.skip(key, step, "the deployment was cancelled", true);
    // A `same` step that writes nothing does no provider or journal work: it takes no slot.
    const slot = step.op !== "same" || step.writeState === true;
    const wait = slot ? this.limiter.acquire() : undefined;
    if (wait !== undefined) await wait;
    try {
      if (this.opts.cancelled()) return this.skip(key, step, "the deployment was cancelled", true);
      const started = this.opts.clock();
      const showsProgress = step.op !== "same";
      if (showsProgress) this.opts.emit({ code: "step-started", step: stepInfo(step) });
      try {
        const state = await run();
        const done: Step = state ? { ...step, new: state } : step;
        const info = stepInfo(done);
        if (showsProgress) this.opts.emit({ code: "step-finished", step: info, durationMs: this.opts.clock() - started });
        const outcome: Outcome = state ? { status: "ok", state } : { status: "ok" };
        this.finished.set(key, outcome);
        this.opts.record(info, outcome);
        return outcome;
      } catch (e) {
        const error = toCairnError(e);
        const info = stepInfo(step);
        this.opts.emit({ code: "step-failed", step: info, error: errorInfo(error), durationMs: this.opts.clock() - started });
        const outcome: Outcome = { status: "failed", error };
        this.finished.set(key, outcome);
        this.opts.record(info, outcome);
        return outcome;
      }
    } finally {
      if (slot) this.limiter.release();
    }
  }

  private skip(key: string, step: Step, reason: string, cancelled: boolean): Outcome {
    const info = stepInfo(step);
    this.opts.emit({ code: "step-skipped", step: info, reason });
    const outcome: Outcome = { status: "skipped", reason, cancelled };
    this.finished.set(key, outcome);
    this.opts.record(info, outcome);
    return outcome;
  }
}
