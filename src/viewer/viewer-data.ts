// What the viewer's API answers, read from the run store: runs with their figures, one run, one episode, comparisons.
import { runOverview, type RunOverview } from '../cli/commands/run-overview.js';
import { RunTotalsReader } from '../cli/commands/run-totals-reader.js';
import { compareRuns, type RunsComparison } from '../compare/compare-runs.js';
import type { LoopEvent } from '../loop/events/loop-event.js';
import type {
  RunFilter,
  StoredEpisode,
  StoredModelCall,
  StoredRun,
  StoredStep,
} from '../store/run-records.js';
import type { RunStore } from '../store/run-store.js';
import { StoreError } from '../store/store-error.js';

/** A run in the runs table. */
export interface RunRow extends StoredRun {
  overview: RunOverview;
}

/** One run's page: the run, its figures, its episodes and the curves drawn from them. */
export interface RunDetail {
  run: StoredRun;
  overview: RunOverview;
  episodes: StoredEpisode[];
  /** The primary metric after each iteration, per loop episode (empty for other environments). */
  iterationCurves: { episode: number; primary: (number | null)[] }[];
  /** Episodes that failed, grouped by their error text. */
  errors: { cause: string; episodes: number }[];
  /** The names of the metrics the episodes record. */
  metricNames: string[];
}

/** One episode's page: its row, steps, model calls and loop events. */
export interface EpisodeDetail {
  run: StoredRun;
  episode: StoredEpisode;
  steps: StoredStep[];
  modelCalls: StoredModelCall[];
  events: LoopEvent[];
}

/** Runs compared: {@link compareRuns} plus the mean return of each task (or seed) in each run. */
export interface ComparisonDetail extends RunsComparison {
  /** Per task (or per seed when episodes have no task): the mean return in each run, `null` where it did not play. */
  tasks: { key: string; means: (number | null)[] }[];
  /** What `tasks` is keyed by. */
  taskKey: 'task' | 'seed';
}

/**
 * The runs, newest first, each with its figures (episodes, mean return, success, tokens, cost), optionally filtered.
 *
 * @example
 * ```ts
 * const rows = listRunRows(store, { kind: 'eval' });
 * ```
 */
export function listRunRows(store: RunStore, filter: RunFilter = {}): RunRow[] {
  const runs = store.listRuns(filter);
  if (store.path === ':memory:')
    return runs.map((run) => ({ ...run, overview: runOverview(run, store.episodes(run.id)) }));
  const totals = new RunTotalsReader(store.path);
  try {
    return runs.map((run) => ({ ...run, overview: totals.overview(run) }));
  } finally {
    totals.close();
  }
}

/**
 * A run's page data, found by id or unique prefix.
 *
 * @example
 * ```ts
 * const { overview, iterationCurves } = runDetail(store, '04cd');
 * ```
 */
export function runDetail(store: RunStore, idOrPrefix: string): RunDetail {
  const run = store.getRun(idOrPrefix);
  const episodes = store.episodes(run.id);
  const iterationCurves: RunDetail['iterationCurves'] = [];
  if (run.kind === 'loop' || run.backend !== null) {
    for (const episode of episodes) {
      const primary: (number | null)[] = [];
      for (const event of store.events(episode.id))
        if (event.type === 'metric-values') primary.push(event.primary);
      if (primary.length > 0) iterationCurves.push({ episode: episode.index, primary });
    }
  }
  const causes = new Map<string, number>();
  for (const episode of episodes)
    if (episode.error !== null) causes.set(episode.error, (causes.get(episode.error) ?? 0) + 1);
  const metricNames = [...new Set(episodes.flatMap((episode) => Object.keys(episode.metrics)))].sort();
  return {
    run,
    overview: runOverview(run, episodes),
    episodes,
    iterationCurves,
    errors: [...causes]
      .map(([cause, count]) => ({ cause, episodes: count }))
      .sort((a, b) => b.episodes - a.episodes),
    metricNames,
  };
}

/**
 * An episode's page data; a {@link StoreError} (`episode-not-found`) when the run has no such episode.
 *
 * @example
 * ```ts
 * const { steps, events } = episodeDetail(store, '04cd', 0);
 * ```
 */
export function episodeDetail(store: RunStore, idOrPrefix: string, index: number): EpisodeDetail {
  const run = store.getRun(idOrPrefix);
  const episode = store.episodes(run.id).find((candidate) => candidate.index === index);
  if (episode === undefined) {
    throw new StoreError(`Run ${run.id} has no episode ${index} (it has ${run.episodeCount}).`, {
      code: 'episode-not-found',
    });
  }
  return {
    run,
    episode,
    steps: store.steps(episode.id),
    modelCalls: store.modelCalls(episode.id),
    events: store.events(episode.id),
  };
}

/**
 * Runs side by side (the first is the baseline), with the per-task mean returns.
 *
 * @example
 * ```ts
 * const { runs, comparisons, tasks } = comparisonDetail(store, ['04cd', '9b1c']);
 * ```
 */
export function comparisonDetail(store: RunStore, ids: readonly string[]): ComparisonDetail {
  const comparison = compareRuns(store, ids);
  const episodesOf = comparison.runs.map((run) => store.episodes(run.id));
  const withTasks = episodesOf.every((episodes) => episodes.every((episode) => episode.taskId !== null));
  const keyOf = (episode: StoredEpisode): string =>
    withTasks ? episode.taskId! : episode.seed === null ? `#${episode.index}` : String(episode.seed);
  const keys = new Set<string>();
  const means = episodesOf.map((episodes) => {
    const sums = new Map<string, { total: number; count: number }>();
    for (const episode of episodes) {
      const key = keyOf(episode);
      keys.add(key);
      const entry = sums.get(key) ?? { total: 0, count: 0 };
      entry.total += episode.return;
      entry.count += 1;
      sums.set(key, entry);
    }
    return sums;
  });
  const tasks = [...keys]
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((key) => ({
      key,
      means: means.map((sums) => {
        const entry = sums.get(key);
        return entry === undefined ? null : entry.total / entry.count;
      }),
    }));
  return { ...comparison, tasks, taskKey: withTasks ? 'task' : 'seed' };
}

/**
 * A fingerprint of the store's content that changes whenever a run starts or ends or an episode is recorded (what
 * the pages poll to refresh while an evaluation runs).
 *
 * @example
 * ```ts
 * const before = storeFingerprint(store);
 * ```
 */
export function storeFingerprint(store: RunStore): string {
  const runs = store.listRuns({ limit: 1000 });
  const running = runs.filter((run) => run.status === 'running').length;
  const episodes = runs.reduce((sum, run) => sum + run.episodeCount, 0);
  const finished =
    runs
      .map((run) => run.finishedAt ?? '')
      .sort()
      .at(-1) ?? '';
  return `${runs.length}:${episodes}:${running}:${finished}`;
}
