// Test harness for the engine's own tests: programs that call the ResourceMonitor directly (each
// declaration waits for the ones it depends on, like Outputs would), a world with a fake provider,
// an in-memory journal and state carried from run to run.
import { ROOT_STACK_TYPE, makeUrn, type EngineEvent, type PropertyMap, type RegisterResourceOptions, type ResourceMonitor, type Urn } from "@cairn/protocol";
import { emptySnapshot, type JournalEntry, type Snapshot } from "@cairn/state";
import { FakeProvider, type FakeProviderOptions } from "../../../testing/src/fake-provider.js";
import { runDeployment } from "../deployment.js";
import type { DeploymentControl, DeploymentRequest, DeploymentResult, ProgramSource } from "../deployment-types.js";

export const TYPE = "fake:index:Res";
export const PROJECT = "proj";
export const STACK = "dev";

export function urn(name: string, type = TYPE, parent?: Urn): Urn {
  return makeUrn({ project: PROJECT, stack: STACK, type, name, ...(parent ? { parent } : {}) });
}
export const ROOT = urn(`${PROJECT}-${STACK}`, ROOT_STACK_TYPE);

export interface Decl extends RegisterResourceOptions {
  name: string;
  type?: string;
  inputs?: PropertyMap;
  /** Names of declarations this one depends on (waits for them, records them as dependencies). */
  deps?: string[];
  /** Names of declarations this one depends on without waiting for them (URN-only dependencies). */
  dependsOnUrn?: string[];
  /** For each input property, the names of the declarations its value came from. */
  propDeps?: Record<string, string[]>;
  /** Name of the parent declaration (default: the root stack). */
  parent?: string;
  custom?: boolean;
  /** Name of an explicit provider declaration. */
  provider?: string;
  /** Read an existing resource (`get`) with this ID instead of registering. */
  readId?: string;
}

/** A program that registers the root stack, then each declaration once its deps have registered. */
export function program(decls: Decl[], outputs: PropertyMap = {}): ProgramSource {
  return async (monitor: ResourceMonitor) => {
    await monitor.handshake({ sdk: "test", sdkVersion: "0" });
    const root = await monitor.registerResource({ type: ROOT_STACK_TYPE, name: `${PROJECT}-${STACK}`, custom: false, object: {}, dependencies: [], propertyDependencies: {} });
    const done = new Map<string, Promise<{ urn: Urn; id?: string }>>();
    for (const d of decls) {
      done.set(d.name, (async () => {
        const deps = await Promise.all((d.deps ?? []).map((n) => done.get(n) as Promise<{ urn: Urn }>));
        const parent = d.parent ? (await done.get(d.parent))?.urn : root.urn;
        const provider = d.provider ? await done.get(d.provider) : undefined;
        const { name, type, inputs, deps: _deps, parent: _p, custom, provider: _pr, readId, dependsOnUrn, propDeps, ...options } = d;
        const urnDeps = (dependsOnUrn ?? []).map((n) => urn(n));
        if (readId !== undefined) {
          const r = await monitor.readResource({ type: type ?? TYPE, name, id: readId, properties: inputs ?? {}, dependencies: deps.map((x) => x.urn), ...(parent ? { parent } : {}) });
          return { urn: r.urn };
        }
        const res = await monitor.registerResource({
          ...options,
          type: type ?? TYPE,
          name,
          custom: custom ?? true,
          object: inputs ?? {},
          dependencies: [...deps.map((x) => x.urn), ...urnDeps],
          propertyDependencies: Object.fromEntries(Object.entries(propDeps ?? {}).map(([k, names]) => [k, names.map((n) => urn(n))])),
          ...(parent ? { parent } : {}),
          ...(provider ? { provider: `${provider.urn}::${provider.id}` } : {}),
        });
        return res.id !== undefined ? { urn: res.urn, id: res.id } : { urn: res.urn };
      })());
    }
    const results = await Promise.allSettled([...done.values()]);
    await monitor.registerResourceOutputs({ urn: root.urn, outputs });
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  };
}

export class World {
  state: Snapshot = emptySnapshot("2026-01-01T00:00:00.000Z", "0.1.0");
  readonly journal: JournalEntry[] = [];
  events: EngineEvent[] = [];
  readonly provider: FakeProvider;
  private time = 1_000;

  constructor(opts: FakeProviderOptions = {}) {
    this.provider = new FakeProvider(opts);
  }

  get cloud() {
    return this.provider.cloud;
  }

  request(kind: DeploymentRequest["kind"], prog: ProgramSource | undefined, extra: Partial<DeploymentRequest> = {}): DeploymentRequest {
    return {
      kind,
      dryRun: kind === "preview",
      project: PROJECT,
      stack: STACK,
      base: this.state,
      ...(prog ? { program: prog } : {}),
      providers: async () => this.provider,
      journal: { append: async (entries) => void this.journal.push(...entries) },
      events: { emit: (e) => void this.events.push(e) },
      clock: () => this.time++,
      parallel: 4,
      config: { "fake:region": "mars-1" },
      configSecretKeys: [],
      cairnVersion: "0.1.0",
      ...extra,
    };
  }

  /** Runs one deployment; the result snapshot becomes the next run's base (except for previews). */
  async run(kind: DeploymentRequest["kind"], prog?: ProgramSource, extra: Partial<DeploymentRequest> = {}, control?: DeploymentControl): Promise<DeploymentResult> {
    this.events = [];
    const res = await runDeployment(this.request(kind, prog, extra), control);
    if (kind !== "preview" && !extra.dryRun) this.state = res.snapshot;
    return res;
  }

  up(decls: Decl[], extra: Partial<DeploymentRequest> = {}, control?: DeploymentControl): Promise<DeploymentResult> {
    return this.run("update", program(decls), extra, control);
  }

  resource(name: string, type = TYPE) {
    return this.state.resources.find((r) => r.urn.endsWith(`::${name}`) && r.type === type && !r.delete);
  }

  names(): string[] {
    return this.state.resources.filter((r) => r.type === TYPE).map((r) => r.urn.split("::").pop() + (r.delete ? "(delete)" : ""));
  }
}
