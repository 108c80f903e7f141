// The update flow (ARCHITECTURE.md "Data flow"): lease (not for previews) -> load + replay ->
// secrets and config -> engine run with the host's program and providers, the backend's journal
// and a StackReference resolver -> commit the snapshot (also after failure or cancel) -> history
// -> release the lease, always.
import { CairnError, ErrorCodes, isCairnError, parseUrn, isUrn, type EngineEvent, type ErrorInfo, type OperationKind, type Urn } from "@cairn/protocol";
import { replay, type Lease, type SecretsManager, type Snapshot, type Decrypter, type UpdateRecord, type StackRef } from "@cairn/state";
import { runDeployment, type DeploymentResult, type ProgramSource } from "@cairn/engine";
import { createProgramSource, createProviderLoader, inlineProgramSource, warmProgramSource } from "@cairn/host";
import { resolveConfig } from "./config-values.js";
import { DeferredSecrets, KeyGatedJournal, openWhileDeriving } from "./deferred-secrets.js";
import { readGitInfo } from "./git-info.js";
import { toOutputMap } from "./outputs.js";
import { stackReferenceResolver } from "./stack-reference.js";
import type { Stack } from "./stack.js";
import type { ImportResource, OperationOptions, OperationResult } from "./types.js";
import { CAIRN_VERSION } from "./version.js";

export interface OperationRequest extends OperationOptions {
  kind: OperationKind;
  dryRun: boolean;
  resources?: ImportResource[];
}

/**
 * Provider calls in flight unless -p says otherwise. Real clouds' SDKs back off when throttled;
 * near-instant providers need the width so concurrent journal entries share one fsync.
 */
const DEFAULT_PARALLEL = 64;

/** Runs `fn` under the stack's lease; lease warnings go to `emit` as diagnostics. */
export async function withLease<T>(stack: Stack, operation: string, emit: ((e: EngineEvent) => void) | undefined, fn: (lease: Lease) => Promise<T>): Promise<T> {
  const ctx = stack.workspace.ctx;
  const lease = await ctx.backend.acquireLease({
    ref: stack.ref,
    operation,
    holder: ctx.identity,
    ttlMs: ctx.leaseTtlMs,
    ...(ctx.isProcessAlive ? { isProcessAlive: ctx.isProcessAlive } : {}),
  });
  for (const w of lease.warnings) emit?.({ code: "diagnostic", level: "warning", message: w, time: ctx.clock() });
  try {
    return await fn(lease);
  } finally {
    await lease.release();
  }
}

/** The stack's current state: checkpoint plus any journal not yet compacted. */
export async function loadCurrentState(stack: { workspace: Stack["workspace"]; ref: StackRef }, decrypter: Decrypter, emit?: (e: EngineEvent) => void): Promise<Snapshot> {
  return (await loadWithJournalSeq(stack, decrypter, emit)).snapshot;
}

/** loadCurrentState, with the highest seq of the journal it replayed (0 for none). */
async function loadWithJournalSeq(stack: { workspace: Stack["workspace"]; ref: StackRef }, decrypter: Decrypter, emit?: (e: EngineEvent) => void): Promise<{ snapshot: Snapshot; lastSeq: number }> {
  const loaded = await stack.workspace.ctx.backend.loadState(stack.ref, decrypter);
  for (const w of loaded.warnings ?? []) emit?.({ code: "diagnostic", level: "warning", message: w, time: stack.workspace.ctx.clock() });
  const lastSeq = loaded.journal.reduce((max, e) => Math.max(max, e.seq), 0);
  return { snapshot: replay(loaded.snapshot, loaded.journal), lastSeq };
}

export async function runOperation(stack: Stack, req: OperationRequest): Promise<OperationResult> {
  // The KDF runs on the thread pool while this thread loads the state and the program's tooling,
  // runs the program and plans; only opening a secret, the first write and a preview's end wait.
  const secrets = await stack.deferredSecrets();
  void warmProgram(stack, req);
  if (req.dryRun) return runWith(stack, req, secrets, undefined);
  // Secret config is opened before the program runs: then a wrong passphrase fails before the
  // lease is taken too (otherwise only the lease's fencing counter moves before it is reported).
  if (hasSecretConfig(stack)) await secrets.ready();
  return withLease(stack, req.kind, req.onEvent, (lease) => runWith(stack, req, secrets, lease));
}

function hasSecretConfig(stack: Stack): boolean {
  const ctx = stack.workspace.ctx;
  const config = resolveConfig({ project: ctx.project.name, config: stack.settings().config, ...(ctx.project.config ? { defaults: ctx.project.config } : {}) });
  return Object.values(config).some((v) => v.secret);
}

function warmProgram(stack: Stack, req: OperationRequest): Promise<void> {
  const ctx = stack.workspace.ctx;
  if (req.kind === "destroy" || req.kind === "refresh" || ctx.program || ctx.projectDir === undefined) return Promise.resolve();
  return warmProgramSource({ rootDirectory: ctx.projectDir, main: ctx.project.main ?? "." });
}

function programFor(stack: Stack, req: OperationRequest): ProgramSource | undefined {
  if (req.kind === "destroy" || req.kind === "refresh") return undefined;
  const ctx = stack.workspace.ctx;
  const user: ProgramSource = ctx.program
    ? inlineProgramSource(ctx.program)
    : createProgramSource({ rootDirectory: ctx.projectDir!, main: ctx.project.main ?? "." });
  const resources = req.resources ?? [];
  if (resources.length === 0) return user;
  return async (monitor, signal) => {
    await user(monitor, signal);
    for (const r of resources) {
      await monitor.registerResource({ type: r.type, name: r.name, custom: true, object: {}, dependencies: [], propertyDependencies: {}, importId: r.id });
    }
  };
}

/** Turns resource names into URNs using the current state; URNs pass through. */
export function resolveResourceRefs(list: string[] | undefined, base: Snapshot, what: string): Urn[] | undefined {
  if (list === undefined || list.length === 0) return undefined;
  const problems: string[] = [];
  const out: Urn[] = [];
  for (const item of list) {
    if (isUrn(item)) out.push(item);
    else {
      const hits = base.resources.filter((r) => !r.delete && parseUrn(r.urn).name === item).map((r) => r.urn);
      if (hits.length === 1) out.push(hits[0]!);
      else problems.push(hits.length === 0 ? `no resource named ${item} in the stack` : `${item} names ${hits.length} resources; use a URN (${hits.join(", ")})`);
    }
  }
  if (problems.length > 0) throw new CairnError({ code: ErrorCodes.TargetNotFound, source: "user", message: `${what}: ${problems.join("; ")}`, hint: "`cairn stack --show-urns` or `cairn stack export` lists the URNs" });
  return out;
}

async function runWith(stack: Stack, req: OperationRequest, secrets: DeferredSecrets, lease: Lease | undefined): Promise<OperationResult> {
  const ctx = stack.workspace.ctx;
  const startTime = ctx.clock();
  const { snapshot: base, lastSeq } = await openWhileDeriving(secrets, (dec) => loadWithJournalSeq(stack, dec, req.onEvent));
  const settings = stack.settings();
  const config = await openWhileDeriving(secrets, (dec) =>
    resolveConfig({ project: ctx.project.name, config: settings.config, decrypter: dec, ...(ctx.project.config ? { defaults: ctx.project.config } : {}) }),
  );
  const program = programFor(stack, req);
  const journal = lease ? new KeyGatedJournal(secrets, (m) => ctx.backend.openJournal(stack.ref, lease, m), lastSeq) : undefined;
  const targets = resolveResourceRefs(req.targets, base, "--target");
  const replaceTargets = resolveResourceRefs(req.replace, base, "--replace");
  const excludes = resolveResourceRefs(req.exclude, base, "--exclude");
  const rootDirectory = ctx.projectDir ?? ctx.workDir;
  // Read while the deployment runs (git is a child process), used when the history is written.
  const git = lease ? readGitInfo(rootDirectory) : undefined;
  let result: DeploymentResult;
  try {
    result = await runDeployment(
      {
        kind: req.kind,
        dryRun: req.dryRun,
        project: ctx.project.name,
        stack: stack.name,
        base,
        ...(program ? { program } : {}),
        providers: createProviderLoader({ rootDirectory, env: ctx.env }),
        ...(journal ? { journal } : {}),
        events: { emit: (e) => req.onEvent?.(e) },
        clock: ctx.clock,
        parallel: req.parallel ?? DEFAULT_PARALLEL,
        config: Object.fromEntries(Object.entries(config).map(([k, v]) => [k, v.value])),
        configSecretKeys: Object.entries(config).filter(([, v]) => v.secret).map(([k]) => k),
        rootDirectory,
        stackReferences: stackReferenceResolver(stack),
        ...(targets ? { targets } : {}),
        ...(req.targetDependents ? { targetDependents: true } : {}),
        ...(replaceTargets ? { replaceTargets } : {}),
        ...(excludes ? { excludes } : {}),
        ...(req.continueOnError ? { continueOnError: true } : {}),
        ...(req.refresh ? { refreshFirst: true } : {}),
        ...(req.expectNoChanges ? { expectNoChanges: true } : {}),
        cairnVersion: CAIRN_VERSION,
      },
      { ...(req.signal ? { signal: req.signal } : {}), ...(req.forceSignal ? { forceSignal: req.forceSignal } : {}) },
    );
  } catch (e) {
    await secrets.ready(); // a wrong passphrase is the error to report, and nothing is written
    if (!lease) throw e;
    const manager = await ensureJournal(secrets, journal);
    // The engine could not finish: what it did is in the journal; record the failure in history.
    const error = errorInfo(e);
    const history = await appendHistory(stack, { req, manager, startTime, result: "failed", counts: {}, steps: [], error, config, git });
    const failed: OperationResult = { kind: req.kind, dryRun: false, result: "failed", counts: {}, steps: [], outputs: {}, error, durationMs: ctx.clock() - startTime, history };
    return failed;
  }
  // A preview fails with a wrong passphrase too; an update checks it before its first write.
  const manager = await ensureJournal(secrets, journal);
  let history: UpdateRecord | undefined;
  if (lease) {
    await ctx.backend.commitSnapshot(stack.ref, lease, { ...result.snapshot, secretsProvider: manager.state }, manager);
    history = await appendHistory(stack, { req, manager, startTime, result: result.result, counts: result.counts, steps: result.steps, config, git, ...(result.error ? { error: result.error } : {}) });
  }
  return {
    kind: req.kind,
    dryRun: req.dryRun,
    result: result.result,
    counts: result.counts,
    steps: result.steps,
    outputs: toOutputMap(result.outputs),
    ...(result.error ? { error: result.error } : {}),
    durationMs: result.durationMs,
    ...(history ? { history } : {}),
  };
}

/** The checked manager, with the journal opened (settled, repaired) before a commit, as always. */
async function ensureJournal(secrets: DeferredSecrets, journal: KeyGatedJournal | undefined): Promise<SecretsManager> {
  const manager = await secrets.ready();
  await journal?.opened();
  return manager;
}

export function errorInfo(e: unknown): ErrorInfo {
  if (isCairnError(e)) {
    return { code: e.code, message: e.message, source: e.source, ...(e.urn ? { urn: e.urn } : {}), ...(e.property ? { property: e.property } : {}), ...(e.hint ? { hint: e.hint } : {}) };
  }
  return { code: ErrorCodes.Internal, source: "internal", message: e instanceof Error ? e.message : String(e) };
}

interface HistoryRequest {
  req: OperationRequest;
  manager: SecretsManager;
  startTime: number;
  result: UpdateRecord["result"];
  counts: UpdateRecord["counts"];
  steps: UpdateRecord["steps"];
  error?: ErrorInfo;
  config: Record<string, { value: string; secret: boolean }>;
  git: ReturnType<typeof readGitInfo> | undefined;
}

async function appendHistory(stack: Stack, h: HistoryRequest): Promise<UpdateRecord> {
  const ctx = stack.workspace.ctx;
  const git = await (h.git ?? readGitInfo(ctx.projectDir ?? ctx.workDir));
  return ctx.backend.appendHistory(
    stack.ref,
    {
      kind: h.req.kind,
      startTime: new Date(h.startTime).toISOString(),
      endTime: new Date(ctx.clock()).toISOString(),
      result: h.result,
      counts: h.counts,
      user: ctx.identity.user,
      host: ctx.identity.host,
      ...(h.req.message ? { message: h.req.message } : {}),
      ...(git ? { git } : {}),
      cairnVersion: CAIRN_VERSION,
      steps: h.steps,
      ...(h.error ? { error: h.error } : {}),
      config: Object.fromEntries(Object.entries(h.config).map(([k, v]) => [k, v.secret ? "[secret]" : v.value])),
    },
    h.manager,
  );
}
