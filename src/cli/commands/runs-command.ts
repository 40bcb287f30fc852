import type { Command } from 'commander';
import { InvalidArgumentError } from '../../core/errors.js';
import type { RunFilter, RunKind, RunStatus } from '../../store/run-records.js';
import { resolveStorePath } from '../../store/run-store.js';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../format-table.js';
import { parseCount } from '../parse-options.js';
import { HOW_TO_CREATE_RUNS, openExistingStore, type StoreCommandOptions } from './open-existing-store.js';
import { formatCost, formatDecimal, formatRate, formatTime, runOverview } from './run-overview.js';
import { RunTotalsReader } from './run-totals-reader.js';

const KINDS: readonly RunKind[] = ['eval', 'train', 'loop'];
const STATUSES: readonly RunStatus[] = ['running', 'completed', 'failed', 'interrupted'];

/** How many characters of a run id the table shows (any unique prefix works in `loopgym show`). */
export const RUN_ID_PREFIX_LENGTH = 8;

interface RunsFlags {
  env?: string;
  kind?: string;
  status?: string;
  limit: string;
  store?: string;
  json?: boolean;
}

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InvalidArgumentError(`${flag} must be one of ${allowed.join(', ')}; got \`${value}\`.`);
}

/**
 * `loopgym runs [--env id] [--kind k] [--status s] [--limit N] [--store path] [--json]`: the runs in the store,
 * newest first, with their episodes, mean return, success rate and cost. A store that does not exist yet is reported
 * (with how to create runs), never created.
 *
 * @example
 * ```sh
 * loopgym runs --env text/wordle-v0 --kind eval --limit 5
 * ```
 */
export function addRunsCommand(program: Command, io: CliIo, options: StoreCommandOptions = {}): void {
  program
    .command('runs')
    .description('List the runs in the run store, newest first')
    .option('-e, --env <id>', 'only runs of this environment')
    .option('-k, --kind <kind>', `only runs of this kind: ${KINDS.join(', ')}`)
    .option('--status <status>', `only runs with this status: ${STATUSES.join(', ')}`)
    .option('-l, --limit <count>', 'at most this many runs', '20')
    .option('--store <path>', 'the store file (default $LOOPGYM_STORE, else .loopgym/loopgym.db)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ loopgym runs\n  $ loopgym runs --env text/wordle-v0 --kind eval --limit 5\n' +
        '  $ loopgym runs --status failed --store results/runs.db\n  $ loopgym runs --json',
    )
    .action((flags: RunsFlags) => {
      const filter: RunFilter = {
        envId: flags.env,
        kind: oneOf('--kind', flags.kind, KINDS),
        status: oneOf('--status', flags.status, STATUSES),
        limit: parseCount('--limit', flags.limit),
      };
      const environment = options.environment ?? process.env;
      const store = openExistingStore(flags.store, environment);
      if (store === undefined) {
        if (flags.json === true) io.out('[]');
        io.err(
          `No runs yet: there is no run store at ${resolveStorePath(flags.store, environment)}. ${HOW_TO_CREATE_RUNS}`,
        );
        return;
      }
      // Figures come from one aggregate query per run; an in-memory store has no file to open twice.
      const totals = store.path === ':memory:' ? undefined : new RunTotalsReader(store.path);
      try {
        const runs = store.listRuns(filter).map((run) => ({
          run,
          overview: totals?.overview(run) ?? runOverview(run, store.episodes(run.id)),
        }));
        if (flags.json === true) {
          io.out(
            JSON.stringify(
              runs.map(({ run, overview }) => ({ ...run, overview })),
              null,
              2,
            ),
          );
          return;
        }
        if (runs.length === 0) {
          io.err(`No runs match in ${store.path}.`);
          return;
        }
        const rows = runs.map(({ run, overview }) => [
          run.id.slice(0, RUN_ID_PREFIX_LENGTH),
          run.kind,
          run.envId,
          run.model ?? run.agent ?? '-',
          run.backend ?? '-',
          formatTime(run.startedAt),
          run.status,
          overview.errors === 0 ? String(overview.episodes) : `${overview.episodes} (${overview.errors} err)`,
          formatDecimal(overview.meanReturn),
          formatRate(overview.successRate),
          formatCost(overview.costUsd),
        ]);
        io.out(
          formatTable(
            [
              'RUN',
              'KIND',
              'ENV',
              'AGENT/MODEL',
              'BACKEND',
              'STARTED (UTC)',
              'STATUS',
              'EPISODES',
              'MEAN RETURN',
              'SUCCESS',
              'COST',
            ],
            rows,
          ),
        );
      } finally {
        totals?.close();
        store.close();
      }
    });
}
