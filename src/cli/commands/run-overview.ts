import type { StoredEpisode, StoredRun } from '../../store/run-records.js';

/**
 * The figures `loopgym runs` and `loopgym show` print for a run, computed from its recorded episodes (so they are
 * right for unfinished and interrupted runs too).
 *
 * @example
 * ```ts
 * const overview: RunOverview = runOverview(run, store.episodes(run.id));
 * ```
 */
export interface RunOverview {
  episodes: number;
  /** Episodes that ended with an error. */
  errors: number;
  /** Mean return over the episodes, or `null` when there are none. */
  meanReturn: number | null;
  /**
   * The success rate: the summary's `successRate` when it has one, else the mean of the episodes' `success` metric
   * when they record one, else `null`.
   */
  successRate: number | null;
  steps: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** From the run's start to its end (or to the last episode's end while it runs), or `null`. */
  durationSeconds: number | null;
}

function metricSuccessRate(episodes: readonly StoredEpisode[]): number | null {
  const values = episodes
    .map((episode) => episode.metrics['success'])
    .filter((value): value is number => typeof value === 'number');
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Seconds from the run's start to its end, or to `lastEpisodeEnd` while it has not finished; `null` when unknown.
 *
 * @example
 * ```ts
 * runDuration(run, null); // e.g. 12.5 for a finished run
 * ```
 */
export function runDuration(run: StoredRun, lastEpisodeEnd: string | null): number | null {
  const end = run.finishedAt ?? lastEpisodeEnd;
  if (end === null) return null;
  const seconds = (Date.parse(end) - Date.parse(run.startedAt)) / 1000;
  return Number.isFinite(seconds) ? seconds : null;
}

function durationOf(run: StoredRun, episodes: readonly StoredEpisode[]): number | null {
  const ends = episodes.map((episode) => episode.endedAt).filter((end): end is string => end !== null);
  return runDuration(run, ends.sort().at(-1) ?? null);
}

/**
 * The success rate of a run's summary (`successRate`), or `null` when it has none.
 *
 * @example
 * ```ts
 * summarySuccessRate({ successRate: 0.5 }); // 0.5
 * ```
 */
export function summarySuccessRate(summary: unknown): number | null {
  if (typeof summary !== 'object' || summary === null) return null;
  const rate = (summary as Record<string, unknown>)['successRate'];
  return typeof rate === 'number' && Number.isFinite(rate) ? rate : null;
}

/**
 * The overview of a run from its episodes.
 *
 * @example
 * ```ts
 * runOverview(run, store.episodes(run.id)).meanReturn; // e.g. 0.62
 * ```
 */
export function runOverview(run: StoredRun, episodes: readonly StoredEpisode[]): RunOverview {
  let returns = 0;
  let steps = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let costUsd = 0;
  let errors = 0;
  for (const episode of episodes) {
    returns += episode.return;
    steps += episode.length;
    inputTokens += episode.usage.inputTokens;
    outputTokens += episode.usage.outputTokens;
    costUsd += episode.costUsd;
    if (episode.error !== null) errors += 1;
  }
  return {
    episodes: episodes.length,
    errors,
    meanReturn: episodes.length === 0 ? null : returns / episodes.length,
    successRate: summarySuccessRate(run.summary) ?? metricSuccessRate(episodes),
    steps,
    inputTokens,
    outputTokens,
    costUsd,
    durationSeconds: durationOf(run, episodes),
  };
}

/**
 * A time as the store commands print it: `2025-01-31 14:05:09` (UTC).
 *
 * @example
 * ```ts
 * formatTime('2025-01-31T14:05:09.123Z'); // '2025-01-31 14:05:09'
 * ```
 */
export function formatTime(iso: string | null): string {
  if (iso === null) return '-';
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(iso) ? iso.slice(0, 19).replace('T', ' ') : iso;
}

/**
 * Dollars with enough digits to show small model costs (`$0.0042`), `-` for nothing spent.
 *
 * @example
 * ```ts
 * formatCost(0.00421); // '$0.0042'
 * formatCost(0.003); // '$0.003'
 * ```
 */
export function formatCost(costUsd: number): string {
  if (costUsd === 0) return '-';
  if (costUsd < 0.0001) return '<$0.0001';
  return costUsd >= 1 ? `$${costUsd.toFixed(2)}` : `$${Number(costUsd.toPrecision(2))}`;
}

/**
 * A rate as a percentage, `-` when unknown.
 *
 * @example
 * ```ts
 * formatRate(0.625); // '62.5%'
 * ```
 */
export function formatRate(rate: number | null): string {
  if (rate === null) return '-';
  return `${Number((rate * 100).toFixed(1))}%`;
}

/**
 * A seed list, shortened: consecutive seeds as ranges, at most `groups` groups shown.
 *
 * @example
 * ```ts
 * formatSeeds([0, 1, 2, 3, 7, 9, 10]); // '0..3, 7, 9..10 (7 seeds)'
 * ```
 */
export function formatSeeds(seeds: readonly number[], groups = 8): string {
  if (seeds.length === 0) return '-';
  const ranges: string[] = [];
  let start = seeds[0]!;
  let previous = start;
  const close = (): void => {
    ranges.push(start === previous ? String(start) : `${start}..${previous}`);
  };
  for (const seed of seeds.slice(1)) {
    if (seed === previous + 1) previous = seed;
    else {
      close();
      start = seed;
      previous = seed;
    }
  }
  close();
  const shown = ranges.length > groups ? `${ranges.slice(0, groups).join(', ')}, …` : ranges.join(', ');
  return `${shown} (${seeds.length} seed${seeds.length === 1 ? '' : 's'})`;
}

/**
 * A number with at most `digits` decimals and no trailing zeros, `-` for `null`.
 *
 * @example
 * ```ts
 * formatDecimal(0.5); // '0.5'
 * formatDecimal(1 / 3); // '0.333'
 * ```
 */
export function formatDecimal(value: number | null, digits = 3): string {
  if (value === null) return '-';
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toFixed(digits)));
}
