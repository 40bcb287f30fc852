// A per-attempt timeout that also follows the caller's AbortSignal.
import { ModelTimeoutError } from '../model-errors.js';
import { abortReason, systemClock, type Clock } from './clock.js';

/** A signal for one attempt: aborted by the caller's signal or by the timeout; `dispose()` when the attempt ends. */
export interface AttemptSignal {
  signal: AbortSignal;
  /** Rejects when the attempt must stop: with the caller's reason, or a {@link ModelTimeoutError}. Never resolves. */
  stopped: Promise<never>;
  /** Restarts the timeout (streams: the time allowed until the next part). */
  restart(): void;
  /** Stops the timer until the next {@link restart} (streams: while the consumer handles a part). */
  pause(): void;
  /** Cancels the timer and detaches from the caller's signal. */
  dispose(): void;
}

/**
 * A signal for one attempt of a call to `modelId`, aborted when `signal` aborts (with its reason) or when
 * `timeoutMs` passes (with a {@link ModelTimeoutError}); no timeout when `timeoutMs` is undefined or not positive.
 *
 * @example
 * ```ts
 * const attempt = attemptSignal('openai:gpt-4.1', 30_000, options.abortSignal);
 * try { return await Promise.race([model.doGenerate({ ...options, abortSignal: attempt.signal }), attempt.stopped]); }
 * finally { attempt.dispose(); }
 * ```
 */
export function attemptSignal(
  modelId: string,
  timeoutMs: number | undefined,
  signal: AbortSignal | undefined,
  clock: Clock = systemClock,
): AttemptSignal {
  const controller = new AbortController();
  let stop: (reason: unknown) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  // The attempt may end without anyone awaiting `stopped`.
  stopped.catch(() => undefined);
  const abort = (reason: unknown): void => {
    if (controller.signal.aborted) return;
    controller.abort(reason);
    stop(reason);
  };
  const onCallerAbort = (): void => abort(abortReason(signal!));
  if (signal?.aborted === true) onCallerAbort();
  else signal?.addEventListener('abort', onCallerAbort, { once: true });

  let timer: AbortController | undefined;
  const pause = (): void => {
    timer?.abort();
    timer = undefined;
  };
  const restart = (): void => {
    pause();
    if (timeoutMs === undefined || !(timeoutMs > 0) || controller.signal.aborted) return;
    const current = new AbortController();
    timer = current;
    clock.sleep(timeoutMs, current.signal).then(
      () => abort(new ModelTimeoutError(modelId, timeoutMs)),
      () => undefined,
    );
  };
  restart();
  return {
    signal: controller.signal,
    stopped,
    restart,
    pause,
    dispose: () => {
      pause();
      signal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/**
 * Runs `run` with a signal that aborts when `signal` does or `timeoutMs` passes, and settles as soon as either
 * happens, even if `run` ignores its signal.
 *
 * @example
 * ```ts
 * const result = await runWithTimeout((s) => model.doGenerate({ ...options, abortSignal: s }), 'sim:x', 1000);
 * ```
 */
export async function runWithTimeout<T>(
  run: (signal: AbortSignal) => Promise<T>,
  modelId: string,
  timeoutMs: number | undefined,
  signal?: AbortSignal,
  clock: Clock = systemClock,
): Promise<T> {
  if ((timeoutMs === undefined || !(timeoutMs > 0)) && signal === undefined) {
    return run(new AbortController().signal);
  }
  const attempt = attemptSignal(modelId, timeoutMs, signal, clock);
  try {
    const running = run(attempt.signal);
    running.catch(() => undefined);
    return await Promise.race([running, attempt.stopped]);
  } catch (error) {
    // Whatever the model threw once its signal aborted (an SDK's "request aborted"), the reason is the abort's.
    if (attempt.signal.aborted) throw attempt.signal.reason;
    throw error;
  } finally {
    attempt.dispose();
  }
}
