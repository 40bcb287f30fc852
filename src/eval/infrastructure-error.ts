// Which failures are the infrastructure's (worth another attempt) and which are the episode's own result.
import { LoopGymError } from '../core/errors.js';
import { ApiCallError, ModelTimeoutError } from '../models/model-errors.js';

/**
 * An episode ran longer than the evaluation's `timeout`. It counts as an infrastructure error: the episode is tried
 * again while retries remain.
 *
 * @example
 * ```ts
 * throw new EpisodeTimeoutError(30_000);
 * ```
 */
export class EpisodeTimeoutError extends LoopGymError {
  readonly timeoutMs: number;
  readonly isRetryable = true;

  constructor(timeoutMs: number) {
    super(
      `The episode took longer than the timeout of ${timeoutMs / 1000} s and was stopped. Raise the timeout ` +
        '(--timeout, in seconds) if episodes are slow, or look at what blocks the environment or the model.',
      { code: 'episode-timeout' },
    );
    this.timeoutMs = timeoutMs;
  }
}

/**
 * Whether a failure is the infrastructure's: a model call that failed for a reason another attempt may not meet
 * (a retryable {@link ApiCallError}: 408, 409, 429, 5xx, dropped connection, which the model facade already retried
 * and gave up on; a {@link ModelTimeoutError}) or an {@link EpisodeTimeoutError}. Anything else, such as an exception
 * of the environment's logic, a non-retryable API error (400, 401) or an invalid answer, is the episode's result and
 * is not retried.
 *
 * @example
 * ```ts
 * isInfrastructureError(new ApiCallError('overloaded', { provider: 'openai', status: 529, isRetryable: true })); // true
 * isInfrastructureError(new TypeError('boom')); // false
 * ```
 */
export function isInfrastructureError(error: unknown): boolean {
  if (error instanceof EpisodeTimeoutError || error instanceof ModelTimeoutError) return true;
  if (error instanceof ApiCallError) return error.isRetryable;
  return false;
}
