// runDeployment: one operation (preview, update, refresh, destroy) from request to result. Builds
// the per-run context, resolves pending operations, optionally refreshes, then runs the program
// (update/preview) or the destroy plan, and finishes with the deletes, the summary and the result.
import { CairnError, ErrorCodes, type ChangeCounts, type StepInfo } from "@cairn/protocol";
import type { DeploymentContext } from "./context.js";
import { currentSnapshot, liveByUrn, refreshOld } from "./current-state.js";
import { runDeletes } from "./delete-phase.js";
import type { DeploymentControl, DeploymentRequest, DeploymentResult } from "./deployment-types.js";
import { runDestroy } from "./destroy.js";
import { makeEmitter } from "./events.js";
import { dependenciesOf, withDependents } from "./graph.js";
import { JournalRecorder } from "./journal-recorder.js";
import { resolvePendingOperations } from "./pending-operations.js";
import { ProviderRegistry } from "./provider-registry.js";
import { runRefresh } from "./refresh.js";
import { EngineMonitor } from "./resource-monitor.js";
import { StepScheduler, errorInfo, toCairnError, type Outcome } from "./step-scheduler.js";
import { TargetFilter } from "./targets.js";
import { ForceFanout } from "./force-fanout.js";

const NO_CHANGE: ReadonlySet<string> = new Set(["same", "read"]);

export async function runDeployment(req: DeploymentRequest, control: DeploymentControl = {}): Promise<DeploymentResult> {
  const start = req.clock();
  const emit = makeEmitter(req.events, req.clock);
  const dryRun = req.dryRun || req.kind === "preview";
  const force = control.forceSignal ?? new AbortController().signal;
  const cancelled = (): boolean => control.signal?.aborted === true || force.aborted;
  const steps: StepInfo[] = [];
  const counts: ChangeCounts = {};
  const record = (info: StepInfo, outcome: Outcome): void => {
    if (outcome.status !== "ok") return;
    steps.push(info);
    counts[info.op] = (counts[info.op] ?? 0) + 1;
  };
  const ctx: DeploymentContext = {
    req,
    dryRun,
    journal: new JournalRecorder(dryRun ? undefined : req.journal),
    registry: undefined as unknown as ProviderRegistry,
    scheduler: new StepScheduler({ limit: req.parallel, emit, clock: req.clock, cancelled, record }),
    emit,
    now: () => new Date(req.clock()).toISOString(),
    force,
    forceFanout: new ForceFanout(force),
    cancelled,
    old: liveByUrn(req.base),
    steps,
    errors: [],
    replaced: [],
    outputs: {},
  };
  ctx.registry = new ProviderRegistry({
    loader: req.providers,
    project: req.project,
    stack: req.stack,
    config: req.config,
    configSecretKeys: req.configSecretKeys,
    preview: dryRun,
    recorded: (urn) => ctx.old.get(urn) ?? req.base.resources.find((r) => r.urn === urn),
    ...(req.stackReferences ? { stackReferences: req.stackReferences } : {}),
  });
  const programAbort = new AbortController();
  const fail = (e: CairnError): void => {
    ctx.errors.push(e);
    if (!req.continueOnError) programAbort.abort(e);
  };
  const onCancel = (isForce: boolean) => (): void => {
    emit({ code: "cancel-requested", force: isForce });
    programAbort.abort(new CairnError({ code: ErrorCodes.Cancelled, source: "user", message: "the deployment was cancelled" }));
    if (isForce) void ctx.registry.cancelAll();
  };
  control.signal?.addEventListener("abort", onCancel(false), { once: true });
  control.forceSignal?.addEventListener("abort", onCancel(true), { once: true });

  emit({ code: "prelude", kind: req.kind, stack: req.stack, project: req.project, dryRun, config: redactedConfig(req) });
  try {
    await resolvePendingOperations(ctx, fail);
    if (req.kind === "refresh" || req.refreshFirst) await runRefresh(ctx, fail);
    if (req.kind === "destroy") await runDestroy(ctx, new TargetFilter(req), fail);
    else if (req.kind !== "refresh") await runProgramPhase(ctx, programAbort.signal, fail);
  } catch (e) {
    ctx.errors.push(toCairnError(e));
  }
  await ctx.scheduler.drain();
  return finish(ctx, start, counts);
}

function redactedConfig(req: DeploymentRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.config)) out[k] = req.configSecretKeys.includes(k) ? "[secret]" : v;
  return out;
}

async function runProgramPhase(ctx: DeploymentContext, signal: AbortSignal, fail: (e: CairnError) => void): Promise<void> {
  const { req } = ctx;
  if (!req.program) {
    throw new CairnError({ code: ErrorCodes.Internal, source: "internal", message: `internal error (this is a bug in Cairn): a ${req.kind} deployment needs a program` });
  }
  const start = refreshOld(ctx);
  const targets = new TargetFilter(req);
  const monitor = new EngineMonitor(ctx, targets, fail);
  try {
    await req.program(monitor, signal);
  } catch (e) {
    if (ctx.errors.length === 0 && !ctx.cancelled()) {
      ctx.errors.push(isProgramError(e) ? e : new CairnError({ code: ErrorCodes.ProgramFailed, source: "user", message: `the program failed: ${String((e as Error)?.message ?? e)}`, cause: e }));
    }
  }
  await ctx.scheduler.drain();
  if (ctx.cancelled() || (ctx.errors.length > 0 && !req.continueOnError)) return;
  targets.check((urn) => monitor.registered.has(urn) || start.resources.some((r) => r.urn === urn));
  const failedUrns = ctx.errors.map((e) => e.urn).filter((u): u is string => u !== undefined);
  const blocked = withDependents(start.resources, failedUrns);
  const undeclared = start.resources.filter(
    (r) => !r.delete && !monitor.registered.has(r.urn) && !monitor.env.claimed.has(r.urn) && !blocked.has(r.urn) && targets.allows(r.urn, dependenciesOf(r)),
  );
  const leftovers = start.resources.filter((r) => r.delete);
  await runDeletes(ctx, [...undeclared, ...leftovers, ...ctx.replaced], fail);
}

function isProgramError(e: unknown): e is CairnError {
  return e instanceof CairnError;
}

function finish(ctx: DeploymentContext, start: number, counts: ChangeCounts): DeploymentResult {
  const { req } = ctx;
  if (req.expectNoChanges && ctx.errors.length === 0) {
    const changed = ctx.steps.filter((s) => !NO_CHANGE.has(s.op));
    if (changed.length > 0) {
      ctx.errors.push(new CairnError({ code: ErrorCodes.ExpectedNoChanges, source: "user", message: `no changes were expected, but ${changed.length} step(s) would change: ${changed.map((s) => `${s.op} ${s.urn}`).join(", ")}` }));
    }
  }
  const result = ctx.cancelled() ? "cancelled" : ctx.errors.length > 0 ? "failed" : "succeeded";
  const durationMs = req.clock() - start;
  const first = ctx.errors[0];
  const error = first ? errorInfo(first) : undefined;
  if (ctx.errors.length > 1 && error) error.message = ctx.errors.map((e) => e.message).join("\n");
  ctx.emit({ code: "summary", kind: req.kind, dryRun: ctx.dryRun, counts, durationMs, result, ...(error ? { error } : {}) });
  const out: DeploymentResult = { result, snapshot: currentSnapshot(ctx), counts, steps: ctx.steps, outputs: ctx.outputs, durationMs };
  if (error) out.error = error;
  return out;
}
