// Helpers for the perturbation tests: play whole episodes and summarize them.
import type { Env } from '../../core/env.js';
import type { LoopEvent } from '../events/loop-event.js';
import type { LoopInfo } from '../gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../gym/loop-spaces.js';

/** One finished episode, as the perturbation tests look at it. */
export interface PlayedEpisode {
  reason: string | undefined;
  iterations: number;
  totalReward: number;
  rewards: number[];
  events: LoopEvent[];
  infos: LoopInfo[];
}

/**
 * Plays an episode with the loop's own models (`null` actions) to its end.
 *
 * @example
 * ```ts
 * const episode = await playEpisode(env, 3);
 * ```
 */
export async function playEpisode(
  env: Env<LoopObservation, LoopAction, LoopInfo>,
  seed: number,
  taskId?: string,
): Promise<PlayedEpisode> {
  const reset = await env.reset({ seed, ...(taskId === undefined ? {} : { options: { taskId } }) });
  const events = [...reset.info.events];
  const infos = [reset.info];
  const rewards: number[] = [];
  for (;;) {
    const step = await env.step(null);
    events.push(...step.info.events);
    infos.push(step.info);
    rewards.push(step.reward);
    if (step.terminated || step.truncated) {
      return {
        reason: step.info.terminationReason,
        iterations: step.info.iteration,
        totalReward: rewards.reduce((sum, reward) => sum + reward, 0),
        rewards,
        events,
        infos,
      };
    }
  }
}

/**
 * Plays seeds `0 … count − 1` and returns the episodes.
 *
 * @example
 * ```ts
 * const episodes = await playSeeds(() => make('loopbench/research-synthesis-v1'), 40);
 * ```
 */
export async function playSeeds(
  env: Env<LoopObservation, LoopAction, LoopInfo>,
  count: number,
): Promise<PlayedEpisode[]> {
  const episodes: PlayedEpisode[] = [];
  for (let seed = 0; seed < count; seed++) episodes.push(await playEpisode(env, seed));
  return episodes;
}

/**
 * The share of episodes that ended in `success`.
 *
 * @example
 * ```ts
 * successRate(episodes); // 0.85
 * ```
 */
export function successRate(episodes: readonly PlayedEpisode[]): number {
  return episodes.filter((episode) => episode.reason === 'success').length / episodes.length;
}

/**
 * The mean of a number over episodes.
 *
 * @example
 * ```ts
 * meanOf(episodes, (episode) => episode.iterations);
 * ```
 */
export function meanOf(
  episodes: readonly PlayedEpisode[],
  value: (episode: PlayedEpisode) => number,
): number {
  return episodes.reduce((sum, episode) => sum + value(episode), 0) / episodes.length;
}
