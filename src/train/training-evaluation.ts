// Greedy evaluations during training, and the `stopAtReturn` check.
import { evaluateAgent, evaluateAgentSync } from '../agents/learning/evaluate-agent.js';
import type { Learner } from '../agents/learning/learner.js';
import type { EpisodeMetrics } from '../agents/learning/train-agent.js';
import { isSyncEnv, type Env } from '../core/env.js';
import type { RunConfig } from '../config/load-run-config.js';
import type { EvaluationPoint } from './training-checkpoint.js';

/** Greedy episodes of one `stopAtReturn` check. */
const SOLVED_CHECK_EPISODES = 10;
/** Training episodes at least between two checks. */
const SOLVED_CHECK_SPACING = 5;
/** Seed base of the check episodes (episode n's check uses `seed + n * episodes`). */
const SOLVED_CHECK_SEED = 500_000;

/**
 * Evaluates a learner greedily (nothing learned, no generator used) for `evaluation.episodes` episodes seeded from
 * `evaluation.seed`, after `episodes` training episodes.
 *
 * @example
 * ```ts
 * const point = await evaluateLearner(learner, env, config, 100);
 * ```
 */
export async function evaluateLearner(
  learner: Learner<unknown, unknown>,
  env: Env<unknown, unknown>,
  config: RunConfig,
  episodes: number,
): Promise<EvaluationPoint> {
  const { evaluation, training } = config.data;
  const result = await evaluateAgent(learner, env, {
    episodes: evaluation.episodes,
    seed: evaluation.seed,
    maxStepsPerEpisode: training.maxStepsPerEpisode,
  });
  const meanLength = result.lengths.reduce((sum, length) => sum + length, 0) / result.lengths.length;
  return { episode: episodes, meanReturn: result.meanReturn, successRate: result.successRate, meanLength };
}

/** Where the check stands, kept in checkpoints so a resumed run checks at the same episodes. */
export interface SolvedCheckState {
  lastSolvedCheck: number | null;
}

/**
 * A `stopWhen` for `training.stopAtReturn`: after a training episode reaching the threshold (at least 5 episodes
 * after the previous check), 10 greedy episodes in `checkEnv`; solved when their mean reaches it. Needs a
 * synchronous environment (every classic one); otherwise it says so and returns `undefined`.
 *
 * @example
 * ```ts
 * const stop = solvedCheckOf(learner, makeSync('CartPole-v1'), 500, { lastSolvedCheck: null }, console.error);
 * ```
 */
export function solvedCheckOf(
  learner: Learner<unknown, unknown>,
  checkEnv: Env<unknown, unknown>,
  threshold: number,
  state: SolvedCheckState,
  notice: (text: string) => void,
): ((metrics: EpisodeMetrics) => boolean) | undefined {
  if (!isSyncEnv(checkEnv)) {
    notice('training.stopAtReturn needs a synchronous environment (the classic ones); it is ignored here.');
    return undefined;
  }
  return (metrics) => {
    const last = state.lastSolvedCheck ?? -Infinity;
    if (metrics.return < threshold || metrics.episode - last < SOLVED_CHECK_SPACING) return false;
    state.lastSolvedCheck = metrics.episode;
    const { meanReturn } = evaluateAgentSync(learner, checkEnv, {
      episodes: SOLVED_CHECK_EPISODES,
      seed: SOLVED_CHECK_SEED + metrics.episode * SOLVED_CHECK_EPISODES,
    });
    return meanReturn >= threshold;
  };
}
