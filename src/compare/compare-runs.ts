// `loopgym compare`: the runs' metrics side by side, and a significance test of each run against the first.
import { InvalidArgumentError } from '../core/errors.js';
import { bootstrapIntervals, type ConfidenceInterval } from '../eval/bootstrap-interval.js';
import { mean } from '../eval/descriptive-statistics.js';
import type { StoredEpisode } from '../store/run-records.js';
import type { RunStore } from '../store/run-store.js';
import {
  pairedPermutationTest,
  unpairedPermutationTest,
  type PermutationTestOptions,
  type PermutationTestResult,
} from './permutation-test.js';

/** One run's figures. Means over no data are `null`. */
export interface RunMetrics {
  id: string;
  kind: string;
  envId: string;
  agent: string | null;
  model: string | null;
  status: string;
  episodes: number;
  meanReturn: number | null;
  /** 95% percentile bootstrap interval of the mean return (seeded). */
  meanReturnInterval: ConfidenceInterval | null;
  /** Share of episodes whose `success` metric is 1 (`null` when the run records no success). */
  successRate: number | null;
  meanSteps: number | null;
  meanCostUsd: number | null;
  /** Distinct seeds among the episodes. */
  seeds: number;
}

/** A run tested against the baseline (the first run). */
export interface RunComparison {
  baseline: string;
  run: string;
  /** Paired on seeds when both runs played exactly the same seeds; else unpaired on episode returns. */
  paired: boolean;
  /** Why the test is paired or not, in words. */
  reason: string;
  result: PermutationTestResult;
}

/** What {@link compareRuns} returns. */
export interface RunsComparison {
  runs: RunMetrics[];
  comparisons: RunComparison[];
}

/**
 * Compares runs of the store: each run's mean return with a 95% bootstrap interval, success rate, steps and cost,
 * and each run after the first tested against the first: a paired permutation test on per-seed mean returns when
 * both runs played exactly the same seeds (at least two), else an unpaired permutation test on episode returns. The
 * tests are seeded (`seed`, default 0), so the same runs always give the same p-values. p-values are not corrected
 * for multiple comparisons.
 *
 * @example
 * ```ts
 * const { runs, comparisons } = compareRuns(store, ['3f2a', '9b1c']);
 * console.log(comparisons[0]?.result.pValue);
 * ```
 */
export function compareRuns(
  store: RunStore,
  ids: readonly string[],
  options: PermutationTestOptions = {},
): RunsComparison {
  if (ids.length < 2)
    throw new InvalidArgumentError('Name at least two runs to compare (ids or unique prefixes).');
  const loaded = ids.map((id) => {
    const run = store.getRun(id);
    return { run, episodes: store.episodes(run.id) };
  });
  const runs = loaded.map(({ run, episodes }) => metricsOf(run, episodes));
  const [baseline, ...others] = loaded;
  const comparisons = others.map(({ run, episodes }) => {
    const a = perSeedReturns(baseline!.episodes);
    const b = perSeedReturns(episodes);
    const sameSeeds = a !== undefined && b !== undefined && a.size >= 2 && sameKeys(a, b);
    if (sameSeeds) {
      const differences = [...a.keys()].sort((x, y) => x - y).map((seed) => b.get(seed)! - a.get(seed)!);
      return {
        baseline: baseline!.run.id,
        run: run.id,
        paired: true,
        reason: `paired on ${a.size} seeds`,
        result: pairedPermutationTest(differences, options),
      };
    }
    return {
      baseline: baseline!.run.id,
      run: run.id,
      paired: false,
      reason:
        a === undefined || b === undefined
          ? 'unpaired: some episodes have no seed'
          : a.size < 2
            ? 'unpaired: fewer than two seeds'
            : 'unpaired: the runs played different seeds',
      result: unpairedPermutationTest(
        baseline!.episodes.map((e) => e.return),
        episodes.map((e) => e.return),
        options,
      ),
    };
  });
  return { runs, comparisons };
}

function metricsOf(run: ReturnType<RunStore['getRun']>, episodes: readonly StoredEpisode[]): RunMetrics {
  const returns = Float64Array.from(episodes, (e) => e.return);
  const withSuccess = episodes.filter((e) => typeof e.metrics['success'] === 'number');
  return {
    id: run.id,
    kind: run.kind,
    envId: run.envId,
    agent: run.agent,
    model: run.model,
    status: run.status,
    episodes: episodes.length,
    meanReturn: mean(returns),
    meanReturnInterval: episodes.length === 0 ? null : bootstrapIntervals(returns, { seed: 0 }).mean,
    successRate:
      withSuccess.length === 0
        ? null
        : withSuccess.filter((e) => e.metrics['success'] === 1).length / withSuccess.length,
    meanSteps: mean(Float64Array.from(episodes, (e) => e.length)),
    meanCostUsd: mean(Float64Array.from(episodes, (e) => e.costUsd)),
    seeds: new Set(episodes.map((e) => e.seed)).size,
  };
}

/** The mean return per seed, or `undefined` when some episode has no seed. */
function perSeedReturns(episodes: readonly StoredEpisode[]): Map<number, number> | undefined {
  const sums = new Map<number, { total: number; count: number }>();
  for (const episode of episodes) {
    if (episode.seed === null) return undefined;
    const entry = sums.get(episode.seed) ?? { total: 0, count: 0 };
    entry.total += episode.return;
    entry.count += 1;
    sums.set(episode.seed, entry);
  }
  return new Map([...sums].map(([seed, { total, count }]) => [seed, total / count]));
}

function sameKeys(a: Map<number, number>, b: Map<number, number>): boolean {
  return a.size === b.size && [...a.keys()].every((key) => b.has(key));
}
