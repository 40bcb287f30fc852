import { describe, expect, it } from 'vitest';
import { ManualClock } from './__fixtures__/manual-clock.js';
import { AdaptiveConcurrency } from './adaptive-concurrency.js';
import { ProviderLimiter } from './provider-limiter.js';
import { ProviderLimits, limitsKeyOf } from './provider-limits.js';
import { TokenBucket } from './token-bucket.js';

/** Runs `count` calls of `durationMs` (virtual) each through the limiter; returns their start times and the peak. */
async function runCalls(
  limiter: ProviderLimiter,
  clock: ManualClock,
  count: number,
  durationMs: number,
  tokens = 0,
): Promise<{ starts: number[]; order: number[]; peak: number }> {
  const starts: number[] = [];
  const order: number[] = [];
  let running = 0;
  let peak = 0;
  await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const permit = await limiter.acquire(tokens);
      order.push(index);
      starts.push(clock.now());
      running++;
      peak = Math.max(peak, running);
      await clock.sleep(durationMs);
      running--;
      permit.release({ tokens });
    }),
  );
  return { starts, order, peak };
}

describe('ProviderLimiter', () => {
  it('holds the concurrency under load, in arrival order', async () => {
    const clock = new ManualClock();
    const limiter = new ProviderLimiter({ maxConcurrency: 8 }, clock);
    const { order, peak, starts } = await runCalls(limiter, clock, 200, 50);
    expect(peak).toBe(8);
    expect(order).toEqual(Array.from({ length: 200 }, (_, index) => index));
    expect(Math.max(...starts)).toBe(24 * 50);
    expect(limiter.inFlight).toBe(0);
  });

  it('spaces requests to the requests-per-minute budget', async () => {
    const clock = new ManualClock();
    const limiter = new ProviderLimiter({ requestsPerMinute: 60 }, clock);
    const { starts } = await runCalls(limiter, clock, 70, 1);
    // A full bucket allows a minute's burst; then one per second.
    expect(starts.filter((start) => start === 0)).toHaveLength(60);
    const later = starts.slice(60);
    for (let index = 1; index < later.length; index++) {
      expect(later[index]! - later[index - 1]!).toBeGreaterThanOrEqual(999);
    }
    expect(later.at(-1)).toBeGreaterThanOrEqual(9_900);
  });

  it('spaces calls to the tokens-per-minute budget and corrects estimates with real usage', async () => {
    const clock = new ManualClock();
    const limiter = new ProviderLimiter({ tokensPerMinute: 6000 }, clock);
    const { starts } = await runCalls(limiter, clock, 10, 1, 1000);
    // 6 calls of 1000 tokens at once, then one per 10 s.
    expect(starts.filter((start) => start === 0)).toHaveLength(6);
    expect(starts.at(-1)).toBeGreaterThanOrEqual(40_000);

    const corrected = new ProviderLimiter({ tokensPerMinute: 6000 }, clock);
    const permit = await corrected.acquire(6000);
    permit.release({ tokens: 600 }); // used a tenth of the estimate: 5400 come back
    const start = clock.now();
    await corrected.acquire(5000);
    expect(clock.now() - start).toBeLessThan(1000);
  });

  it('halves the concurrency on a 429, once per wave, and restores it gradually', async () => {
    const clock = new ManualClock();
    const limiter = new ProviderLimiter(
      { maxConcurrency: 16, backoffHoldMs: 10_000, recoveryStepMs: 1_000 },
      clock,
    );
    const permits = await Promise.all(Array.from({ length: 16 }, () => limiter.acquire()));
    // All 16 are rejected with 429 at the same time: one halving, not four.
    for (const permit of permits) permit.release({ rateLimited: true });
    expect(limiter.concurrencyLimit()).toBe(8);

    const more = await Promise.all(Array.from({ length: 8 }, () => limiter.acquire()));
    let ninthStarted = false;
    const ninth = limiter.acquire().then((permit) => {
      ninthStarted = true;
      return permit;
    });
    await clock.sleep(5_000);
    expect(ninthStarted).toBe(false);
    // A 429 of a call that started after the halving halves again.
    more[0]!.release({ rateLimited: true });
    expect(limiter.concurrencyLimit()).toBe(4);
    for (const permit of more.slice(1)) permit.release();
    (await ninth).release();

    const limits: number[] = [];
    for (let second = 0; second < 20; second++) {
      limits.push(limiter.concurrencyLimit());
      await clock.sleep(1_000);
    }
    // Held at 4 for 10 s, then + 2 (a tenth of 16, rounded) per second, then back to 16.
    expect(limits.slice(0, 10).every((limit) => limit === 4)).toBe(true);
    expect(limits.slice(10, 17)).toEqual([6, 8, 10, 12, 14, 16, 16]);
    expect(limits.at(-1)).toBe(16);
  });

  it('does not adapt when told not to', async () => {
    const limiter = new ProviderLimiter({ maxConcurrency: 4, adaptive: false });
    (await limiter.acquire()).release({ rateLimited: true });
    expect(limiter.concurrencyLimit()).toBe(4);
  });

  it('lets a waiting call be aborted, and the next one go', async () => {
    const limiter = new ProviderLimiter({ maxConcurrency: 1 });
    const first = await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(0, controller.signal);
    const third = limiter.acquire();
    expect(limiter.waiting).toBe(2);
    controller.abort(new Error('no longer needed'));
    await expect(aborted).rejects.toThrow('no longer needed');
    expect(limiter.waiting).toBe(1);
    first.release();
    first.release(); // a second release is ignored
    const permit = await third;
    expect(limiter.inFlight).toBe(1);
    permit.release();
    expect(limiter.inFlight).toBe(0);
    await expect(limiter.acquire(0, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});

describe('ProviderLimits', () => {
  it('shares one limiter per endpoint', () => {
    const limits = new ProviderLimits();
    expect(limits.limiterFor(limitsKeyOf('openai'))).toBe(limits.limiterFor('openai'));
    expect(limitsKeyOf('openai', 'http://localhost:8000/v1/')).toBe('openai http://localhost:8000/v1');
    const local = limits.configure(limitsKeyOf('openai', 'http://localhost:8000/v1'), { maxConcurrency: 2 });
    expect(local).not.toBe(limits.limiterFor('openai'));
    expect(local.concurrencyLimit()).toBe(2);
    expect(limits.keys()).toHaveLength(2);
  });
});

describe('TokenBucket and AdaptiveConcurrency', () => {
  it('refills continuously and lets an oversized amount through when full', () => {
    const bucket = new TokenBucket(60, 0);
    expect(bucket.waitMs(100, 0)).toBe(0);
    bucket.take(100, 0);
    expect(bucket.available(0)).toBe(-40);
    expect(bucket.waitMs(1, 0)).toBe(41_000);
    expect(bucket.available(60_000)).toBe(20);
  });

  it('halves from what is in use when unlimited', () => {
    const concurrency = new AdaptiveConcurrency(Infinity, { backoffHoldMs: 0, recoveryStepMs: 100 });
    concurrency.onRateLimited(0, concurrency.epoch, 40);
    expect(concurrency.limit(0)).toBe(24); // 20, then + 4 (a tenth of 40) at once since the hold is 0
    expect(concurrency.limit(500)).toBe(Infinity);
  });
});
