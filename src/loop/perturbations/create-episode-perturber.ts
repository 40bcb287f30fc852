// The per-episode hook that applies perturbations (asked for, and named by the task) before an episode starts.
import { warnOnce } from '../../core/warnings.js';
import { deriveSeed } from '../derive-seed.js';
import type { EpisodeSetup, PreparedEpisode } from '../gym/loop-env.js';
import type { AppliedPerturbation, PerturbationRequest, PerturbedEpisode } from './perturbation.js';
import { resolvePerturbation, type ResolvedPerturbation } from './perturbation-registry.js';

/** Options of {@link createEpisodePerturber}. */
export interface EpisodePerturberOptions {
  /** Perturbations for every episode, applied in order. */
  perturbations?: readonly PerturbationRequest[] | undefined;
  /** Also apply the perturbations each task names (`tasks.json`'s `perturbation`); default `true`. */
  taskPerturbations?: boolean | undefined;
}

/**
 * The `prepareEpisode` hook of a loop environment: for each episode, the perturbations asked for (checked here,
 * once), then those the task names that were not asked for already (unknown names are warned about and skipped),
 * each applied with a seed derived from the episode seed and its name, so an episode is perturbed the same way in
 * any process. `info.perturbations` lists what was applied, with parameters and details. `undefined` when nothing
 * could ever apply.
 *
 * @example
 * ```ts
 * const env = new LoopEnv({ ...options, prepareEpisode: createEpisodePerturber({ perturbations: ['api_latency'] }) });
 * ```
 */
export function createEpisodePerturber(
  options: EpisodePerturberOptions,
): ((setup: EpisodeSetup) => PreparedEpisode) | undefined {
  const asked = (options.perturbations ?? []).map(resolvePerturbation);
  const fromTasks = options.taskPerturbations ?? true;
  if (asked.length === 0 && !fromTasks) return undefined;
  const resolvedByTask = new WeakMap<object, ResolvedPerturbation[]>();
  return (setup) => {
    let named = resolvedByTask.get(setup.task);
    if (named === undefined) {
      named = fromTasks ? taskPerturbations(setup.task.material.perturbations, asked, setup.task.id) : [];
      resolvedByTask.set(setup.task, named);
    }
    if (asked.length === 0 && named.length === 0) return {};
    const episode: PerturbedEpisode = {
      program: setup.program,
      task: setup.task,
      seed: setup.seed,
      child: setup.child,
      backend: setup.backend,
      services: setup.services,
      rewardAdjustments: [],
    };
    const applied: AppliedPerturbation[] = [];
    const all = [
      ...asked.map((item) => ({ ...item, source: 'option' as const })),
      ...named.map((item) => ({ ...item, source: 'task' as const })),
    ];
    for (const [index, { definition, parameters, source }] of all.entries()) {
      const seed = deriveSeed(setup.seed, 'perturbation', definition.name, index);
      const details = definition.apply(episode, parameters, seed);
      applied.push({ name: definition.name, source, parameters, details });
    }
    const adjustments = episode.rewardAdjustments;
    return {
      program: episode.program,
      backend: episode.backend,
      services: episode.services,
      info: { perturbations: applied },
      reward:
        adjustments.length === 0
          ? undefined
          : (outcome) => adjustments.reduce((reward, adjust) => adjust(outcome, reward), outcome.reward),
    };
  };
}

function taskPerturbations(
  names: readonly string[],
  asked: readonly ResolvedPerturbation[],
  taskId: string,
): ResolvedPerturbation[] {
  const resolved: ResolvedPerturbation[] = [];
  for (const name of names) {
    if (asked.some((item) => item.definition.name === name)) continue;
    try {
      resolved.push(resolvePerturbation(name));
    } catch (error) {
      warnOnce(
        `Task \`${taskId}\` names the perturbation \`${name}\`, which LoopGym cannot apply (${(error as Error).message}); the task runs without it.`,
      );
    }
  }
  return resolved;
}
