// Stack: one instance of a project. Config (plain, secret, nested), the deployment operations
// (preview/up/destroy/refresh/import, run by deployment-runner.ts), outputs, history,
// export/import, cancel, and re-sealing with a new passphrase.
import { existsSync, renameSync } from "node:fs";
import type { SecretsManager, StackRef, UpdateRecord, LeaseInfo } from "@cairn/state";
import type { PropertyMap } from "@cairn/protocol";
import { getConfigValue, removeConfigValue, resolveConfig, setConfigValue, type ConfigMap, type ConfigValue } from "./config-values.js";
import { runOperation, withLease, loadCurrentState } from "./deployment-runner.js";
import { rootOutputs, toOutputMap } from "./outputs.js";
import { loadStackSettings, saveStackSettings, type StackSettings } from "./stack-settings-file.js";
import { openStackSecrets, prefetchedFor, withManagerState } from "./stack-secrets.js";
import { reseal } from "./reseal.js";
import { DeferredSecrets } from "./deferred-secrets.js";
import type { ImportResource, OperationOptions, OperationResult, OutputMap } from "./types.js";
import type { Workspace } from "./workspace.js";

/** What a history secret sealed under an earlier passphrase reads as. */
export const UNREADABLE_SECRET = "[sealed with an earlier passphrase]";

export interface ConfigKeyOptions {
  /** Treat the key as a path into a structured value ("a.b[0]"). */
  path?: boolean;
}

export class Stack {
  #manager: SecretsManager | undefined;

  constructor(
    readonly workspace: Workspace,
    readonly name: string,
  ) {}

  get ref(): StackRef {
    return { project: this.workspace.projectName, stack: this.name };
  }

  get settingsFile(): string {
    return this.workspace.stackFile(this.name);
  }

  settings(): StackSettings {
    return loadStackSettings(this.workspace.settingsDir(), this.name);
  }

  saveSettings(settings: StackSettings): void {
    saveStackSettings(this.workspace.settingsDir(), this.name, settings);
  }

  /** The stack's secrets manager (created and recorded in Cairn.<stack>.yaml on first use). */
  async secrets(): Promise<SecretsManager> {
    if (this.#manager) return this.#manager;
    const settings = this.settings();
    const prefetched = prefetchedFor(this.workspace.ctx.prefetchedSecrets, this.name, settings);
    if (prefetched !== undefined) {
      this.#manager = await prefetched;
      return this.#manager;
    }
    const stateFallback = settings.encryptionsalt === undefined ? await this.checkpointSecretsState() : undefined;
    const { manager, created } = await openStackSecrets({
      stack: this.name,
      settings,
      settingsFile: this.settingsFile,
      passphrase: this.workspace.ctx.passphrase,
      ...(stateFallback ? { stateFallback } : {}),
      ...(this.workspace.ctx.kdf ? { kdf: this.workspace.ctx.kdf } : {}),
    });
    if (created || settings.encryptionsalt === undefined) this.saveSettings(withManagerState(settings, manager));
    this.#manager = manager;
    return manager;
  }

  /**
   * The stack's secrets manager with its key derived in the background, for operations: the
   * passphrase is read (or asked for) now; a stack whose settings hold no salt yet is opened
   * (and recorded) first, as `secrets()` does.
   */
  async deferredSecrets(): Promise<DeferredSecrets> {
    if (this.#manager === undefined) {
      const settings = this.settings();
      if (settings.encryptionsalt === undefined) await this.secrets();
      else if (prefetchedFor(this.workspace.ctx.prefetchedSecrets, this.name, settings) === undefined) await this.workspace.ctx.passphrase.get(this.name);
    }
    return new DeferredSecrets(this.secrets());
  }

  private async checkpointSecretsState() {
    if (!(await this.workspace.ctx.backend.stackExists(this.ref))) return undefined;
    try {
      return findSecretsProvider(await this.workspace.ctx.backend.exportStack(this.ref));
    } catch {
      return undefined; // no checkpoint yet: a new manager will be made
    }
  }

  // ---- config ----

  async getConfig(key: string, opts: ConfigKeyOptions = {}): Promise<ConfigValue | undefined> {
    const settings = this.settings();
    const probe = getConfigValue(settings.config, { key, project: this.workspace.projectName, ...opts }, undefined);
    if (probe === undefined) return undefined;
    if (!probe.secret) return probe;
    return getConfigValue(settings.config, { key, project: this.workspace.projectName, ...opts }, await this.secrets());
  }

  async setConfig(key: string, value: ConfigValue, opts: ConfigKeyOptions = {}): Promise<void> {
    const encrypter = value.secret ? await this.secrets() : undefined;
    const settings = this.settings();
    const config = setConfigValue(settings.config, { key, project: this.workspace.projectName, value: value.value, secret: value.secret, ...opts }, encrypter);
    this.saveSettings({ ...this.settings(), config });
  }

  async setAllConfig(values: Record<string, ConfigValue>, opts: ConfigKeyOptions = {}): Promise<void> {
    for (const [k, v] of Object.entries(values)) await this.setConfig(k, v, opts);
  }

  async removeConfig(key: string, opts: ConfigKeyOptions = {}): Promise<void> {
    const settings = this.settings();
    this.saveSettings({ ...settings, config: removeConfigValue(settings.config, { key, project: this.workspace.projectName, ...opts }) });
  }

  /** All config, project defaults included; secrets decrypted only with `showSecrets`. */
  async listConfig(opts: { showSecrets?: boolean } = {}): Promise<ConfigMap> {
    const settings = this.settings();
    const base = { project: this.workspace.projectName, config: settings.config, ...(this.workspace.ctx.project.config ? { defaults: this.workspace.ctx.project.config } : {}) };
    const needsKey = opts.showSecrets && Object.values(resolveConfig(base)).some((v) => v.secret);
    return resolveConfig(needsKey ? { ...base, decrypter: await this.secrets() } : base);
  }

  // ---- operations ----

  preview(opts: OperationOptions = {}): Promise<OperationResult> {
    return runOperation(this, { kind: "preview", dryRun: true, ...opts });
  }
  up(opts: OperationOptions = {}): Promise<OperationResult> {
    return runOperation(this, { kind: "update", dryRun: false, ...opts });
  }
  destroy(opts: OperationOptions & { preview?: boolean } = {}): Promise<OperationResult> {
    return runOperation(this, { kind: "destroy", dryRun: opts.preview ?? false, ...opts });
  }
  refresh(opts: OperationOptions & { preview?: boolean } = {}): Promise<OperationResult> {
    return runOperation(this, { kind: "refresh", dryRun: opts.preview ?? false, ...opts });
  }
  /** Adopts existing cloud resources (then add them to the program, or the next up deletes them). */
  import(opts: OperationOptions & { resources: ImportResource[]; preview?: boolean }): Promise<OperationResult> {
    return runOperation(this, { kind: "import", dryRun: opts.preview ?? false, ...opts });
  }

  // ---- outputs, history, state documents ----

  async outputs(): Promise<OutputMap> {
    return toOutputMap(await this.rawOutputs());
  }

  async rawOutputs(): Promise<PropertyMap> {
    const state = await loadCurrentState(this, await this.secrets());
    return rootOutputs(state);
  }

  /**
   * Update records, newest first. Secrets sealed before a change of passphrase cannot be opened
   * any more; they read as UNREADABLE_SECRET instead of making the whole history unreadable.
   */
  async history(opts: { limit?: number } = {}): Promise<UpdateRecord[]> {
    const manager = await this.secrets();
    const lenient = {
      decrypt: (c: string) => {
        try {
          return manager.decrypt(c);
        } catch {
          return JSON.stringify(UNREADABLE_SECRET);
        }
      },
    };
    return this.workspace.ctx.backend.listHistory(this.ref, lenient, opts);
  }

  exportStack(): Promise<unknown> {
    return this.workspace.ctx.backend.exportStack(this.ref);
  }

  async importStack(document: unknown): Promise<void> {
    await withLease(this, "import-state", undefined, (lease) => this.workspace.ctx.backend.importStack(this.ref, lease, document));
  }

  /** Breaks the stack's lease (`cairn cancel`); returns what it broke. */
  cancel(): Promise<LeaseInfo | undefined> {
    return this.workspace.ctx.backend.breakLease(this.ref);
  }

  getLease(): Promise<LeaseInfo | undefined> {
    return this.workspace.ctx.backend.getLease(this.ref);
  }

  /** Re-seals config secrets and state with a new passphrase. */
  async changeSecretsProvider(req: { newPassphrase: string }): Promise<void> {
    const old = await this.secrets();
    this.#manager = await reseal(this, old, req.newPassphrase);
  }

  renameSettingsFile(newName: string): void {
    const from = this.settingsFile;
    if (existsSync(from)) renameSync(from, this.workspace.stackFile(newName));
  }
}

/** The secrets provider recorded in an exported checkpoint document, wherever it sits. */
export function findSecretsProvider(doc: unknown, depth = 0): { type: string; state: Record<string, unknown> } | undefined {
  if (doc === null || typeof doc !== "object" || depth > 3) return undefined;
  const sp = (doc as Record<string, unknown>).secretsProvider;
  if (sp && typeof sp === "object" && typeof (sp as Record<string, unknown>).type === "string") return sp as { type: string; state: Record<string, unknown> };
  for (const v of Object.values(doc)) {
    const found = findSecretsProvider(v, depth + 1);
    if (found) return found;
  }
  return undefined;
}
