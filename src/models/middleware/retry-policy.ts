// Retries with exponential backoff and full jitter, honouring the provider's Retry-After.
import { ApiCallError, ModelTimeoutError } from '../model-errors.js';
import { isConnectionError } from '../to-api-call-error.js';
import { systemClock, type Clock } from './clock.js';

/** How calls are retried. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 5; 1 turns retries off). */
  maxAttempts?: number;
  /** The backoff ceiling of the first retry, in ms (default 500); it doubles with every further retry. */
  initialDelayMs?: number;
  /** No wait is longer than this, whatever the backoff or the provider's `Retry-After` says (default 30 000 ms). */
  maxDelayMs?: number;
  /** A random number in [0, 1) for the jitter (default `Math.random`; inject a seeded one in tests). */
  random?: () => number;
}

/** The retry options with their defaults filled in. */
export interface ResolvedRetryOptions {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

// Jitter spreads retries apart; it does not need to replay, so the platform's generator is the right default.
// eslint-disable-next-line no-restricted-properties
const platformRandom = (): number => Math.random();

/**
 * The retry options with defaults: 5 attempts, 500 ms initial backoff ceiling, 30 s maximum delay.
 *
 * @example
 * ```ts
 * resolveRetryOptions({ maxAttempts: 3 }).maxDelayMs; // 30000
 * ```
 */
export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  return {
    maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? 5)),
    initialDelayMs: Math.max(0, options.initialDelayMs ?? 500),
    maxDelayMs: Math.max(0, options.maxDelayMs ?? 30_000),
    random: options.random ?? platformRandom,
  };
}

/**
 * Whether another attempt may succeed: an error that says so (`isRetryable`, as {@link ApiCallError} and
 * {@link ModelTimeoutError} do), or a dropped connection. Aborts never are.
 *
 * @example
 * ```ts
 * isRetryableError(new ApiCallError('overloaded', { provider: 'openai', status: 503, isRetryable: true })); // true
 * ```
 */
export function isRetryableError(error: unknown): boolean {
  if (error instanceof ApiCallError || error instanceof ModelTimeoutError) return error.isRetryable;
  if (error instanceof Error && error.name === 'AbortError') return false;
  const flag = error instanceof Error ? (error as { isRetryable?: unknown }).isRetryable : undefined;
  if (typeof flag === 'boolean') return flag;
  return isConnectionError(error);
}

/**
 * How long to wait before attempt `attempt + 1` after attempt `attempt` (1-based) failed with `error`: the provider's
 * `Retry-After` if it sent one, else full jitter (a uniform draw below `initialDelayMs · 2^(attempt-1)`); capped by
 * `maxDelayMs` either way.
 *
 * @example
 * ```ts
 * retryDelayMs(3, new Error('x'), resolveRetryOptions({ random: () => 0.5 })); // 0.5 * 2000 = 1000
 * ```
 */
export function retryDelayMs(attempt: number, error: unknown, options: ResolvedRetryOptions): number {
  const retryAfter = error instanceof ApiCallError ? error.retryAfterSeconds : undefined;
  if (retryAfter !== undefined) return Math.min(options.maxDelayMs, retryAfter * 1000);
  const ceiling = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** (attempt - 1));
  return options.random() * ceiling;
}

/** What {@link runWithRetries} returns: the value and how many attempts it took. */
export interface RetriedValue<T> {
  value: T;
  attempts: number;
}

/**
 * Runs `attempt` until it succeeds, fails with an error that is not retryable, or `maxAttempts` attempts have
 * failed; waits between attempts (see {@link retryDelayMs}). The last error is rethrown with an `attempts` property.
 * An abort of `signal` stops at once, during an attempt or a wait.
 *
 * @example
 * ```ts
 * const { value, attempts } = await runWithRetries((n) => model.doGenerate(options), resolveRetryOptions());
 * ```
 */
export async function runWithRetries<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: ResolvedRetryOptions,
  signal?: AbortSignal,
  clock: Clock = systemClock,
): Promise<RetriedValue<T>> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return { value: await attempt(attemptNumber), attempts: attemptNumber };
    } catch (error) {
      const retry =
        attemptNumber < options.maxAttempts && signal?.aborted !== true && isRetryableError(error);
      if (!retry) throw withAttempts(error, attemptNumber);
      await clock.sleep(retryDelayMs(attemptNumber, error, options), signal);
    }
  }
}

/**
 * The number of attempts recorded on an error thrown by {@link runWithRetries} (1 when none was recorded).
 *
 * @example
 * ```ts
 * catch (error) { console.log(`failed after ${attemptsOf(error)} attempts`); }
 * ```
 */
export function attemptsOf(error: unknown): number {
  const attempts = (error as { attempts?: unknown } | null)?.attempts;
  return typeof attempts === 'number' ? attempts : 1;
}

function withAttempts(error: unknown, attempts: number): unknown {
  if (error instanceof Error && Object.isExtensible(error)) {
    Object.defineProperty(error, 'attempts', { value: attempts, configurable: true, enumerable: false });
  }
  return error;
}
