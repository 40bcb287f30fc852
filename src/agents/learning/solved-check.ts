import type { SyncEnv } from '../../core/env.js';
import { evaluateAgentSync } from './evaluate-agent.js';
import type { Learner } from './learner.js';
import type { EpisodeMetrics } from './train-agent.js';

/** Options of {@link solvedCheck}. */
export interface SolvedCheckOptions {
  /** The greedy mean return that counts as solved; a check starts only after a training episode reaching it. */
  threshold: number;
  /** Greedy episodes per check (default 10). */
  episodes?: number;
  /** Training episodes at least between two checks (default 5). */
  spacing?: number;
  /** Seed base of the check episodes (default 500 000; episode n's check uses `seed + n * episodes`). */
  seed?: number;
}

/**
 * A `stopWhen` for {@link trainAgent} that stops training once the greedy policy solves the task: after a training
 * episode whose return reaches `threshold`, it runs `episodes` greedy episodes in `checkEnv` (the learner's generator
 * untouched) and stops when their mean reaches the threshold. Value-based learners such as DQN often get worse again
 * if trained on, so this keeps the solved policy.
 *
 * @example
 * ```ts
 * await trainAgent(agent, env, { episodes: 800, seed: 0, stopWhen: solvedCheck(agent, makeSync('CartPole-v1'), { threshold: 500 }) });
 * ```
 */
export function solvedCheck<Obs, Act>(
  learner: Learner<Obs, Act>,
  checkEnv: SyncEnv<Obs, Act>,
  options: SolvedCheckOptions,
): (metrics: EpisodeMetrics) => boolean {
  const episodes = options.episodes ?? 10;
  const spacing = options.spacing ?? 5;
  const seed = options.seed ?? 500_000;
  let lastCheck = -Infinity;
  return (metrics) => {
    if (metrics.return < options.threshold || metrics.episode - lastCheck < spacing) return false;
    lastCheck = metrics.episode;
    const { meanReturn } = evaluateAgentSync(learner, checkEnv, {
      episodes,
      seed: seed + metrics.episode * episodes,
    });
    return meanReturn >= options.threshold;
  };
}
