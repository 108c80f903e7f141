// `cairn stack change-secrets-provider`: re-seals the stack's config secrets and its state with a
// manager for a new passphrase, under the stack's lease. Nothing is written until both open.
import { PassphraseSecretsManager, type SecretsManager } from "@cairn/state";
import { withLease, loadCurrentState } from "./deployment-runner.js";
import { withManagerState } from "./stack-secrets.js";
import { isSecureLeaf } from "./stack-settings-file.js";
import type { Stack } from "./stack.js";

function resealTree(v: unknown, from: SecretsManager, to: SecretsManager): unknown {
  if (isSecureLeaf(v)) return { secure: to.encrypt(from.decrypt(v.secure)) };
  if (Array.isArray(v)) return v.map((x) => resealTree(x, from, to));
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resealTree(x, from, to)]));
  return v;
}

export async function reseal(stack: Stack, old: SecretsManager, newPassphrase: string): Promise<SecretsManager> {
  const kdf = stack.workspace.ctx.kdf;
  const next = PassphraseSecretsManager.create({ passphrase: newPassphrase, ...(kdf ? { kdf } : {}) });
  const settings = stack.settings();
  const config = resealTree(settings.config, old, next) as Record<string, unknown>;
  const exists = await stack.workspace.ctx.backend.stackExists(stack.ref);
  if (exists) {
    await withLease(stack, "change-secrets-provider", undefined, async (lease) => {
      const snapshot = await loadCurrentState(stack, old);
      await stack.workspace.ctx.backend.commitSnapshot(stack.ref, lease, { ...snapshot, secretsProvider: next.state }, next);
    });
  }
  stack.saveSettings(withManagerState({ ...settings, config }, next));
  return next;
}
