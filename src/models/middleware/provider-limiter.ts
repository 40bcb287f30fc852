// The limits of one provider endpoint: concurrency (a fair FIFO queue), requests and tokens per minute, adaptivity.
import { AdaptiveConcurrency } from './adaptive-concurrency.js';
import { abortReason, systemClock, type Clock } from './clock.js';
import { TokenBucket } from './token-bucket.js';

/** The limits of one provider (endpoint). Every limit is off unless set. */
export interface LimitOptions {
  /** At most this many calls at once (default: unlimited). */
  maxConcurrency?: number;
  /** At most this many requests per minute (default: unlimited). */
  requestsPerMinute?: number;
  /** At most this many tokens (input + output) per minute (default: unlimited). */
  tokensPerMinute?: number;
  /** Halve the concurrency when the provider answers 429, and restore it gradually (default true). */
  adaptive?: boolean;
  /** How long the concurrency stays halved after a 429, in ms (default 10 000). */
  backoffHoldMs?: number;
  /** Then it grows by a tenth of its earlier value every this many ms (default 2 000). */
  recoveryStepMs?: number;
}

/** How a call that held a permit ended. */
export interface PermitOutcome {
  /** Tokens the call really used (corrects the estimate taken from the tokens-per-minute budget). */
  tokens?: number;
  /** The provider answered 429. */
  rateLimited?: boolean;
}

/** The right to make one call; release it exactly once when the call ends (later releases are ignored). */
export interface LimitPermit {
  release(outcome?: PermitOutcome): void;
}

interface Waiter {
  tokens: number;
  resolve: (permit: LimitPermit) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * Admits calls to one provider in arrival order (FIFO, so that no caller starves) while the concurrency, the
 * requests-per-minute and the tokens-per-minute limits allow; waiting calls can be aborted. A 429 reported on release
 * halves the allowed concurrency for a while (see {@link AdaptiveConcurrency}).
 *
 * @example
 * ```ts
 * const limiter = new ProviderLimiter({ maxConcurrency: 8, requestsPerMinute: 500 });
 * const permit = await limiter.acquire(1200, signal);
 * try { result = await call(); } finally { permit.release({ tokens: 1100 }); }
 * ```
 */
export class ProviderLimiter {
  private readonly clock: Clock;
  private readonly concurrency: AdaptiveConcurrency;
  private adaptive = true;
  private requests: TokenBucket | undefined;
  private tokens: TokenBucket | undefined;
  private readonly queue: Waiter[] = [];
  private running = 0;
  private timerPending = false;

  constructor(options: LimitOptions = {}, clock: Clock = systemClock) {
    this.clock = clock;
    this.concurrency = new AdaptiveConcurrency(Infinity);
    this.configure(options);
  }

  /** Replaces the limits (buckets restart full when their rate changes). */
  configure(options: LimitOptions): void {
    const now = this.clock.now();
    this.concurrency.configure(positiveOr(options.maxConcurrency, Infinity, true), {
      ...(options.backoffHoldMs === undefined ? {} : { backoffHoldMs: options.backoffHoldMs }),
      ...(options.recoveryStepMs === undefined ? {} : { recoveryStepMs: options.recoveryStepMs }),
    });
    this.adaptive = options.adaptive ?? true;
    this.requests = bucketFor(this.requests, positiveOr(options.requestsPerMinute, Infinity, false), now);
    this.tokens = bucketFor(this.tokens, positiveOr(options.tokensPerMinute, Infinity, false), now);
    this.pump();
  }

  /** Calls running now. */
  get inFlight(): number {
    return this.running;
  }

  /** Calls waiting for a permit. */
  get waiting(): number {
    return this.queue.length;
  }

  /** The concurrency allowed now (lower than the maximum for a while after a 429). */
  concurrencyLimit(): number {
    return this.concurrency.limit(this.clock.now());
  }

  /** Waits for the right to make a call estimated to use `tokens` tokens. Rejects with the reason when aborted. */
  acquire(tokens = 0, signal?: AbortSignal): Promise<LimitPermit> {
    if (signal?.aborted === true) return Promise.reject(abortReason(signal));
    if (this.queue.length === 0 && this.canStart(tokens) === 0) return Promise.resolve(this.start(tokens));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { tokens, resolve, reject, signal, onAbort: undefined };
      if (signal !== undefined) {
        waiter.onAbort = () => {
          const index = this.queue.indexOf(waiter);
          if (index < 0) return;
          this.queue.splice(index, 1);
          reject(abortReason(signal));
          this.pump();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** 0 when a call of `tokens` tokens may start now; else how long to wait (ms), or -1 to wait for a release. */
  private canStart(tokens: number): number {
    const now = this.clock.now();
    if (this.running >= this.concurrency.limit(now)) return -1;
    return Math.max(this.requests?.waitMs(1, now) ?? 0, this.tokens?.waitMs(tokens, now) ?? 0);
  }

  private start(tokens: number): LimitPermit {
    const now = this.clock.now();
    this.requests?.take(1, now);
    this.tokens?.take(tokens, now);
    this.running++;
    const epoch = this.concurrency.epoch;
    let released = false;
    return {
      release: (outcome: PermitOutcome = {}) => {
        if (released) return;
        released = true;
        const at = this.clock.now();
        if (outcome.rateLimited === true && this.adaptive) {
          this.concurrency.onRateLimited(at, epoch, this.running);
        }
        if (outcome.tokens !== undefined) this.tokens?.adjust(outcome.tokens - tokens, at);
        this.running--;
        this.pump();
      },
    };
  }

  /** Starts waiting calls, in order, while the limits allow; sets a timer when a bucket must refill first. */
  private pump(): void {
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      const wait = this.canStart(head.tokens);
      if (wait < 0) return;
      if (wait > 0) {
        this.wakeAfter(wait);
        return;
      }
      this.queue.shift();
      if (head.signal !== undefined && head.onAbort !== undefined) {
        head.signal.removeEventListener('abort', head.onAbort);
      }
      head.resolve(this.start(head.tokens));
    }
  }

  private wakeAfter(milliseconds: number): void {
    if (this.timerPending) return;
    this.timerPending = true;
    void this.clock.sleep(milliseconds).then(() => {
      this.timerPending = false;
      this.pump();
    });
  }
}

function positiveOr(value: number | undefined, fallback: number, integer: boolean): number {
  if (value === undefined || !(value > 0)) return fallback;
  return integer ? Math.max(1, Math.floor(value)) : value;
}

function bucketFor(
  current: TokenBucket | undefined,
  perMinute: number,
  now: number,
): TokenBucket | undefined {
  if (perMinute === Infinity) return undefined;
  return current?.perMinute === perMinute ? current : new TokenBucket(perMinute, now);
}
