// A stack's secrets manager whose key is still being derived (scrypt is deliberately slow), so an
// operation's read-only work runs meanwhile. Whoever truly needs the key awaits `ready()`: to open a
// sealed value, to seal one, before the stack's first durable write and at the end of a preview, so
// a wrong passphrase fails exactly as before and changes nothing on disk.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { Decrypter, JournalEntry, JournalWriter, SecretsManager, SecretsProviderState } from "@cairn/state";

export class DeferredSecrets implements SecretsManager {
  #manager: SecretsManager | undefined;
  readonly #pending: Promise<SecretsManager>;

  constructor(pending: Promise<SecretsManager>) {
    this.#pending = pending;
    // A rejection (wrong passphrase) is reported by whoever awaits ready().
    pending.then((m) => void (this.#manager = m), () => undefined);
  }

  /** True once the key is derived and the passphrase checked. */
  get isReady(): boolean {
    return this.#manager !== undefined;
  }

  /** The checked manager; rejects with WrongPassphrase (or PassphraseMissing) as opening it would. */
  ready(): Promise<SecretsManager> {
    return this.#pending;
  }

  get state(): SecretsProviderState {
    return this.now("read its state").state;
  }

  encrypt(plaintext: string): string {
    return this.now("seal a secret").encrypt(plaintext);
  }

  decrypt(ciphertext: string): string {
    return this.now("open a secret").decrypt(ciphertext);
  }

  private now(what: string): SecretsManager {
    if (this.#manager === undefined) {
      throw new CairnError({ code: ErrorCodes.Internal, source: "internal", message: `the stack's key is still being derived: await ready() before using it to ${what}` });
    }
    return this.#manager;
  }
}

/**
 * Runs `read` (loading state, resolving config) without waiting for the key. If it met a sealed
 * value before the key was ready, its result is discarded and it runs again once the key is ready;
 * so a stack without secrets never waits, and one with secrets waits as it did before.
 */
export async function openWhileDeriving<T>(secrets: DeferredSecrets, read: (dec: Decrypter) => T | Promise<T>): Promise<T> {
  if (secrets.isReady) return read(secrets);
  let missed = false;
  const probe: Decrypter = {
    decrypt: (ciphertext) => {
      if (secrets.isReady) return secrets.decrypt(ciphertext);
      missed = true;
      return "null"; // a placeholder: this result is never used
    },
  };
  const first = await read(probe);
  if (!missed) return first;
  await secrets.ready();
  return read(secrets);
}

/**
 * A journal opened on its first append, after the key is ready: opening settles and repairs the
 * journal on disk, and appending seals secrets, so neither happens under a wrong passphrase.
 */
export class KeyGatedJournal implements JournalWriter {
  #writer: Promise<JournalWriter> | undefined;

  /**
   * `lastSeq`: the highest seq of the journal as loaded (under the same lease), which the engine
   * numbers after before the journal is open; the opened writer must agree.
   */
  constructor(
    private readonly secrets: DeferredSecrets,
    private readonly open: (secrets: SecretsManager) => Promise<JournalWriter>,
    readonly lastSeq: number,
  ) {}

  /** Opens the journal now (if not yet): a commit follows an opened journal, as before. */
  opened(): Promise<JournalWriter> {
    return (this.#writer ??= this.secrets.ready().then(async (m) => this.checked(await this.open(m))));
  }

  private checked(writer: JournalWriter): JournalWriter {
    if (writer.lastSeq !== undefined && writer.lastSeq !== this.lastSeq) {
      throw new CairnError({
        code: ErrorCodes.Internal,
        source: "internal",
        message: `the stack's journal changed while its lease was held (its last seq is ${writer.lastSeq}, ${this.lastSeq} when loaded); nothing was written: run the command again`,
      });
    }
    return writer;
  }

  async append(entries: JournalEntry[]): Promise<void> {
    return (await this.opened()).append(entries);
  }
}
