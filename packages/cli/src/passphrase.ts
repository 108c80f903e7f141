// Where the passphrase comes from: CAIRN_CONFIG_PASSPHRASE, CAIRN_CONFIG_PASSPHRASE_FILE, or a
// hidden prompt on a terminal. Otherwise a clear error when a secret is first needed.
import { readFileSync } from "node:fs";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { PassphraseSource } from "@cairn/automation";
import type { CliContext } from "./cli-context.js";

export function passphraseSource(ctx: CliContext): PassphraseSource {
  const env = ctx.env.CAIRN_CONFIG_PASSPHRASE;
  if (env !== undefined) return env;
  const file = ctx.env.CAIRN_CONFIG_PASSPHRASE_FILE;
  if (file !== undefined) {
    return async () => {
      try {
        return readFileSync(file, "utf8").replace(/\r?\n$/, "");
      } catch (e) {
        throw new CairnError({ code: ErrorCodes.PassphraseMissing, source: "user", message: `cannot read CAIRN_CONFIG_PASSPHRASE_FILE ${file}: ${(e as Error).message}` });
      }
    };
  }
  return async () => {
    if (!ctx.stdinIsTTY) {
      throw new CairnError({
        code: ErrorCodes.PassphraseMissing,
        source: "user",
        message: "a passphrase is needed to seal and open this stack's secrets",
        hint: "set CAIRN_CONFIG_PASSPHRASE or CAIRN_CONFIG_PASSPHRASE_FILE",
      });
    }
    const { promptHidden } = await import("./prompts.js");
    return promptHidden("Enter your passphrase to unlock config/secrets: ");
  };
}
