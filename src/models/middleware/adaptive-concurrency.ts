// A concurrency limit that halves when the provider pushes back (429) and grows back gradually.

/** How the concurrency limit reacts to rate limiting. */
export interface AdaptiveConcurrencyOptions {
  /** How long the limit stays halved after a 429, in ms (default 10 000). */
  backoffHoldMs?: number;
  /** After the hold, the limit grows by a tenth of its earlier value (at least 1) every this many ms (default 2 000). */
  recoveryStepMs?: number;
}

/**
 * The allowed concurrency of one provider: `maximum` (may be `Infinity`) until the provider answers 429, then half of
 * what was in use, held for `backoffHoldMs`, then growing back by a tenth of the earlier limit every
 * `recoveryStepMs` until it is back where it was. One wave of 429s halves the limit once: a rejection of a request
 * that started before the latest reduction (an epoch number) does not reduce it again.
 *
 * @example
 * ```ts
 * const concurrency = new AdaptiveConcurrency(16);
 * concurrency.onRateLimited(0, concurrency.epoch, 16);
 * concurrency.limit(0); // 8
 * ```
 */
export class AdaptiveConcurrency {
  maximum: number;
  private backoffHoldMs: number;
  private recoveryStepMs: number;
  private reducedTo: number | undefined;
  private reducedAt = 0;
  private ceiling = 0;
  /** How many reductions happened so far; a request remembers the epoch it started in. */
  epoch = 0;

  constructor(maximum: number, options: AdaptiveConcurrencyOptions = {}) {
    this.maximum = maximum;
    this.backoffHoldMs = options.backoffHoldMs ?? 10_000;
    this.recoveryStepMs = options.recoveryStepMs ?? 2_000;
  }

  /** Changes the maximum and the timing (a reduction in progress keeps going). */
  configure(maximum: number, options: AdaptiveConcurrencyOptions = {}): void {
    this.maximum = maximum;
    this.backoffHoldMs = options.backoffHoldMs ?? this.backoffHoldMs;
    this.recoveryStepMs = options.recoveryStepMs ?? this.recoveryStepMs;
  }

  /** The allowed concurrency at `now`. */
  limit(now: number): number {
    if (this.reducedTo === undefined) return this.maximum;
    const sinceHold = now - this.reducedAt - this.backoffHoldMs;
    if (sinceHold < 0) return Math.min(this.maximum, this.reducedTo);
    const step = Math.max(1, Math.round(this.ceiling / 10));
    const grown = this.reducedTo + step * (1 + Math.floor(sinceHold / Math.max(1, this.recoveryStepMs)));
    if (grown >= this.ceiling) {
      this.reducedTo = undefined;
      return this.maximum;
    }
    return Math.min(this.maximum, grown);
  }

  /** Whether the limit is below its maximum because of rate limiting. */
  isReduced(now: number): boolean {
    return this.limit(now) < this.maximum;
  }

  /**
   * A request that started in `startedEpoch` was rate limited while `inFlight` requests were running: halve the
   * limit (unless a reduction already followed the request's start).
   */
  onRateLimited(now: number, startedEpoch: number, inFlight: number): void {
    if (startedEpoch < this.epoch) return;
    const current = Math.min(this.limit(now), Math.max(1, inFlight));
    if (this.reducedTo === undefined) this.ceiling = Math.min(this.maximum, Math.max(1, inFlight));
    this.reducedTo = Math.max(1, Math.floor(current / 2));
    this.reducedAt = now;
    this.epoch++;
  }
}
