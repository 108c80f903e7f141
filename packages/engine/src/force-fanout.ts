// One listener on a run's force-cancel signal, fanned out to the provider calls in flight: calls
// subscribe and unsubscribe in a Set, so hundreds of concurrent calls add nothing to the shared
// AbortSignal (no MaxListenersExceededWarning, no per-call AbortSignal.any).
export class ForceFanout {
  readonly #watchers = new Set<() => void>();

  constructor(readonly signal: AbortSignal) {
    signal.addEventListener("abort", () => {
      for (const w of [...this.#watchers]) w();
    }, { once: true });
  }

  get aborted(): boolean {
    return this.signal.aborted;
  }

  /** Calls `onAbort` when the signal aborts; the returned function stops watching. */
  watch(onAbort: () => void): () => void {
    this.#watchers.add(onAbort);
    return () => void this.#watchers.delete(onAbort);
  }
}
