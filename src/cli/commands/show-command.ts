import type { Command } from 'commander';
import type { StoredEpisode, StoredRun } from '../../store/run-records.js';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../format-table.js';
import { findRun } from './find-run.js';
import { requireStore, type StoreCommandOptions } from './open-existing-store.js';
import {
  formatCost,
  formatDecimal,
  formatRate,
  formatSeeds,
  formatTime,
  runOverview,
  type RunOverview,
} from './run-overview.js';

interface ShowFlags {
  episodes?: boolean;
  store?: string;
  json?: boolean;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

function isEmptyJson(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'object' && Object.keys(value).length === 0)
  );
}

/**
 * The text `loopgym show` prints for a run (without the episodes table).
 *
 * @example
 * ```ts
 * io.out(describeRun(run, runOverview(run, store.episodes(run.id))));
 * ```
 */
export function describeRun(run: StoredRun, overview: RunOverview): string {
  const facts: [string, string][] = [
    ['kind', run.kind],
    ['status', run.status],
    ['environment', run.envId],
    ['agent', run.agent ?? '-'],
    ['model', run.model ?? '-'],
    ['backend', run.backend ?? '-'],
    ['code version', run.codeVersion ?? '-'],
    ['seeds', formatSeeds(run.seeds)],
    ['started (UTC)', formatTime(run.startedAt)],
    ['finished (UTC)', formatTime(run.finishedAt)],
    ['duration', overview.durationSeconds === null ? '-' : `${formatDecimal(overview.durationSeconds, 2)} s`],
    [
      'episodes',
      overview.errors === 0
        ? String(overview.episodes)
        : `${overview.episodes} (${overview.errors} with errors)`,
    ],
    ['steps', String(overview.steps)],
    ['mean return', formatDecimal(overview.meanReturn, 4)],
    ['success', formatRate(overview.successRate)],
    ['tokens', `${overview.inputTokens} in, ${overview.outputTokens} out`],
    ['cost', formatCost(overview.costUsd)],
  ];
  const width = Math.max(...facts.map(([name]) => name.length));
  const lines = [`Run ${run.id}`, ...facts.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`)];
  if (!isEmptyJson(run.config)) lines.push('Config', indent(JSON.stringify(run.config, null, 2)));
  if (!isEmptyJson(run.summary)) lines.push('Summary', indent(JSON.stringify(run.summary, null, 2)));
  return lines.join('\n');
}

/**
 * The episodes table of `loopgym show --episodes`.
 *
 * @example
 * ```ts
 * io.out(formatEpisodes(store.episodes(run.id)));
 * ```
 */
export function formatEpisodes(episodes: readonly StoredEpisode[]): string {
  if (episodes.length === 0) return 'No episodes recorded.';
  const rows = episodes.map((episode) => [
    String(episode.index),
    episode.seed === null ? '-' : String(episode.seed),
    episode.taskId ?? '-',
    formatDecimal(episode.return, 4),
    String(episode.length),
    episode.terminated
      ? 'terminated'
      : episode.truncated
        ? 'truncated'
        : (episode.terminationReason ?? 'stopped'),
    String(episode.usage.inputTokens + episode.usage.outputTokens),
    formatCost(episode.costUsd),
    episode.durationMs === null ? '-' : `${formatDecimal(episode.durationMs / 1000, 2)} s`,
    episode.error ?? '',
  ]);
  return formatTable(
    ['EPISODE', 'SEED', 'TASK', 'RETURN', 'STEPS', 'END', 'TOKENS', 'COST', 'DURATION', 'ERROR'],
    rows,
  );
}

/**
 * `loopgym show <run> [--episodes] [--store path] [--json]`: one run (by id or a unique prefix of it) with its
 * configuration, code version, seeds, timings, status and summary, and optionally its episodes.
 *
 * @example
 * ```sh
 * loopgym show 3f2a9c --episodes
 * ```
 */
export function addShowCommand(program: Command, io: CliIo, options: StoreCommandOptions = {}): void {
  program
    .command('show')
    .description('Show one run of the run store: configuration, seeds, timings, status and summary')
    .argument('<run>', 'the run id, or any unique prefix of it (as `loopgym runs` prints)')
    .option('--episodes', 'also list the episodes')
    .option('--store <path>', 'the store file (default $LOOPGYM_STORE, else .loopgym/loopgym.db)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ loopgym show 3f2a9c1e\n  $ loopgym show 3f2a --episodes\n' +
        '  $ loopgym show 3f2a --json --store results/runs.db',
    )
    .action((idOrPrefix: string, flags: ShowFlags) => {
      const store = requireStore(flags.store, options.environment ?? process.env);
      try {
        const run = findRun(store, idOrPrefix);
        const episodes = store.episodes(run.id);
        const overview = runOverview(run, episodes);
        if (flags.json === true) {
          const shown = episodes.map(({ id: _id, runId: _runId, ...episode }) => episode);
          io.out(
            JSON.stringify(
              { ...run, overview, ...(flags.episodes === true ? { episodes: shown } : {}) },
              null,
              2,
            ),
          );
          return;
        }
        io.out(describeRun(run, overview));
        if (flags.episodes === true) io.out(`Episodes\n${indent(formatEpisodes(episodes))}`);
      } finally {
        store.close();
      }
    });
}
