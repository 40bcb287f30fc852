import { describe, expect, it } from 'vitest';
import { ApiCallError, ModelTimeoutError } from '../model-errors.js';
import { ManualClock } from './__fixtures__/manual-clock.js';
import {
  attemptsOf,
  isRetryableError,
  resolveRetryOptions,
  retryDelayMs,
  runWithRetries,
} from './retry-policy.js';

const overloaded = (retryAfterSeconds?: number): ApiCallError =>
  new ApiCallError('overloaded', { provider: 'fake', status: 503, isRetryable: true, retryAfterSeconds });

describe('retry policy', () => {
  it('backs off exponentially with full jitter, capped', () => {
    const options = resolveRetryOptions({ initialDelayMs: 100, maxDelayMs: 1000, random: () => 0.5 });
    const delays = [1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt, new Error('x'), options));
    expect(delays).toEqual([50, 100, 200, 400, 500, 500]);
    const low = resolveRetryOptions({ initialDelayMs: 100, random: () => 0 });
    expect(retryDelayMs(3, new Error('x'), low)).toBe(0);
  });

  it('honours Retry-After, capped by the maximum delay', () => {
    const options = resolveRetryOptions({ maxDelayMs: 5000, random: () => 0.5 });
    expect(retryDelayMs(1, overloaded(2), options)).toBe(2000);
    expect(retryDelayMs(1, overloaded(60), options)).toBe(5000);
    expect(retryDelayMs(1, overloaded(0), options)).toBe(0);
  });

  it('knows what is worth retrying', () => {
    expect(isRetryableError(overloaded())).toBe(true);
    expect(
      isRetryableError(new ApiCallError('bad', { provider: 'fake', status: 400, isRetryable: false })),
    ).toBe(false);
    expect(isRetryableError(new ModelTimeoutError('fake:model', 10))).toBe(true);
    expect(isRetryableError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isRetryableError(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isRetryableError(new TypeError('x is not a function'))).toBe(false);
  });

  it('retries to success on the schedule, and reports the attempts', async () => {
    const clock = new ManualClock();
    const options = resolveRetryOptions({ initialDelayMs: 100, random: () => 1 });
    let calls = 0;
    const { value, attempts } = await runWithRetries(
      () => (++calls < 4 ? Promise.reject(overloaded()) : Promise.resolve('ok')),
      options,
      undefined,
      clock,
    );
    expect(value).toBe('ok');
    expect(attempts).toBe(4);
    expect(clock.sleeps).toEqual([100, 200, 400]);
    expect(clock.now()).toBe(700);
  });

  it('gives up after maxAttempts with the last error, and passes final errors through at once', async () => {
    const clock = new ManualClock();
    const options = resolveRetryOptions({ maxAttempts: 3, random: () => 0 });
    const last = overloaded();
    let calls = 0;
    const failing = runWithRetries(
      () => Promise.reject(++calls === 3 ? last : overloaded()),
      options,
      undefined,
      clock,
    );
    await expect(failing).rejects.toBe(last);
    expect(attemptsOf(last)).toBe(3);

    const final = new ApiCallError('no', { provider: 'fake', status: 401, isRetryable: false });
    let finalCalls = 0;
    await expect(
      runWithRetries(() => (finalCalls++, Promise.reject(final)), options, undefined, clock),
    ).rejects.toBe(final);
    expect(finalCalls).toBe(1);
  });

  it('stops waiting when aborted during a backoff', async () => {
    const controller = new AbortController();
    const options = resolveRetryOptions({ initialDelayMs: 60_000, random: () => 1 });
    let calls = 0;
    const running = runWithRetries(
      () => {
        calls++;
        setTimeout(() => controller.abort(new Error('stop')), 5);
        return Promise.reject(overloaded());
      },
      options,
      controller.signal,
    );
    await expect(running).rejects.toThrow('stop');
    expect(calls).toBe(1);
  });
});
