// The stack's secrets manager: rebuilt from the encryptionsalt in Cairn.<stack>.yaml (or from the
// state's copy when the file has none), or created for a new stack. The passphrase comes from a
// source the host supplies (env, file, prompt); this module never reads the environment.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { PassphraseSecretsManager, type ScryptParams, type SecretsManager, type SecretsProviderState } from "@cairn/state";
import { decodeSecretsState, encodeSecretsState, type StackSettings } from "./stack-settings-file.js";

/** A passphrase, or a function that produces it (prompting or reading a file) when first needed. */
export type PassphraseSource = string | (() => Promise<string>);

export class PassphraseCache {
  #value: string | undefined;
  constructor(private readonly source: PassphraseSource | undefined) {}
  async get(stack: string): Promise<string> {
    if (this.#value !== undefined) return this.#value;
    if (this.source === undefined) {
      throw new CairnError({
        code: ErrorCodes.PassphraseMissing,
        source: "user",
        message: `stack ${stack} needs a passphrase to seal and open its secrets`,
        hint: "set CAIRN_CONFIG_PASSPHRASE or CAIRN_CONFIG_PASSPHRASE_FILE",
      });
    }
    this.#value = typeof this.source === "string" ? this.source : await this.source();
    return this.#value;
  }
}

export interface ManagerRequest {
  stack: string;
  settings: StackSettings;
  settingsFile: string;
  passphrase: PassphraseCache;
  /** The secrets provider state recorded in the stack's checkpoint, if any. */
  stateFallback?: SecretsProviderState;
  kdf?: ScryptParams;
}

/** Rebuilds the stack's manager; `created` is set when a new one was made (caller saves it). */
export async function openStackSecrets(req: ManagerRequest): Promise<{ manager: SecretsManager; created: boolean }> {
  if (req.settings.secretsprovider !== undefined && req.settings.secretsprovider !== "passphrase") {
    throw new CairnError({
      code: ErrorCodes.ConfigInvalid,
      source: "user",
      message: `${req.settingsFile}: secretsprovider ${JSON.stringify(req.settings.secretsprovider)} is not supported (use passphrase)`,
    });
  }
  const passphrase = await req.passphrase.get(req.stack);
  const state = req.settings.encryptionsalt !== undefined ? decodeSecretsState(req.settings.encryptionsalt, req.settingsFile) : req.stateFallback;
  // The key is derived on the thread pool, so work started beside this call (loading the program's
  // tooling) overlaps the deliberately slow KDF; a wrong passphrase still fails here, before any change.
  if (state !== undefined) return { manager: await PassphraseSecretsManager.fromStateAsync(state, passphrase), created: false };
  return { manager: await PassphraseSecretsManager.createAsync({ passphrase, ...(req.kdf ? { kdf: req.kdf } : {}) }), created: true };
}

/**
 * A stack's secrets manager whose key derivation a host started early (the CLI starts the slow KDF
 * before loading anything else). Used only for `stack` while its Cairn.<stack>.yaml still holds
 * exactly `encryptionsalt` (so the salt, cost and check are the ones the normal path would use);
 * a rejection (wrong passphrase) surfaces where opening the secrets normally fails.
 */
export interface PrefetchedSecrets {
  stack: string;
  encryptionsalt: string;
  manager: Promise<SecretsManager>;
}

/** The prefetched manager when it is the one `openStackSecrets` would build for these settings. */
export function prefetchedFor(prefetched: PrefetchedSecrets | undefined, stack: string, settings: StackSettings): Promise<SecretsManager> | undefined {
  if (prefetched === undefined || prefetched.stack !== stack || settings.encryptionsalt !== prefetched.encryptionsalt) return undefined;
  if (settings.secretsprovider !== undefined && settings.secretsprovider !== "passphrase") return undefined;
  return prefetched.manager;
}

/** Records the manager's state in the settings (secretsprovider + encryptionsalt). */
export function withManagerState(settings: StackSettings, manager: SecretsManager): StackSettings {
  return { ...settings, secretsprovider: "passphrase", encryptionsalt: encodeSecretsState(manager.state) };
}
