// A stored run's loop episodes as LoopNet records (what `loopgym export <run> --format loopnet` writes).
import '../../backends/default-loop-environments.js';
import { existsSync } from 'node:fs';
import { InvalidArgumentError } from '../../core/errors.js';
import { warnOnce } from '../../core/warnings.js';
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import { loadLoopProgramSync } from '../../lss/load-loop-program.js';
import { defaultRegistry } from '../../registry/default-registry.js';
import { make } from '../../registry/make.js';
import type { RunStore } from '../../store/run-store.js';
import type { StoredRun } from '../../store/run-records.js';
import type { LoopNetRecord } from '../loopnet-record.js';
import { loopEpisodeFromStore, programOf } from './loop-episode-input.js';
import { toLoopNetRecord, type LoopNetExportOptions } from './to-loopnet-record.js';

/**
 * Options of {@link storedLoopNetRecords}.
 *
 * @example
 * ```ts
 * storedLoopNetRecords(store, runId, { program: myProgram });
 * ```
 */
export interface StoredLoopNetOptions {
  /** The program the run's loop ran (default: compiled again from the run's spec file or environment). */
  program?: LoopProgram | undefined;
  record?: LoopNetExportOptions | undefined;
  /** Receives each episode left out (unfinished, or without events); default a LoopGym warning. */
  onSkip?: ((episodeIndex: number, reason: string) => void) | undefined;
}

/**
 * The LoopNet records of a stored run's loop episodes, one per finished episode, in episode order, read from the
 * store's `events` table. The program is compiled again from the run's environment (`runs.env_id`: a registered
 * loop, or the spec file, read relative to the current directory) unless given. `created_at` is each episode's end
 * time as stored. An episode that did not finish (no `episode-end`) or has no events is left out and reported.
 *
 * @throws {InvalidArgumentError} when the run is not a loop run (no loop events: say which formats fit), or its spec
 *   file cannot be found.
 * @example
 * ```ts
 * for (const record of storedLoopNetRecords(store, run.id)) console.log(record.outcome);
 * ```
 */
export function* storedLoopNetRecords(
  store: RunStore,
  runId: string,
  options: StoredLoopNetOptions = {},
): Generator<LoopNetRecord, void, undefined> {
  const run = store.getRun(runId);
  const episodes = store.episodes(run.id);
  const firstEvents = episodes.length === 0 ? [] : store.events(episodes[0]!.id);
  const loopRun = run.kind === 'loop' || firstEvents.some((event) => event.type === 'episode-start');
  if (!loopRun && !isLoopEnvironment(run.envId)) {
    throw new InvalidArgumentError(
      `Run ${run.id.slice(0, 8)} ran ${run.envId}, which is not a loop: LoopNet records loop episodes (their events). ` +
        'Export this run with --format jsonl or --format results.',
    );
  }
  const program = options.program ?? programOfRun(run);
  const skip =
    options.onSkip ??
    ((index: number, reason: string) =>
      warnOnce(`Episode ${index} of run ${run.id.slice(0, 8)} is not in the LoopNet export: ${reason}`));
  for (const episode of episodes) {
    const input = loopEpisodeFromStore(store, episode, program, run.envId);
    if (input.events.length === 0) {
      skip(
        episode.index,
        episode.error === null ? 'it has no loop events.' : `it failed (${episode.error}).`,
      );
      continue;
    }
    let record: LoopNetRecord;
    try {
      record = toLoopNetRecord(input, {
        ...options.record,
        createdAt:
          options.record?.createdAt ??
          new Date(episode.endedAt ?? episode.startedAt ?? run.finishedAt ?? run.startedAt),
        ...(run.codeVersion === null
          ? {}
          : { loopGymVersion: options.record?.loopGymVersion ?? run.codeVersion }),
        tags: [...(options.record?.tags ?? []), `run:${run.id}`, `episode:${episode.index}`],
      });
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      skip(episode.index, error.message);
      continue;
    }
    yield record;
  }
}

/**
 * The LoopNet export lines of a run: one JSON record per line (the `loopnet` format of `loopgym export`).
 *
 * @example
 * ```ts
 * for (const line of loopNetExportLines(store, runId)) process.stdout.write(line);
 * ```
 */
export function* loopNetExportLines(store: RunStore, runId: string): Generator<string, void, undefined> {
  for (const record of storedLoopNetRecords(store, runId)) yield `${JSON.stringify(record)}\n`;
}

function isLoopEnvironment(envId: string): boolean {
  return /\.(ya?ml|json)$/i.test(envId) || envId.startsWith('loopbench/') || envId.startsWith('sim/');
}

/** The program of a stored loop run, compiled again from its spec file or registered environment. */
function programOfRun(run: StoredRun): LoopProgram {
  if (/\.(ya?ml|json)$/i.test(run.envId)) {
    if (!existsSync(run.envId)) {
      throw new InvalidArgumentError(
        `Run ${run.id.slice(0, 8)} ran the spec ${run.envId}, which is not found from ${process.cwd()}; ` +
          'run the export from the directory the run started in, so the spec can be read again.',
      );
    }
    return loadLoopProgramSync(run.envId);
  }
  if (!defaultRegistry.has(run.envId)) {
    throw new InvalidArgumentError(
      `Run ${run.id.slice(0, 8)} ran ${run.envId}, which is not a registered environment here; its program cannot be rebuilt.`,
    );
  }
  const env = make(run.envId, { backend: 'sim' });
  try {
    return programOf(env);
  } finally {
    void env.close();
  }
}
