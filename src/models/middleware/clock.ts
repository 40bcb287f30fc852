// Time for the middleware, injectable so that tests of retries and limits run without waiting.

/** A monotonic clock in milliseconds and a sleep that an AbortSignal can cut short. */
export interface Clock {
  now(): number;
  /** Resolves after `milliseconds`, or rejects with the signal's reason when it aborts first. */
  sleep(milliseconds: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Resolves after `milliseconds`; rejects with `signal.reason` as soon as the signal aborts (at once if it already has).
 *
 * @example
 * ```ts
 * await abortableSleep(100, controller.signal);
 * ```
 */
export function abortableSleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted === true) return Promise.reject(abortReason(signal));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, milliseconds),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * What an aborted signal rejects with: its reason, or a standard `AbortError` when it has none.
 *
 * @example
 * ```ts
 * if (signal.aborted) throw abortReason(signal);
 * ```
 */
export function abortReason(signal: AbortSignal): Error {
  // Normally an Error (a DOMException by default); passed on unchanged whatever it is, as fetch does.
  return (signal.reason ?? new DOMException('The operation was aborted.', 'AbortError')) as Error;
}

/**
 * The real clock: `performance.now()` and timers.
 *
 * @example
 * ```ts
 * const client = createModelClient(model, { clock: systemClock });
 * ```
 */
export const systemClock: Clock = Object.freeze({
  now: () => performance.now(),
  sleep: abortableSleep,
});
