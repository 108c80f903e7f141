// Errors that escape a running program (a throw in a timer callback, a rejected promise nobody
// awaits) would otherwise crash the whole process. While a program runs, they fail the run instead.
// Node reports them only process-wide, so two programs running at once both see each one.

export interface EscapedErrorWatch {
  /** Rejects with the first escaped error. */
  failed: Promise<never>;
  stop(): void;
}

export function watchEscapedErrors(): EscapedErrorWatch {
  let reject: (e: unknown) => void = () => {};
  const failed = new Promise<never>((_, r) => {
    reject = r;
  });
  failed.catch(() => {}); // observed by the caller through Promise.race
  const onError = (e: unknown): void => reject(e);
  process.on("uncaughtException", onError);
  process.on("unhandledRejection", onError);
  return {
    failed,
    stop: () => {
      process.off("uncaughtException", onError);
      process.off("unhandledRejection", onError);
    },
  };
}
