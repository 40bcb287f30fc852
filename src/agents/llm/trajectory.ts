// The record of one episode played by an agent.
import type { ModelUsage } from '../../models/language-model.js';
import type { LlmCall } from './llm-decision.js';

/** One step of a trajectory: an environment step, or the invalid answer that ended the episode. */
export interface TrajectoryStep<Obs, Act, I> {
  /** 0-based. */
  index: number;
  /** The observation the agent acted on. */
  observation: Obs;
  /** The action taken; `undefined` when the answer was invalid and the episode ended without a step. */
  action: Act | undefined;
  /** The model's final answer, for language-model agents. */
  answer?: string | undefined;
  /** The environment's reward as it was (0 for an invalid answer). */
  reward: number;
  terminated: boolean;
  truncated: boolean;
  /** The observation after the step (absent when no environment step was taken). */
  nextObservation?: Obs | undefined;
  info?: I | undefined;
  /** Whether the environment was stepped (false only for an invalid answer under the `end` policy). */
  environmentStep: boolean;
  /** The answer was invalid and the policy's default action was taken. */
  defaulted?: boolean | undefined;
  /** Why the answer was invalid, when it was. */
  invalidAction?: string | undefined;
  /** The model calls made for this step (retries included). */
  calls: readonly LlmCall[];
  usage: ModelUsage;
  costUsd: number;
  /** Wall-clock milliseconds of the agent's decision. */
  agentMs: number;
  /** Wall-clock milliseconds of the environment step. */
  environmentMs: number;
}

/** How an episode ended. */
export type TrajectoryStatus =
  'terminated' | 'truncated' | 'max-episode-steps' | 'invalid-action' | 'error' | 'aborted';

/** Where an episode failed. */
export interface TrajectoryError {
  /** `reset`/`step`: the environment threw; `agent`: the model or the agent did. */
  phase: 'reset' | 'step' | 'agent';
  name: string;
  message: string;
  /** The thrown value itself. */
  cause: unknown;
}

/** One episode: its steps with per-step rewards, the return beside them, and totals. */
export interface Trajectory<Obs = unknown, Act = unknown, I = unknown> {
  seed: number | undefined;
  status: TrajectoryStatus;
  initialObservation: Obs | undefined;
  initialInfo: I | undefined;
  /** The last observation (the terminal one when the episode terminated), delivered without a model call. */
  finalObservation: Obs | undefined;
  steps: TrajectoryStep<Obs, Act, I>[];
  /** Each step's reward as the environment gave it (0 for a step that failed or ended on an invalid answer). */
  rewards: number[];
  /** The sum of `rewards`. */
  return: number;
  /** Environment steps taken (what `maxEpisodeSteps` counts). */
  environmentSteps: number;
  modelCalls: number;
  usage: ModelUsage;
  costUsd: number;
  /** The models' reported latency, summed. */
  modelLatencySeconds: number;
  durationMs: number;
  error?: TrajectoryError | undefined;
}
