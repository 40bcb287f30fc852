// A virtual clock for tests of retries, timeouts and limits.
import { abortReason, type Clock } from '../clock.js';

/**
 * A clock for tests: `now()` only moves when a sleep is served. Sleeps resolve in order of their wake-up time as soon
 * as nothing else is runnable, so code that backs off or waits for a bucket runs at once but sees the time pass.
 *
 * @example
 * ```ts
 * const clock = new ManualClock();
 * await clock.sleep(1000); // resolves on the next macrotask; clock.now() === 1000
 * ```
 */
export class ManualClock implements Clock {
  private time = 0;
  private readonly sleepers: { wakeAt: number; order: number; resolve: () => void }[] = [];
  private order = 0;
  private scheduled = false;
  /** Every sleep asked for, in milliseconds, in order. */
  readonly sleeps: number[] = [];

  now(): number {
    return this.time;
  }

  sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(milliseconds);
    if (signal?.aborted === true) return Promise.reject(abortReason(signal));
    return new Promise((resolve, reject) => {
      const sleeper = { wakeAt: this.time + Math.max(0, milliseconds), order: this.order++, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener(
        'abort',
        () => {
          const index = this.sleepers.indexOf(sleeper);
          if (index >= 0) this.sleepers.splice(index, 1);
          reject(abortReason(signal));
        },
        { once: true },
      );
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after pending promise reactions and I/O: the sleeper wakes once the program is idle.
    setImmediate(() => {
      this.scheduled = false;
      this.sleepers.sort((a, b) => a.wakeAt - b.wakeAt || a.order - b.order);
      const next = this.sleepers.shift();
      if (next === undefined) return;
      this.time = Math.max(this.time, next.wakeAt);
      next.resolve();
      if (this.sleepers.length > 0) this.schedule();
    });
  }
}
