// One episode of an agent that does not learn (random, llm, scripted, custom), for `loopgym train`.
import type { Agent } from '../agents/agent.js';
import type { Env } from '../core/env.js';
import type { StepRecord } from '../store/run-records.js';
import { rollout } from '../agents/llm/rollout.js';

/** What {@link playEpisode} measured. */
export interface PlayedEpisode {
  return: number;
  /** Environment steps. */
  length: number;
  terminated: boolean;
  truncated: boolean;
  /** How it ended: `terminated`, `truncated`, `max-episode-steps`, `invalid-action` or `error`. */
  status: string;
  /** `Name: message` of what failed, when the episode ended in an error. */
  error: string | undefined;
  /** Model figures (zero for agents without a model). */
  metrics: Record<string, number>;
  /** Every step, when asked for. */
  steps: StepRecord[] | undefined;
}

/**
 * Plays one episode through `rollout` (the rules of the evaluation runner: language-model agents attached, invalid
 * answers end the episode, errors end it with their cause), seeded, and cut after `maxSteps` environment steps.
 *
 * @example
 * ```ts
 * const episode = await playEpisode(agent, env, { seed: 3 });
 * ```
 */
export async function playEpisode(
  agent: Agent<unknown, unknown>,
  env: Env<unknown, unknown>,
  options: { seed: number; maxSteps?: number | undefined; recordSteps?: boolean | undefined },
): Promise<PlayedEpisode> {
  const trajectory = await rollout(env, agent, { seed: options.seed, maxEpisodeSteps: options.maxSteps });
  const steps =
    options.recordSteps === true
      ? trajectory.steps.map((step, index) =>
          stepRecord(index, step.observation, step.action, step.reward, step.terminated, step.truncated),
        )
      : undefined;
  const metrics: Record<string, number> =
    trajectory.modelCalls === 0
      ? {}
      : {
          modelCalls: trajectory.modelCalls,
          inputTokens: trajectory.usage.inputTokens,
          outputTokens: trajectory.usage.outputTokens,
          costUsd: trajectory.costUsd,
        };
  return {
    return: trajectory.return,
    length: trajectory.environmentSteps,
    terminated: trajectory.status === 'terminated',
    truncated: trajectory.status === 'truncated' || trajectory.status === 'max-episode-steps',
    status: trajectory.status,
    error:
      trajectory.error === undefined ? undefined : `${trajectory.error.name}: ${trajectory.error.message}`,
    metrics,
    steps,
  };
}

/** A step as the store keeps it (observations as text). */
export function stepRecord(
  index: number,
  observation: unknown,
  action: unknown,
  reward: number,
  terminated: boolean,
  truncated: boolean,
): StepRecord {
  return {
    index,
    observation: typeof observation === 'string' ? observation : JSON.stringify(toPlain(observation)),
    action: toPlain(action),
    reward,
    terminated,
    truncated,
  };
}

function toPlain(value: unknown): unknown {
  return ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value;
}
