// A token bucket: a budget per minute that refills continuously.

/**
 * A budget of `perMinute` units that refills continuously (a full bucket holds one minute's worth, so a burst of a
 * minute's budget is allowed after a quiet minute). The level may go below zero when a taken amount is corrected
 * upwards; the bucket then waits until it has refilled.
 *
 * @example
 * ```ts
 * const bucket = new TokenBucket(60, 0); // 60 per minute: one per second
 * bucket.take(60, 0);
 * bucket.waitMs(1, 0); // 1000
 * ```
 */
export class TokenBucket {
  readonly perMinute: number;
  private level: number;
  private updatedAt: number;

  constructor(perMinute: number, now: number) {
    this.perMinute = perMinute;
    this.level = perMinute;
    this.updatedAt = now;
  }

  /** Units available at `now` (may be negative). */
  available(now: number): number {
    this.refill(now);
    return this.level;
  }

  /**
   * How long until `amount` units can be taken (0 if they can be now). An amount larger than the bucket can be taken
   * once the bucket is full.
   */
  waitMs(amount: number, now: number): number {
    this.refill(now);
    const needed = Math.min(amount, this.perMinute);
    if (this.level >= needed) return 0;
    return Math.ceil(((needed - this.level) * 60_000) / this.perMinute);
  }

  /** Takes `amount` units (call after {@link waitMs} returned 0). */
  take(amount: number, now: number): void {
    this.refill(now);
    this.level -= amount;
  }

  /** Corrects an earlier take by `difference` units (positive: more were used than taken; negative: fewer). */
  adjust(difference: number, now: number): void {
    this.refill(now);
    this.level = Math.min(this.perMinute, this.level - difference);
  }

  private refill(now: number): void {
    if (now > this.updatedAt) {
      this.level = Math.min(this.perMinute, this.level + ((now - this.updatedAt) * this.perMinute) / 60_000);
      this.updatedAt = now;
    }
  }
}
