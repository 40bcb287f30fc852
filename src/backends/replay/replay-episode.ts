// A record turned into its replay: every step's result built once, so replaying allocates nothing.
import type { ResetResult, StepResult } from '../../core/env.js';
import type {
  FailureModeSlug,
  LoopNetOutcome,
  LoopNetRecord,
  LoopNetTerminationReason,
  LoopNetIteration,
} from '../../loopnet/loopnet-record.js';
import type { ReplayMetrics, ReplayObservation } from './replay-spaces.js';

/** What `reset` and each `step` report besides the observation (mirrors a loop environment's info). */
export interface ReplayInfo {
  /** The record id. */
  taskId: string;
  recordId: string;
  /** The position of the iteration just replayed, 1-based (0 after `reset`); the text shows the recorded number. */
  iteration: number;
  metrics: ReplayMetrics;
  /** The primary score (`goal_score`) after this iteration; `null` after `reset`. */
  primary: number | null;
  /** This iteration's recorded cost. */
  costUsd: number;
  /** Cost of the iterations replayed so far. */
  cumulativeCostUsd: number;
  latencySeconds: number;
  /** `null` when the record does not give this iteration's tokens. */
  tokens: number | null;
  failureCodes: readonly FailureModeSlug[];
  /** Safety events of this iteration (LoopNet records a count, not the events). */
  safetyEvents: number;
  humanIntervention: boolean;
  /** Set on the last step: the record's own termination reason (LoopNet's vocabulary: `goal_met`, `stall`, …). */
  terminationReason?: LoopNetTerminationReason | undefined;
  /** Last step: the record's outcome. */
  outcome?: LoopNetOutcome | undefined;
  /** Last step: whether the outcome is `success` (what evaluations count as a success). */
  success?: boolean | undefined;
  /** Last step: the record's failure labels. */
  failureModes?: readonly FailureModeSlug[] | undefined;
  failureMode?: FailureModeSlug | undefined;
  /** Last step: the recorded `les_observed.les_normalized`. */
  lesObserved?: number | undefined;
  [key: string]: unknown;
}

/** The replay of one record. */
export interface ReplayEpisode {
  recordId: string;
  reset: ResetResult<ReplayObservation, ReplayInfo>;
  steps: readonly StepResult<ReplayObservation, ReplayInfo>[];
}

/** Termination reasons that cut a run short from outside the task (Gymnasium's truncation), not a task outcome. */
const TRUNCATING_REASONS: ReadonlySet<LoopNetTerminationReason> = new Set([
  'budget_exhausted',
  'max_iterations',
  'cost_exceeded',
  'timeout',
]);

/**
 * How a record's end maps to Gymnasium's flags: a `success` outcome is `terminated` (the goal was reached); otherwise
 * a budget, iteration, cost or time bound (`budget_exhausted`, `max_iterations`, `cost_exceeded`, `timeout`) is
 * `truncated`, and everything else (`goal_met` of a false pass, `stall`, `error`, `safety_violation`,
 * `human_stop`, `evaluator_error`) is `terminated`: the loop itself stopped.
 *
 * @example
 * ```ts
 * endFlags('partial', 'budget_exhausted'); // { terminated: false, truncated: true }
 * ```
 */
export function endFlags(
  outcome: LoopNetOutcome,
  reason: LoopNetTerminationReason,
): { terminated: boolean; truncated: boolean } {
  const truncated = outcome !== 'success' && TRUNCATING_REASONS.has(reason);
  return { terminated: !truncated, truncated };
}

const EMPTY_CODES: readonly FailureModeSlug[] = Object.freeze([]);

function iterationText(record: LoopNetRecord, iteration: LoopNetIteration, position: number): string {
  const parts = [`goal ${iteration.goal_score}`];
  if (iteration.primary_quality !== undefined) parts.push(`primary quality ${iteration.primary_quality}`);
  parts.push(`cost $${iteration.cost_usd}`, `${iteration.latency_seconds} s`);
  if (iteration.tokens !== undefined) parts.push(`${iteration.tokens} tokens`);
  if ((iteration.failure_codes?.length ?? 0) > 0)
    parts.push(`failure codes ${iteration.failure_codes!.join(', ')}`);
  if ((iteration.safety_events ?? 0) > 0) parts.push(`${iteration.safety_events} safety event(s)`);
  if (iteration.human_intervention === true) parts.push('human intervention');
  return (
    `Replay of LoopNet record ${record.record_id}, iteration ${iteration.iteration} ` +
    `(${position}/${record.trajectory.length}): ${parts.join(', ')}.`
  );
}

/**
 * Builds the replay of a record: the reset result and one step per recorded iteration, frozen. The reward of a step
 * is the change of `goal_score` (the first step's is its goal score), so an episode's return is the final goal
 * score, as in a loop environment; the last step carries the record's outcome and termination reason.
 *
 * @example
 * ```ts
 * const episode = toReplayEpisode(record);
 * episode.steps.at(-1)?.info.terminationReason; // 'stall'
 * ```
 */
export function toReplayEpisode(record: LoopNetRecord): ReplayEpisode {
  const id = record.record_id;
  const count = record.trajectory.length;
  const patterns = record.patterns.join(', ');
  const observation = (iteration: number, metrics: ReplayMetrics, text: string): ReplayObservation =>
    Object.freeze({
      taskId: id,
      loopName: record.loop_name,
      objective: record.objective,
      iteration,
      iterations: count,
      metrics,
      text,
    });
  const noMetrics: ReplayMetrics = Object.freeze({ goal_score: null, primary_quality: null });
  const reset: ResetResult<ReplayObservation, ReplayInfo> = Object.freeze({
    observation: observation(
      0,
      noMetrics,
      `Replay of LoopNet record ${id} (loop ${record.loop_name}, ${patterns}): ${count} recorded ` +
        `iteration${count === 1 ? '' : 's'} toward "${record.objective.trim()}". LoopNet stores each ` +
        "iteration's numbers, not the loop's outputs; actions are ignored.",
    ),
    info: Object.freeze({
      taskId: id,
      recordId: id,
      iteration: 0,
      metrics: noMetrics,
      primary: null,
      costUsd: 0,
      cumulativeCostUsd: 0,
      latencySeconds: 0,
      tokens: 0,
      failureCodes: EMPTY_CODES,
      safetyEvents: 0,
      humanIntervention: false,
      loopName: record.loop_name,
      patterns: Object.freeze([...record.patterns]),
      split: record.split,
      source: record.source,
      iterations: count,
      goalTarget: record.metadata.goal_target,
    }),
  });
  const { terminated, truncated } = endFlags(record.outcome, record.termination_reason);
  const steps: StepResult<ReplayObservation, ReplayInfo>[] = [];
  let previousGoal = 0;
  let cumulative = 0;
  record.trajectory.forEach((iteration, index) => {
    const last = index === count - 1;
    const metrics: ReplayMetrics = Object.freeze({
      goal_score: iteration.goal_score,
      primary_quality: iteration.primary_quality ?? null,
    });
    cumulative += iteration.cost_usd;
    const info: ReplayInfo = {
      taskId: id,
      recordId: id,
      iteration: index + 1,
      metrics,
      primary: iteration.goal_score,
      costUsd: iteration.cost_usd,
      cumulativeCostUsd: cumulative,
      latencySeconds: iteration.latency_seconds,
      tokens: iteration.tokens ?? null,
      failureCodes: Object.freeze([...(iteration.failure_codes ?? EMPTY_CODES)]),
      safetyEvents: iteration.safety_events ?? 0,
      humanIntervention: iteration.human_intervention ?? false,
    };
    let text = iterationText(record, iteration, index + 1);
    if (last) {
      info.terminationReason = record.termination_reason;
      info.outcome = record.outcome;
      info.success = record.outcome === 'success';
      info.failureModes = Object.freeze([...(record.failure_modes ?? [])]);
      if (record.failure_mode !== undefined) info.failureMode = record.failure_mode;
      info.lesObserved = record.les_observed.les_normalized;
      text += ` The recorded run ended: ${record.outcome} (${record.termination_reason}).`;
    }
    steps.push(
      Object.freeze({
        observation: observation(index + 1, metrics, text),
        reward: iteration.goal_score - previousGoal,
        terminated: last && terminated,
        truncated: last && truncated,
        info: Object.freeze(info),
      }),
    );
    previousGoal = iteration.goal_score;
  });
  return Object.freeze({ recordId: id, reset, steps: Object.freeze(steps) });
}
