// Plays one loop episode with the loop's own models acting, for the loopbench environment tests.
import type { Env } from '../../core/env.js';
import type { LoopEvent } from '../../loop/events/loop-event.js';
import type { LoopInfo } from '../../loop/gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../../loop/gym/loop-spaces.js';

/** A loop environment as `make` returns it. */
export type LoopGymEnv = Env<LoopObservation, LoopAction, LoopInfo>;

/**
 * Resets to `taskId` with `seed`, steps with `null` to the end, and returns the ending, the return, every event and
 * the last step.
 *
 * @example
 * ```ts
 * const { reason, total } = await runLoopEpisode(make('loopbench/hitl-gate-v1'), 0, 'LB-HITL-1');
 * ```
 */
export async function runLoopEpisode(env: LoopGymEnv, seed: number, taskId: string) {
  const reset = await env.reset({ seed, options: { taskId } });
  const events: LoopEvent[] = [...reset.info.events];
  let total = 0;
  for (;;) {
    const step = await env.step(null);
    events.push(...step.info.events);
    total += step.reward;
    if (step.terminated || step.truncated) return { reason: step.info.terminationReason, total, events, step };
  }
}

/**
 * Plays seeds `0 … seeds − 1` on `taskId` and counts how the episodes ended: episodes per termination reason
 * (`none` when there was none), the success rate and the mean return.
 *
 * @example
 * ```ts
 * const { reasons, meanReturn } = await loopOutcomes(make('loopbench/hitl-gate-v1'), 'LB-HITL-2', 30);
 * ```
 */
export async function loopOutcomes(env: LoopGymEnv, taskId: string, seeds: number) {
  const reasons: Record<string, number> = {};
  let total = 0;
  for (let seed = 0; seed < seeds; seed++) {
    const episode = await runLoopEpisode(env, seed, taskId);
    reasons[episode.reason ?? 'none'] = (reasons[episode.reason ?? 'none'] ?? 0) + 1;
    total += episode.total;
  }
  return { reasons, successRate: (reasons['success'] ?? 0) / seeds, meanReturn: total / seeds };
}
