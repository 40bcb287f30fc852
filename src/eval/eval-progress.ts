// Progress of an evaluation as it runs: episodes done, mean reward so far, tokens, cost, ETA.
import type { EpisodeOutcome } from './episode-outcome.js';

/**
 * What `onProgress` receives after each finished episode (and once at the start).
 *
 * @example
 * ```ts
 * const onProgress = (p: EvalProgress) => console.error(`${p.done}/${p.total} mean ${p.meanReturn} eta ${p.etaSeconds}s`);
 * ```
 */
export interface EvalProgress {
  /** Episodes recorded, those of an earlier session of a resumed run included. */
  done: number;
  total: number;
  /** Episodes recorded by an earlier session (skipped by this one). */
  resumed: number;
  /** Episodes being played right now. */
  inFlight: number;
  /** Mean return of the recorded episodes (`null` before the first). */
  meanReturn: number | null;
  successRate: number | null;
  errors: number;
  tokens: number;
  costUsd: number;
  /** Seconds since this session started. */
  elapsedSeconds: number;
  /** Estimated seconds left, from this session's pace (`null` before its first episode). */
  etaSeconds: number | null;
}

/**
 * Running totals for {@link EvalProgress}, updated per episode in constant time.
 *
 * @example
 * ```ts
 * const tracker = new ProgressTracker(100, 0);
 * tracker.add(outcome);
 * onProgress(tracker.snapshot(1));
 * ```
 */
export class ProgressTracker {
  private readonly started = performance.now();
  private done = 0;
  private sessionDone = 0;
  private returnSum = 0;
  private successes = 0;
  private errors = 0;
  private tokens = 0;
  private cost = 0;

  constructor(
    private readonly total: number,
    private readonly resumed: number,
  ) {}

  /** Counts an episode; `fromEarlierSession` for those read back when resuming. */
  add(outcome: EpisodeOutcome, fromEarlierSession = false): void {
    this.done += 1;
    if (!fromEarlierSession) this.sessionDone += 1;
    this.returnSum += outcome.return;
    if (outcome.success) this.successes += 1;
    if (outcome.errorCause !== undefined) this.errors += 1;
    this.tokens += outcome.inputTokens + outcome.outputTokens;
    this.cost += outcome.costUsd;
  }

  snapshot(inFlight: number): EvalProgress {
    const elapsedSeconds = (performance.now() - this.started) / 1000;
    const remaining = this.total - this.done;
    return {
      done: this.done,
      total: this.total,
      resumed: this.resumed,
      inFlight,
      meanReturn: this.done === 0 ? null : this.returnSum / this.done,
      successRate: this.done === 0 ? null : this.successes / this.done,
      errors: this.errors,
      tokens: this.tokens,
      costUsd: this.cost,
      elapsedSeconds,
      etaSeconds: this.sessionDone === 0 ? null : (elapsedSeconds / this.sessionDone) * remaining,
    };
  }
}
