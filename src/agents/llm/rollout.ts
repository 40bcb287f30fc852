// Plays one episode of an agent in an environment, with the episode rules of the LLM adapter.
import type { Env } from '../../core/env.js';
import type { Agent } from '../agent.js';
import { isDecidingAgent } from './create-llm-agent.js';
import type { LlmDecision } from './llm-decision.js';
import type { Trajectory, TrajectoryError, TrajectoryStep } from './trajectory.js';

/** Options of {@link rollout}. */
export interface RolloutOptions {
  seed?: number | undefined;
  /** Environment steps after which the episode stops (`max-episode-steps`); default: none. */
  maxEpisodeSteps?: number | undefined;
  /** Options passed to `reset`. */
  resetOptions?: Record<string, unknown> | undefined;
  /** Stops the episode (status `aborted`) between steps and aborts model calls in flight. */
  signal?: AbortSignal | undefined;
}

function toTrajectoryError(phase: TrajectoryError['phase'], cause: unknown): TrajectoryError {
  const error = cause instanceof Error ? cause : undefined;
  return { phase, name: error?.name ?? typeof cause, message: error?.message ?? String(cause), cause };
}

/**
 * Plays one episode and returns its trajectory; never throws for a failing environment or model. The rules:
 * - the terminal observation is recorded as `finalObservation` without asking the agent again;
 * - `maxEpisodeSteps` counts environment steps; each decision (one model call unless retried) is one step;
 * - rewards are kept per step as given, with their sum in `return`;
 * - an invalid answer follows the agent's policy: `end` records a step with reward 0 and no environment step;
 * - an exception in `reset`, `step`, the agent or its model ends the episode with status `error` and its cause;
 * - model calls, usage, cost and latency are recorded per step.
 * Language-model agents ({@link createLlmAgent}) are attached to `env` first.
 *
 * @example
 * ```ts
 * const trajectory = await rollout(make('FrozenLake-v1', { renderMode: 'ansi' }), agent, { seed: 0, maxEpisodeSteps: 100 });
 * trajectory.return; trajectory.status; trajectory.steps[0]?.calls;
 * ```
 */
export async function rollout<Obs, Act, I>(
  env: Env<Obs, Act, I>,
  agent: Agent<Obs, Act, I>,
  options: RolloutOptions = {},
): Promise<Trajectory<Obs, Act, I>> {
  const started = performance.now();
  const trajectory: Trajectory<Obs, Act, I> = {
    seed: options.seed,
    status: 'aborted',
    initialObservation: undefined,
    initialInfo: undefined,
    finalObservation: undefined,
    steps: [],
    rewards: [],
    return: 0,
    environmentSteps: 0,
    modelCalls: 0,
    usage: { inputTokens: 0, outputTokens: 0 },
    costUsd: 0,
    modelLatencySeconds: 0,
    durationMs: 0,
  };
  const finish = (status: Trajectory['status'], error?: TrajectoryError): Trajectory<Obs, Act, I> => {
    trajectory.status = status;
    if (error !== undefined) trajectory.error = error;
    trajectory.return = trajectory.rewards.reduce((sum, reward) => sum + reward, 0);
    trajectory.durationMs = performance.now() - started;
    return trajectory;
  };
  const signal = options.signal;
  const aborted = (): boolean => signal?.aborted === true;
  let observation: Obs;
  let info: I;
  try {
    if (isDecidingAgent(agent)) agent.attach(env);
    agent.reset?.(options.seed);
    const reset = await env.reset({ seed: options.seed, options: options.resetOptions });
    observation = reset.observation;
    info = reset.info;
  } catch (cause) {
    return finish('error', toTrajectoryError('reset', cause));
  }
  trajectory.initialObservation = observation;
  trajectory.initialInfo = info;
  trajectory.finalObservation = observation;
  for (;;) {
    if (aborted()) return finish('aborted');
    if (options.maxEpisodeSteps !== undefined && trajectory.environmentSteps >= options.maxEpisodeSteps) {
      return finish('max-episode-steps');
    }
    const context = { info, step: trajectory.environmentSteps };
    const agentStarted = performance.now();
    let decision: LlmDecision<Act>;
    try {
      decision = isDecidingAgent(agent)
        ? await agent.decide(observation, context, signal)
        : { kind: 'action', action: await agent.act(observation, context), answer: '', calls: [] };
    } catch (cause) {
      if (aborted()) return finish('aborted');
      return finish('error', toTrajectoryError('agent', cause));
    }
    const agentMs = performance.now() - agentStarted;
    const step: TrajectoryStep<Obs, Act, I> = {
      index: trajectory.steps.length,
      observation,
      action: decision.kind === 'invalid' ? undefined : decision.action,
      reward: 0,
      terminated: false,
      truncated: false,
      environmentStep: false,
      calls: decision.calls,
      usage: { inputTokens: 0, outputTokens: 0 },
      costUsd: 0,
      agentMs,
      environmentMs: 0,
    };
    if (decision.answer !== '' || decision.calls.length > 0) step.answer = decision.answer;
    if (decision.kind !== 'action') step.invalidAction = decision.error;
    if (decision.kind === 'default') step.defaulted = true;
    for (const call of decision.calls) {
      step.usage.inputTokens += call.usage.inputTokens;
      step.usage.outputTokens += call.usage.outputTokens;
      step.costUsd += call.costUsd;
      trajectory.modelLatencySeconds += call.latencySeconds;
    }
    trajectory.modelCalls += decision.calls.length;
    trajectory.usage.inputTokens += step.usage.inputTokens;
    trajectory.usage.outputTokens += step.usage.outputTokens;
    trajectory.costUsd += step.costUsd;
    trajectory.steps.push(step);
    if (decision.kind === 'invalid') {
      trajectory.rewards.push(0);
      return finish('invalid-action');
    }
    const environmentStarted = performance.now();
    try {
      const result = await env.step(decision.action);
      step.environmentMs = performance.now() - environmentStarted;
      step.environmentStep = true;
      step.reward = result.reward;
      step.terminated = result.terminated;
      step.truncated = result.truncated;
      step.nextObservation = result.observation;
      step.info = result.info;
      observation = result.observation;
      info = result.info;
    } catch (cause) {
      step.environmentMs = performance.now() - environmentStarted;
      trajectory.rewards.push(0);
      return finish('error', toTrajectoryError('step', cause));
    }
    trajectory.environmentSteps += 1;
    trajectory.rewards.push(step.reward);
    trajectory.finalObservation = observation;
    if (step.terminated) return finish('terminated');
    if (step.truncated) return finish('truncated');
  }
}
