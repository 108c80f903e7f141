// A model executor for property tests: interprets random commands the way a correct engine
// would (intent before effect, one operation per URN at a time, deletes only when nothing refers
// to the resource), writes the journal, and tracks what the "cloud" holds and what state it expects.
import fc from "fast-check";
import { makeUrn, SIG, type PropertyMap } from "@cairn/protocol";
import type { JournalEntry, JournalOp } from "../journal.js";
import { referencesOf, satisfies } from "../resource-references.js";
import type { PendingOperation, ResourceKey, ResourceState, Snapshot } from "../snapshot.js";
import { emptySnapshot, keyOf } from "../snapshot.js";

export type Outcome = "ok" | "fail" | "partial";
export type Command =
  | { c: "create"; kind: "custom" | "component" | "provider"; parent: number; provider: number; deps: number[]; outcome: Outcome; effectNow: boolean }
  | { c: "update"; target: number; deps: number[]; outcome: Outcome; effectNow: boolean }
  | { c: "replace"; target: number; outcome: Outcome; effectNow: boolean }
  | { c: "deleteFirst"; target: number; outcome: Outcome; effectNow: boolean }
  | { c: "createReplacement"; target: number; withOld: boolean; outcome: Outcome; effectNow: boolean }
  | { c: "delete"; target: number; outcome: Outcome; effectNow: boolean }
  | { c: "write"; target: number; remove: boolean }
  | { c: "import"; outcome: Outcome; effectNow: boolean }
  | { c: "read"; target: number; fresh: boolean; withOld: boolean }
  | { c: "finish"; pick: number }
  | { c: "crash" };

const outcome = fc.constantFrom<Outcome>("ok", "ok", "ok", "fail", "partial");
const pick = fc.nat({ max: 1000 });
const picks = fc.array(pick, { maxLength: 3 });

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ c: fc.constant("create" as const), kind: fc.constantFrom("custom" as const, "custom" as const, "component" as const, "provider" as const), parent: pick, provider: pick, deps: picks, outcome, effectNow: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ c: fc.constant("update" as const), target: pick, deps: picks, outcome, effectNow: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ c: fc.constant("replace" as const), target: pick, outcome, effectNow: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ c: fc.constant("deleteFirst" as const), target: pick, outcome, effectNow: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ c: fc.constant("createReplacement" as const), target: pick, withOld: fc.boolean(), outcome, effectNow: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ c: fc.constant("delete" as const), target: pick, outcome, effectNow: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ c: fc.constant("write" as const), target: pick, remove: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ c: fc.constant("import" as const), outcome, effectNow: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ c: fc.constant("read" as const), target: pick, fresh: fc.boolean(), withOld: fc.boolean() }) },
  { weight: 12, arbitrary: fc.record({ c: fc.constant("finish" as const), pick }) },
  { weight: 1, arbitrary: fc.record({ c: fc.constant("crash" as const) }) },
);

/** The result of running commands: the journal and, for every prefix length k, the cloud then. */
export interface ModelRun {
  base: Snapshot;
  entries: JournalEntry[];
  /** cloudAt[k]: (urn, id) of every managed cloud object while the journal held k entries. */
  cloudAt: Array<Array<{ urn: string; id: string }>>;
  expected: { resources: ResourceState[]; pendingOperations: PendingOperation[] };
  /** Prefix lengths at which no operation of the journal is pending. */
  quiescent: number[];
  /** Prefix lengths just after a crash, before the next run's recovery entries. */
  crashes: number[];
  /** Every secret plaintext used (each contains "sekrit"). */
  secrets: string[];
}

interface Flight {
  begin: Extract<JournalEntry, { kind: "begin" }>;
  urn: string;
  outcome: Outcome;
  effectApplied: boolean;
  /** The resource acted on, as it stood at begin. */
  old?: ResourceState;
  effect(): void;
  finish(): void;
  /** After a crash: state-only writes that record what the cloud now holds. */
  resolve(): JournalEntry[];
}

export function runModel(commands: Command[]): ModelRun {
  const m = new Model();
  for (const cmd of commands) m.run(cmd);
  return m.result();
}

class Model {
  readonly base = emptySnapshot("2026-01-01T00:00:00.000Z", "0.1.0");
  resources: ResourceState[] = [];
  readonly cloud = new Map<string, ResourceState>();
  inFlight: Flight[] = [];
  readonly entries: JournalEntry[] = [];
  readonly cloudAt: ModelRun["cloudAt"] = [];
  readonly quiescent: number[] = [0];
  readonly crashes: number[] = [];
  readonly secrets: string[] = [];
  readonly rank = new Map<string, number>();
  seq = 0;
  counter = 0;

  result(): ModelRun {
    this.cloudAt.push(this.cloudNow());
    const pendingOperations = this.inFlight.map((f) => ({ kind: PENDING[f.begin.op], resource: (f.begin.planned ?? f.old)! }));
    return { base: this.base, entries: this.entries, cloudAt: this.cloudAt, expected: { resources: this.resources, pendingOperations }, quiescent: this.quiescent, crashes: this.crashes, secrets: this.secrets };
  }

  cloudNow(): Array<{ urn: string; id: string }> {
    return [...this.cloud.values()].map((r) => ({ urn: r.urn, id: r.id! }));
  }

  emit(entry: JournalEntry): void {
    this.cloudAt.push(this.cloudNow());
    this.entries.push(entry);
  }

  nextSeq(): number {
    return ++this.seq;
  }

  settled(urn: string): boolean {
    return !this.inFlight.some((f) => f.urn === urn);
  }

  liveSettled(): ResourceState[] {
    return this.resources.filter((r) => !r.delete && !r.pendingReplacement && this.settled(r.urn));
  }

  /** Could `r` be removed without leaving a reference from another resource unsatisfied? */
  canRemove(r: ResourceState): boolean {
    const others = [...this.resources.filter((x) => x !== r), ...this.inFlight.flatMap((f) => (f.begin.planned ? [f.begin.planned] : []))];
    return others.every((y) =>
      referencesOf(y).every((ref) => !satisfies(ref, r) || others.some((z) => z !== y && satisfies(ref, z))),
    );
  }

  secret(value: PropertyMap[string]): PropertyMap[string] {
    return { [SIG]: "secret", value } as PropertyMap[string];
  }

  newSecret(): string {
    const s = `sekrit-${this.counter++}-${Math.floor(this.counter * 7919) % 1000}`;
    this.secrets.push(s);
    return s;
  }

  properties(version: number): { inputs: PropertyMap; outputs: PropertyMap } {
    const inner = this.newSecret();
    return {
      inputs: { version, password: this.secret(this.newSecret()) },
      outputs: { version, nested: { list: [1, { deep: this.secret({ a: inner, b: [this.secret("x-" + this.newSecret())] }) }] } },
    };
  }

  newId(): string {
    return `id-${this.counter++}`;
  }

  // --- the resource list, with the same meaning as replay's: replace in place, add at the end.

  indexOf(key: ResourceKey): number {
    return this.resources.findIndex((r) => r.urn === key.urn && !!r.delete === !!key.delete);
  }

  put(old: ResourceKey | undefined, state: ResourceState | null): void {
    if (old !== undefined) {
      const i = this.indexOf(old);
      if (i < 0) throw new Error(`model bug: ${old.urn} missing`);
      if (state === null) this.resources.splice(i, 1);
      else this.resources[i] = state;
      return;
    }
    if (state === null) return;
    const live = state.delete ? -1 : this.indexOf({ urn: state.urn });
    if (live >= 0) this.resources[live] = state;
    else this.resources.push(state);
  }

  begin(op: JournalOp, urn: string, fields: { old?: ResourceState; planned?: ResourceState }, f: Omit<Flight, "begin" | "urn" | "effectApplied" | "old">): void {
    const begin: Flight["begin"] = { kind: "begin", seq: this.nextSeq(), op };
    if (fields.old) begin.old = keyOf(fields.old);
    if (fields.planned) begin.planned = fields.planned;
    this.emit(begin);
    const flight: Flight = { ...f, begin, urn, effectApplied: false };
    if (fields.old) flight.old = fields.old;
    this.inFlight.push(flight);
    return;
  }

  applyEffect(f: Flight): void {
    if (f.effectApplied || f.outcome === "fail") return;
    f.effectApplied = true;
    f.effect();
  }

  end(f: Flight, result: { ok: true; state?: ResourceState } | { ok: false; partial?: ResourceState }): void {
    this.inFlight = this.inFlight.filter((x) => x !== f);
    const seq = this.nextSeq();
    if (result.ok) {
      const e: JournalEntry = { kind: "end", seq, begin: f.begin.seq, ok: true };
      if (result.state) e.state = result.state;
      this.emit(e);
    } else {
      const e: JournalEntry = { kind: "end", seq, begin: f.begin.seq, ok: false, error: "provider failed" };
      if (result.partial) e.partial = result.partial;
      this.emit(e);
    }
    if (this.inFlight.length === 0) this.quiescent.push(this.entries.length);
  }

  run(cmd: Command): void {
    switch (cmd.c) {
      case "create": return this.create(cmd);
      case "update": return this.update(cmd);
      case "replace": return this.replace(cmd);
      case "deleteFirst": return this.deleteFirst(cmd);
      case "createReplacement": return this.createReplacement(cmd);
      case "delete": return this.remove(cmd);
      case "write": return this.write(cmd);
      case "import": return this.importOne(cmd);
      case "read": return this.read(cmd);
      case "finish": return this.finish(cmd.pick);
      case "crash": return this.crash();
    }
  }

  finish(n: number): void {
    if (this.inFlight.length === 0) return;
    const f = this.inFlight[n % this.inFlight.length]!;
    this.applyEffect(f);
    f.finish();
  }

  // --- commands

  create(cmd: Extract<Command, { c: "create" }>): void {
    const live = this.liveSettled();
    const components = live.filter((r) => !r.custom);
    const providers = live.filter((r) => r.type.startsWith("cairn:providers:"));
    const type = cmd.kind === "provider" ? "cairn:providers:test" : cmd.kind === "component" ? "test:index:Component" : "test:index:Thing";
    const name = `r${this.counter++}`;
    const parent = components.length > 0 && cmd.parent % 3 !== 0 ? components[cmd.parent % components.length] : undefined;
    const urn = makeUrn({ stack: "dev", project: "proj", type, name, parent: parent?.urn });
    const deps = [...new Set(cmd.deps.filter(() => live.length > 0).map((d) => live[d % live.length]!.urn))];
    const planned: ResourceState = {
      urn, type, custom: cmd.kind !== "component", ...this.properties(0), dependencies: deps,
      propertyDependencies: deps.length > 0 ? { input: deps.slice(0, 1) } : {}, protect: false, retainOnDelete: false,
    };
    if (parent) planned.parent = parent.urn;
    if (cmd.kind === "custom" && providers.length > 0 && cmd.provider % 2 === 0) {
      const p = providers[cmd.provider % providers.length]!;
      planned.provider = `${p.urn}::${p.id!}`;
    }
    if (deps.length > 1) planned.deletedWith = deps[1]!;
    this.rank.set(urn, this.counter++);
    this.startCreate(planned, undefined, cmd);
  }

  /** Begins a create of `planned` (optionally over `old`, a delete-before-replace). */
  startCreate(planned: ResourceState, old: ResourceState | undefined, cmd: { outcome: Outcome; effectNow: boolean }): void {
    const made: ResourceState = { ...planned, id: this.newId(), ...this.properties(1) };
    const partial: ResourceState = { ...made, initErrors: ["half made"] };
    const oldKey = old ? keyOf(old) : undefined;
    const fields = old ? { old, planned } : { planned };
    this.begin("create", planned.urn, fields, {
      outcome: cmd.outcome,
      effect: () => this.cloud.set(made.id!, cmd.outcome === "partial" ? partial : made),
      finish: () => {
        const f = this.flightOf(planned.urn);
        if (cmd.outcome === "ok") {
          this.end(f, { ok: true, state: made });
          this.put(oldKey, made);
        } else if (cmd.outcome === "partial") {
          this.end(f, { ok: false, partial });
          this.put(oldKey, partial);
        } else this.end(f, { ok: false });
      },
      resolve: () => {
        const now = this.cloud.get(made.id!);
        if (!now) return [];
        this.put(oldKey, now);
        const w: JournalEntry = { kind: "write", seq: this.nextSeq(), state: now };
        if (oldKey) w.old = oldKey;
        return [w];
      },
    });
    if (cmd.effectNow) this.applyEffect(this.flightOf(planned.urn));
  }

  flightOf(urn: string): Flight {
    return this.inFlight.find((f) => f.urn === urn)!;
  }

  update(cmd: Extract<Command, { c: "update" }>): void {
    const live = this.liveSettled();
    if (live.length === 0) return;
    const target = live[cmd.target % live.length]!;
    const rank = this.rank.get(target.urn)!;
    const lower = live.filter((r) => this.rank.get(r.urn)! < rank && r.urn !== target.urn);
    const deps = [...new Set(cmd.deps.filter(() => lower.length > 0).map((d) => lower[d % lower.length]!.urn))];
    const version = (target.outputs["version"] as number) + 1;
    const planned: ResourceState = { ...target, ...this.properties(version), dependencies: deps, propertyDependencies: deps.length > 0 ? { input: deps } : {} };
    delete planned.deletedWith;
    const partial: ResourceState = { ...planned, initErrors: ["half updated"] };
    const key = keyOf(target);
    this.begin("update", target.urn, { old: target, planned }, {
      outcome: cmd.outcome,
      effect: () => target.id !== undefined && this.cloud.has(target.id) && this.cloud.set(target.id, cmd.outcome === "partial" ? partial : planned),
      finish: () => {
        const f = this.flightOf(target.urn);
        if (cmd.outcome === "ok") {
          this.end(f, { ok: true, state: planned });
          this.put(key, planned);
        } else if (cmd.outcome === "partial") {
          this.end(f, { ok: false, partial });
          this.put(key, partial);
        } else this.end(f, { ok: false });
      },
      resolve: () => {
        const f = this.flightOf(target.urn);
        if (!f.effectApplied) return [];
        const now = cmd.outcome === "partial" ? partial : planned;
        this.put(key, now);
        return [{ kind: "write", seq: this.nextSeq(), old: key, state: now }];
      },
    });
    if (cmd.effectNow) this.applyEffect(this.flightOf(target.urn));
  }

  replace(cmd: Extract<Command, { c: "replace" }>): void {
    const live = this.liveSettled().filter((r) => r.custom);
    if (live.length === 0) return;
    const target = live[cmd.target % live.length]!;
    const marked: ResourceState = { ...target, delete: true };
    this.emit({ kind: "write", seq: this.nextSeq(), old: keyOf(target), state: marked });
    this.put(keyOf(target), marked);
    const planned: ResourceState = { ...target, ...this.properties(0) };
    delete planned.id;
    this.startCreate(planned, undefined, cmd);
  }

  deleteFirst(cmd: Extract<Command, { c: "deleteFirst" }>): void {
    const live = this.liveSettled().filter((r) => r.custom && !r.type.startsWith("cairn:providers:"));
    if (live.length === 0) return;
    this.startDelete(live[cmd.target % live.length]!, { ...cmd, pendingReplacement: true });
  }

  createReplacement(cmd: Extract<Command, { c: "createReplacement" }>): void {
    const waiting = this.resources.filter((r) => r.pendingReplacement && this.settled(r.urn));
    if (waiting.length === 0) return;
    const target = waiting[cmd.target % waiting.length]!;
    const planned: ResourceState = { ...target, ...this.properties(0) };
    delete planned.id;
    delete planned.pendingReplacement;
    this.startCreate(planned, cmd.withOld ? target : undefined, cmd);
  }

  remove(cmd: Extract<Command, { c: "delete" }>): void {
    const candidates = this.resources.filter((r) => !r.pendingReplacement && this.settled(r.urn) && this.canRemove(r) && this.firstOfKey(r));
    if (candidates.length === 0) return;
    this.startDelete(candidates[cmd.target % candidates.length]!, { ...cmd, pendingReplacement: false });
  }

  /** Keys name the first resource with that key; the model only deletes that one. */
  firstOfKey(r: ResourceState): boolean {
    return this.resources[this.indexOf(keyOf(r))] === r;
  }

  startDelete(target: ResourceState, cmd: { outcome: Outcome; effectNow: boolean; pendingReplacement: boolean }): void {
    const key = keyOf(target);
    const outcomeOf: Outcome = cmd.outcome === "partial" ? "fail" : cmd.outcome;
    const after: ResourceState | null = cmd.pendingReplacement ? { ...target, pendingReplacement: true } : null;
    this.begin("delete", target.urn, { old: target }, {
      outcome: outcomeOf,
      effect: () => target.id !== undefined && this.cloud.delete(target.id),
      finish: () => {
        const f = this.flightOf(target.urn);
        if (outcomeOf === "ok") {
          this.end(f, after ? { ok: true, state: after } : { ok: true });
          this.put(key, after);
        } else this.end(f, { ok: false });
      },
      resolve: () => {
        if (!this.flightOf(target.urn).effectApplied) return [];
        this.put(key, after);
        return [{ kind: "write", seq: this.nextSeq(), old: key, state: after }];
      },
    });
    if (cmd.effectNow) this.applyEffect(this.flightOf(target.urn));
  }

  write(cmd: Extract<Command, { c: "write" }>): void {
    const live = this.liveSettled();
    if (live.length === 0) return;
    const target = live[cmd.target % live.length]!;
    const key = keyOf(target);
    if (cmd.remove) {
      if (!this.canRemove(target)) return;
      // retainOnDelete: Cairn forgets the resource; the cloud keeps it, unmanaged.
      if (target.id !== undefined) this.cloud.delete(target.id);
      this.emit({ kind: "write", seq: this.nextSeq(), old: key, state: null });
      this.put(key, null);
      if (this.inFlight.length === 0) this.quiescent.push(this.entries.length);
      return;
    }
    const state: ResourceState = { ...target, protect: !target.protect };
    this.emit({ kind: "write", seq: this.nextSeq(), old: key, state });
    this.put(key, state);
    if (this.inFlight.length === 0) this.quiescent.push(this.entries.length);
  }

  importOne(cmd: Extract<Command, { c: "import" }>): void {
    const id = this.newId();
    const urn = makeUrn({ stack: "dev", project: "proj", type: "test:index:Thing", name: `imp${this.counter++}` });
    this.rank.set(urn, this.counter++);
    const planned: ResourceState = { urn, type: "test:index:Thing", custom: true, id, importId: id, ...this.properties(0), dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false };
    const ok = cmd.outcome === "ok";
    this.begin("import", urn, { planned }, {
      outcome: cmd.outcome,
      effect: () => this.cloud.set(id, planned),
      finish: () => {
        const f = this.flightOf(urn);
        if (ok) {
          this.end(f, { ok: true, state: planned });
          this.put(undefined, planned);
        } else {
          this.cloud.delete(id);
          this.end(f, { ok: false });
        }
      },
      resolve: () => {
        this.cloud.delete(id);
        return [];
      },
    });
    if (cmd.effectNow) this.applyEffect(this.flightOf(urn));
  }

  read(cmd: Extract<Command, { c: "read" }>): void {
    const externals = this.liveSettled().filter((r) => r.external);
    const again = !cmd.fresh && externals.length > 0 ? externals[cmd.target % externals.length] : undefined;
    const urn = again?.urn ?? makeUrn({ stack: "dev", project: "proj", type: "test:index:Thing", name: `ext${this.counter++}` });
    if (!again) this.rank.set(urn, this.counter++);
    const planned: ResourceState = {
      urn, type: "test:index:Thing", custom: true, id: again?.id ?? `ext-${this.counter++}`, external: true,
      ...this.properties(again ? (again.outputs["version"] as number) + 1 : 0), dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false,
    };
    const old = again && cmd.withOld ? again : undefined;
    this.begin("read", urn, old ? { old, planned } : { planned }, {
      outcome: "ok",
      effect: () => undefined,
      finish: () => {
        this.end(this.flightOf(urn), { ok: true, state: planned });
        this.put(old ? keyOf(old) : undefined, planned);
      },
      resolve: () => [],
    });
  }

  crash(): void {
    if (this.inFlight.length === 0) return;
    const abandoned = this.inFlight;
    this.crashes.push(this.entries.length);
    const writes = abandoned.flatMap((f) => f.resolve());
    this.inFlight = [];
    for (const w of writes) this.emit(w);
    this.emit({ kind: "clear-pending", seq: this.nextSeq(), urns: abandoned.map((f) => f.urn) });
    this.quiescent.push(this.entries.length);
  }
}

const PENDING = { create: "creating", update: "updating", delete: "deleting", read: "reading", import: "importing" } as const;
