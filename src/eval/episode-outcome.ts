// What the evaluation keeps of each episode: the few numbers the summary needs, not the trajectory.
import type { Trajectory } from '../agents/llm/trajectory.js';
import { isInfrastructureError } from './infrastructure-error.js';

/** Where an episode's error came from. */
export type ErrorCategory = 'environment' | 'agent' | 'model' | 'timeout';

/**
 * One finished episode of an evaluation, compact: what the summary and the progress need. The whole trajectory
 * (steps, model calls, events) goes to the store and is not kept in memory.
 *
 * @example
 * ```ts
 * const failed = result.episodes.filter((episode: EpisodeOutcome) => episode.errorCause !== undefined);
 * ```
 */
export interface EpisodeOutcome {
  /** 0-based episode number within the run: `example * rolloutsPerExample + rollout`. */
  index: number;
  /** Which seed of the seed list (0-based). */
  example: number;
  /** Which of the example's rollouts (0-based). */
  rollout: number;
  seed: number | undefined;
  return: number;
  /** See {@link isSuccessfulEpisode}. */
  success: boolean;
  /** How the episode ended: the rollout's status (`terminated`, `invalid-action`, `error`, …) or `timeout`. */
  status: string;
  /** The loop's termination reason (`success`, `max_iterations`, …) when there is one, else {@link status}. */
  terminationReason: string;
  /** Environment steps taken. */
  steps: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  modelCalls: number;
  /** The models' reported latency, summed over the episode's calls. */
  modelLatencySeconds: number;
  /** Wall-clock time of the last attempt. */
  durationMs: number;
  /** Attempts made (1 unless an infrastructure error was retried). */
  attempts: number;
  /**
   * The episode's Loop Efficiency Score (0 to 1), when the environment reports one in its last info (`info.les`, or
   * `info.lesObserved` for replayed LoopNet records).
   */
  les?: number | undefined;
  /** `category: ErrorName` (e.g. `environment: TypeError`, `model: ApiCallError`, `timeout`) when it failed. */
  errorCause?: string | undefined;
  /** The error's message, when it failed. */
  error?: string | undefined;
}

/**
 * Whether an episode counts as a success, in this order:
 * 1. an episode that ended in an error or on an invalid answer is not;
 * 2. the last `info.success` or `info.is_success`, when the environment reports a boolean there;
 * 3. a loop's `info.terminationReason` is `success`, when the environment reports a reason;
 * 4. otherwise, a return above 0 (FrozenLake's goal, a solved text game).
 *
 * @example
 * ```ts
 * isSuccessfulEpisode(trajectory); // true when FrozenLake reached the goal
 * ```
 */
export function isSuccessfulEpisode(trajectory: Trajectory): boolean {
  if (
    trajectory.status === 'error' ||
    trajectory.status === 'invalid-action' ||
    trajectory.status === 'aborted'
  ) {
    return false;
  }
  const steps = trajectory.steps;
  const last = steps.length === 0 ? undefined : steps[steps.length - 1];
  const info = (last?.info ?? trajectory.initialInfo) as Record<string, unknown> | undefined;
  if (info !== undefined && info !== null && typeof info === 'object') {
    if (typeof info['success'] === 'boolean') return info['success'];
    if (typeof info['is_success'] === 'boolean') return info['is_success'];
    if (typeof info['terminationReason'] === 'string') return info['terminationReason'] === 'success';
  }
  return trajectory.return > 0;
}

/**
 * The category of a failure: `timeout`, `model` (a model call failed, in the agent or in a loop's workers),
 * `environment` (reset or step threw) or `agent` (the agent threw).
 *
 * @example
 * ```ts
 * errorCategoryOf('step', new TypeError('boom')); // 'environment'
 * ```
 */
export function errorCategoryOf(phase: 'reset' | 'step' | 'agent', error: unknown): ErrorCategory {
  const name = error instanceof Error ? error.name : '';
  if (name === 'EpisodeTimeoutError') return 'timeout';
  if (isInfrastructureError(error) || name === 'ApiCallError' || name === 'ModelTimeoutError') return 'model';
  if (name === 'MissingApiKeyError' || name === 'UnknownProviderError') return 'model';
  return phase === 'agent' ? 'agent' : 'environment';
}

/** What {@link toEpisodeOutcome} needs besides the trajectory. */
export interface OutcomePlace {
  index: number;
  example: number;
  rollout: number;
  attempts: number;
}

/**
 * The compact outcome of a finished trajectory.
 *
 * @example
 * ```ts
 * const outcome = toEpisodeOutcome(trajectory, { index: 0, example: 0, rollout: 0, attempts: 1 });
 * ```
 */
export function toEpisodeOutcome(trajectory: Trajectory, place: OutcomePlace): EpisodeOutcome {
  const steps = trajectory.steps;
  const last =
    steps.length === 0 ? undefined : (steps[steps.length - 1]!.info as { terminationReason?: unknown });
  const loopReason = typeof last?.terminationReason === 'string' ? last.terminationReason : undefined;
  const les = lesOf(last);
  // A loop reports what its own models spent so far (cumulative): that is part of the episode's cost, besides the
  // agent's calls (which replace the policy worker's and are not in the loop's ledger).
  const loopCost = (last as { costUsd?: unknown } | undefined)?.costUsd;
  const outcome: EpisodeOutcome = {
    index: place.index,
    example: place.example,
    rollout: place.rollout,
    seed: trajectory.seed,
    return: trajectory.return,
    success: isSuccessfulEpisode(trajectory),
    status: trajectory.status,
    terminationReason: loopReason ?? trajectory.status,
    steps: trajectory.environmentSteps,
    inputTokens: trajectory.usage.inputTokens,
    outputTokens: trajectory.usage.outputTokens,
    costUsd: trajectory.costUsd + (typeof loopCost === 'number' && Number.isFinite(loopCost) ? loopCost : 0),
    modelCalls: trajectory.modelCalls,
    modelLatencySeconds: trajectory.modelLatencySeconds,
    durationMs: trajectory.durationMs,
    attempts: place.attempts,
    ...(les === undefined ? {} : { les }),
    errorCause: undefined,
    error: undefined,
  };
  if (trajectory.error !== undefined) {
    const category = errorCategoryOf(trajectory.error.phase, trajectory.error.cause);
    outcome.errorCause = category === 'timeout' ? 'timeout' : `${category}: ${trajectory.error.name}`;
    outcome.error = trajectory.error.message;
    if (category === 'timeout') {
      outcome.status = 'timeout';
      outcome.terminationReason = 'timeout';
    }
  }
  return outcome;
}

/** The LES an environment reports in an episode's last info, if any. */
function lesOf(info: unknown): number | undefined {
  if (info === null || typeof info !== 'object') return undefined;
  const fields = info as { les?: unknown; lesObserved?: unknown };
  const value = typeof fields.les === 'number' ? fields.les : fields.lesObserved;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
