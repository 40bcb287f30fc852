// The summary of an evaluation: returns with bootstrap intervals, success, pass@k, steps, tokens, cost, latency, errors.
import { bootstrapIntervals, type ConfidenceInterval } from './bootstrap-interval.js';
import { mean, median, quantile, standardDeviation } from './descriptive-statistics.js';
import type { EpisodeOutcome } from './episode-outcome.js';
import { meanPassAtK, passAtKValues, type ExampleTally } from './pass-at-k.js';

/**
 * What an evaluation measured. Statistics over no episodes are `null`. Every recorded episode counts, those that
 * ended in an error too (with the rewards they collected before it, and as failures).
 *
 * @example
 * ```ts
 * const { summary } = await evaluate({ env: 'FrozenLake-v1', agent, episodes: 100 });
 * console.log(summary.return.mean, summary.return.meanInterval, summary.successRate, summary.passAtK);
 * ```
 */
export interface EvalSummary {
  /** Episodes recorded (all of them unless the run was interrupted). */
  episodes: number;
  /** Episodes the run was planned with: examples × rollouts per example. */
  plannedEpisodes: number;
  examples: number;
  rolloutsPerExample: number;
  return: {
    mean: number | null;
    /** 95% percentile bootstrap interval of the mean (seeded, so the same episodes give the same interval). */
    meanInterval: ConfidenceInterval | null;
    median: number | null;
    medianInterval: ConfidenceInterval | null;
    std: number | null;
    min: number | null;
    max: number | null;
  };
  /** Share of episodes that succeeded (see `isSuccessfulEpisode`). */
  successRate: number | null;
  successes: number;
  /**
   * pass@k for k = 1, 2, 4, … and the rollouts per example: the unbiased estimator 1 - C(n-c, k)/C(n, k) per example
   * (n rollouts, c successes), averaged over the examples with at least k rollouts.
   */
  passAtK: Record<string, number | null>;
  steps: { total: number; mean: number | null };
  tokens: { input: number; output: number; total: number; meanPerEpisode: number | null };
  costUsd: { total: number; meanPerEpisode: number | null };
  latency: {
    /** Wall-clock milliseconds per episode. */
    meanEpisodeMs: number | null;
    medianEpisodeMs: number | null;
    p95EpisodeMs: number | null;
    modelCalls: number;
    /** The models' reported latency per call. */
    meanModelCallSeconds: number | null;
  };
  errors: {
    total: number;
    /** Counts by `category: ErrorName` (`environment: TypeError`, `model: ApiCallError`, `timeout`). */
    byCause: Record<string, number>;
  };
  /** Episodes that ended on an invalid answer (a result, not an error). */
  invalidActions: number;
  /** Extra attempts spent on infrastructure errors. */
  retries: number;
  /**
   * The Loop Efficiency Score of the episodes that report one (loop and replay environments), with a 95% bootstrap
   * interval of its mean; `null` when none does.
   */
  les: {
    episodes: number;
    mean: number | null;
    meanInterval: ConfidenceInterval | null;
    median: number | null;
  } | null;
  /** Episodes by termination reason (`terminated`, `truncated`, `max-episode-steps`, a loop's `success`, …). */
  terminations: Record<string, number>;
}

/** Options of {@link summarizeEvaluation}. */
export interface SummarizeOptions {
  plannedEpisodes: number;
  examples: number;
  rolloutsPerExample: number;
  /** Seed of the bootstrap (default 0). */
  bootstrapSeed?: number | undefined;
  /** Bootstrap resamples (default 1000). */
  bootstrapResamples?: number | undefined;
}

/**
 * Summarizes episode outcomes (in any order: they are sorted by index first, so the intervals do not depend on
 * which episode finished first).
 *
 * @example
 * ```ts
 * const summary = summarizeEvaluation(outcomes, { plannedEpisodes: 10, examples: 10, rolloutsPerExample: 1 });
 * ```
 */
export function summarizeEvaluation(
  outcomes: readonly EpisodeOutcome[],
  options: SummarizeOptions,
): EvalSummary {
  const ordered = [...outcomes].sort((a, b) => a.index - b.index);
  const count = ordered.length;
  const returns = Float64Array.from(ordered, (outcome) => outcome.return);
  const durations = Float64Array.from(ordered, (outcome) => outcome.durationMs);
  const intervals = bootstrapIntervals(returns, {
    seed: options.bootstrapSeed,
    resamples: options.bootstrapResamples,
  });
  const tallies = new Map<number, ExampleTally>();
  const byCause: Record<string, number> = {};
  const terminations: Record<string, number> = {};
  let successes = 0;
  let steps = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let cost = 0;
  let modelCalls = 0;
  let modelLatency = 0;
  let invalidActions = 0;
  let retries = 0;
  let errors = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const outcome of ordered) {
    const tally = tallies.get(outcome.example) ?? { n: 0, correct: 0 };
    tally.n += 1;
    if (outcome.success) {
      tally.correct += 1;
      successes += 1;
    }
    tallies.set(outcome.example, tally);
    steps += outcome.steps;
    inputTokens += outcome.inputTokens;
    outputTokens += outcome.outputTokens;
    cost += outcome.costUsd;
    modelCalls += outcome.modelCalls;
    modelLatency += outcome.modelLatencySeconds;
    retries += outcome.attempts - 1;
    if (outcome.status === 'invalid-action') invalidActions += 1;
    if (outcome.errorCause !== undefined) {
      errors += 1;
      byCause[outcome.errorCause] = (byCause[outcome.errorCause] ?? 0) + 1;
    }
    terminations[outcome.terminationReason] = (terminations[outcome.terminationReason] ?? 0) + 1;
    min = Math.min(min, outcome.return);
    max = Math.max(max, outcome.return);
  }
  const lesValues = Float64Array.from(
    ordered.flatMap((outcome) => (outcome.les === undefined ? [] : [outcome.les])),
  );
  const lesIntervals =
    lesValues.length === 0
      ? undefined
      : bootstrapIntervals(lesValues, { seed: options.bootstrapSeed, resamples: options.bootstrapResamples });
  const passAtK: Record<string, number | null> = {};
  for (const k of passAtKValues(options.rolloutsPerExample))
    passAtK[String(k)] = meanPassAtK(tallies.values(), k);
  const perEpisode = (total: number): number | null => (count === 0 ? null : total / count);
  return {
    episodes: count,
    plannedEpisodes: options.plannedEpisodes,
    examples: options.examples,
    rolloutsPerExample: options.rolloutsPerExample,
    return: {
      mean: mean(returns),
      meanInterval: intervals.mean,
      median: median(returns),
      medianInterval: intervals.median,
      std: standardDeviation(returns),
      min: count === 0 ? null : min,
      max: count === 0 ? null : max,
    },
    successRate: perEpisode(successes),
    successes,
    passAtK,
    steps: { total: steps, mean: perEpisode(steps) },
    tokens: {
      input: inputTokens,
      output: outputTokens,
      total: inputTokens + outputTokens,
      meanPerEpisode: perEpisode(inputTokens + outputTokens),
    },
    costUsd: { total: cost, meanPerEpisode: perEpisode(cost) },
    latency: {
      meanEpisodeMs: mean(durations),
      medianEpisodeMs: median(durations),
      p95EpisodeMs: quantile(durations, 0.95),
      modelCalls,
      meanModelCallSeconds: modelCalls === 0 ? null : modelLatency / modelCalls,
    },
    errors: { total: errors, byCause },
    invalidActions,
    retries,
    les:
      lesIntervals === undefined
        ? null
        : {
            episodes: lesValues.length,
            mean: mean(lesValues),
            meanInterval: lesIntervals.mean,
            median: median(lesValues),
          },
    terminations,
  };
}
