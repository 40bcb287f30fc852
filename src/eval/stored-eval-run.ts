// Starting an evaluation run in the store, and reading one back to resume it.
import { InvalidArgumentError } from '../core/errors.js';
import type { RunStore } from '../store/run-store.js';
import type { StoredRun } from '../store/run-records.js';
import { fromStoredEpisode } from './episode-record.js';
import type { EpisodeOutcome } from './episode-outcome.js';
import { planEpisodes, type EpisodePlan } from './episode-plan.js';
import type { EvaluateOptions } from './evaluate-options.js';

/** The part of an evaluation's config that decides its results: a resumed run keeps it. */
export interface EvalRunSettings {
  rolloutsPerExample: number;
  maxEpisodeSteps: number | null;
  resetOptions: Record<string, unknown> | null;
}

/** A run read back for resuming: its plan, settings and the episodes it already has. */
export interface ResumableRun {
  run: StoredRun;
  plan: EpisodePlan;
  settings: EvalRunSettings;
  finished: EpisodeOutcome[];
}

/** The settings recorded in a run's config, or the reason they cannot be read. */
function settingsOf(run: StoredRun): EvalRunSettings {
  const config = (run.config ?? {}) as Partial<Record<keyof EvalRunSettings, unknown>>;
  const rollouts = config.rolloutsPerExample;
  if (typeof rollouts !== 'number' || !Number.isInteger(rollouts) || rollouts < 1) {
    throw new InvalidArgumentError(
      `Run ${run.id} does not record its rolloutsPerExample; only runs started by \`evaluate\` or \`loopgym eval\` ` +
        'can be resumed.',
    );
  }
  const maxEpisodeSteps = typeof config.maxEpisodeSteps === 'number' ? config.maxEpisodeSteps : null;
  const resetOptions =
    config.resetOptions !== null && typeof config.resetOptions === 'object'
      ? (config.resetOptions as Record<string, unknown>)
      : null;
  return { rolloutsPerExample: rollouts, maxEpisodeSteps, resetOptions };
}

/**
 * Reads a run to resume: it must be an evaluation run; options that decide results (seeds, episodes, rollouts per
 * example, step limit, environment id) may be left out and must match when given.
 *
 * @example
 * ```ts
 * const { plan, finished } = readResumableRun(store, '3f2a', options);
 * ```
 */
export function readResumableRun<Obs, Act, I>(
  store: RunStore,
  runId: string,
  options: EvaluateOptions<Obs, Act, I>,
): ResumableRun {
  const run = store.getRun(runId);
  if (run.kind !== 'eval') {
    throw new InvalidArgumentError(
      `Run ${run.id} is a ${run.kind} run; only evaluation runs can be resumed.`,
    );
  }
  const settings = settingsOf(run);
  const plan: EpisodePlan = {
    seeds: run.seeds,
    rolloutsPerExample: settings.rolloutsPerExample,
    total: run.seeds.length * settings.rolloutsPerExample,
  };
  const conflicts: string[] = [];
  const differs = (name: string, given: unknown, stored: unknown): void => {
    if (given !== undefined && JSON.stringify(given) !== JSON.stringify(stored)) {
      conflicts.push(`${name} (given ${JSON.stringify(given)}, recorded ${JSON.stringify(stored)})`);
    }
  };
  if (options.seeds !== undefined || options.seed !== undefined || options.episodes !== undefined) {
    const given = planEpisodes({ ...options, rolloutsPerExample: settings.rolloutsPerExample });
    differs('seeds', given.seeds, plan.seeds);
  }
  differs('rolloutsPerExample', options.rolloutsPerExample, settings.rolloutsPerExample);
  differs('maxEpisodeSteps', options.maxEpisodeSteps, settings.maxEpisodeSteps ?? undefined);
  differs('envId', options.envId ?? (typeof options.env === 'string' ? options.env : undefined), run.envId);
  if (conflicts.length > 0) {
    throw new InvalidArgumentError(
      `Resuming run ${run.id} keeps its recorded settings, but these differ: ${conflicts.join('; ')}. ` +
        'Leave them out to resume, or start a new run.',
    );
  }
  const finished = store
    .episodes(run.id)
    .map((episode) => fromStoredEpisode(episode, plan.rolloutsPerExample));
  return { run, plan, settings, finished };
}

/** A value as JSON data, or `undefined` when it is not JSON (functions, model objects, cycles). */
export function jsonData(value: unknown): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return undefined;
  }
}
