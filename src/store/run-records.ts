// What the run store takes in and gives back.
import type { LoopEvent } from '../loop/events/loop-event.js';
import type { ModelMessage, ModelUsage } from '../models/language-model.js';

/** What kind of work a run did. */
export type RunKind = 'eval' | 'train' | 'loop';

/** Where a run is: still going, finished, ended by an error, or stopped (Ctrl-C). */
export type RunStatus = 'running' | 'completed' | 'failed' | 'interrupted';

/**
 * What {@link RunStore.startRun} records about a new run.
 *
 * @example
 * ```ts
 * const config: RunConfig = { kind: 'eval', envId: 'FrozenLake-v1', agent: 'random', seeds: [0, 1, 2] };
 * ```
 */
export interface RunConfig {
  kind: RunKind;
  envId: string;
  agent?: string | undefined;
  model?: string | undefined;
  backend?: string | undefined;
  /** The options the run was started with (any JSON). */
  config?: unknown;
  seeds?: readonly number[] | undefined;
  /** Defaults to the package version and the git commit, when there is one. */
  codeVersion?: string | undefined;
  /** Defaults to a random UUID. */
  id?: string | undefined;
  /** Defaults to now. */
  startedAt?: Date | undefined;
}

/**
 * One environment step as stored.
 *
 * @example
 * ```ts
 * const step: StepRecord = { index: 0, observation: 'You are in a room.', action: 2, reward: 0, terminated: false, truncated: false };
 * ```
 */
export interface StepRecord {
  index: number;
  /** The observation the step returned, as text. */
  observation?: string | undefined;
  action: unknown;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  info?: unknown;
}

/**
 * One model call of an episode (a `ModelCallRecord` of the usage account, plus what was sent and answered).
 *
 * @example
 * ```ts
 * const call: ModelCallEntry = {
 *   step: 0, modelId: 'sim:echo', messages: [{ role: 'user', content: 'hi' }], response: 'hello',
 *   usage: { inputTokens: 3, outputTokens: 1 }, costUsd: 0, latencySeconds: 0.1, cached: false,
 * };
 * ```
 */
export interface ModelCallEntry {
  /** The step the call chose the action of, when it did. */
  step?: number | undefined;
  modelId: string;
  answeredModelId?: string | undefined;
  messages: readonly ModelMessage[];
  /** The text the model answered. */
  response?: string | undefined;
  usage: ModelUsage;
  costUsd: number;
  latencySeconds: number;
  cached: boolean;
  /** Why the call failed (stored as text). */
  error?: unknown;
}

/**
 * A finished episode with everything it produced, for {@link RunStore.recordEpisode}.
 *
 * @example
 * ```ts
 * const episode: EpisodeRecord = { index: 0, seed: 42, return: 1, length: 1, terminated: true, truncated: false,
 *   steps: [{ index: 0, action: 2, reward: 1, terminated: true, truncated: false }] };
 * ```
 */
export interface EpisodeRecord {
  /** 0-based episode number within the run. */
  index: number;
  seed?: number | undefined;
  taskId?: string | undefined;
  return: number;
  length: number;
  terminated: boolean;
  truncated: boolean;
  terminationReason?: string | undefined;
  /** Why the episode failed, when it did (stored as text). */
  error?: unknown;
  metrics?: Readonly<Record<string, number | null>> | undefined;
  /** Defaults to the sum over the model calls. */
  costUsd?: number | undefined;
  /** Defaults to the sum over the model calls. */
  usage?: ModelUsage | undefined;
  startedAt?: Date | undefined;
  endedAt?: Date | undefined;
  durationMs?: number | undefined;
  steps?: readonly StepRecord[] | undefined;
  modelCalls?: readonly ModelCallEntry[] | undefined;
  events?: readonly LoopEvent[] | undefined;
}

/**
 * A run as read back from the store.
 *
 * @example
 * ```ts
 * const run: StoredRun = store.getRun('3f2a');
 * console.log(run.status, run.episodeCount);
 * ```
 */
export interface StoredRun {
  id: string;
  kind: RunKind;
  envId: string;
  agent: string | null;
  model: string | null;
  backend: string | null;
  config: unknown;
  codeVersion: string | null;
  seeds: number[];
  startedAt: string;
  finishedAt: string | null;
  status: RunStatus;
  summary: unknown;
  /** Episodes recorded so far. */
  episodeCount: number;
}

/**
 * An episode as read back (its steps, calls and events are read separately).
 *
 * @example
 * ```ts
 * for (const episode of store.episodes(run.id)) console.log(episode.index, episode.return);
 * ```
 */
export interface StoredEpisode {
  /** The row id, for {@link RunStore.steps}, {@link RunStore.modelCalls} and {@link RunStore.events}. */
  id: number;
  runId: string;
  index: number;
  seed: number | null;
  taskId: string | null;
  return: number;
  length: number;
  terminated: boolean;
  truncated: boolean;
  terminationReason: string | null;
  error: string | null;
  metrics: Record<string, number | null>;
  costUsd: number;
  usage: ModelUsage;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
}

/**
 * A step as read back.
 *
 * @example
 * ```ts
 * const rewards = store.steps(episode.id).map((step: StoredStep) => step.reward);
 * ```
 */
export interface StoredStep {
  index: number;
  observation: string | null;
  action: unknown;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  info: unknown;
}

/**
 * A model call as read back.
 *
 * @example
 * ```ts
 * const tokens = store.modelCalls(episode.id).reduce((sum, call: StoredModelCall) => sum + call.usage.outputTokens, 0);
 * ```
 */
export interface StoredModelCall {
  index: number;
  step: number | null;
  modelId: string;
  answeredModelId: string | null;
  messages: ModelMessage[];
  response: string | null;
  usage: ModelUsage;
  costUsd: number;
  latencySeconds: number;
  cached: boolean;
  error: string | null;
}

/**
 * Which runs {@link RunStore.listRuns} returns (all of them by default, newest first).
 *
 * @example
 * ```ts
 * store.listRuns({ kind: 'eval', envId: 'FrozenLake-v1', limit: 10 });
 * ```
 */
export interface RunFilter {
  kind?: RunKind | undefined;
  envId?: string | undefined;
  status?: RunStatus | undefined;
  limit?: number | undefined;
}
