// LoopGym's termination reasons in LoopNet's vocabulary.
import type { TerminationReason } from '../../loop/events/loop-event.js';
import type { LoopNetTerminationReason } from '../loopnet-record.js';

/**
 * How each LoopGym termination reason is written in a LoopNet record (`$defs.TerminationReason`):
 *
 * | LoopGym            | LoopNet            | why                                                               |
 * | ------------------ | ------------------ | ----------------------------------------------------------------- |
 * | `success`          | `goal_met`         | a success rule held                                               |
 * | `max_iterations`   | `max_iterations`   | the iteration bound                                               |
 * | `safety_violation` | `safety_violation` | a constraint halted the loop                                      |
 * | `evaluator_error`  | `evaluator_error`  | the `evaluator_error` failure rule fired                          |
 * | `cost_exceeded`    | `cost_exceeded`    | the cumulative cost limit was reached                             |
 * | `token_cap`        | `budget_exhausted` | the token budget (`token_soft_cap` with `halt`) ran out: not money |
 * | `human_rejected`   | `human_stop`       | a person rejected the output under a `human_rejected` rule        |
 * | `escalated`        | `human_stop`       | a person, asked by an `escalate_human` rule, said stop            |
 * | `timeout`          | `timeout`          | a worker or a human review ran out of time                        |
 * | `stall`            | `stall`            | a stall rule fired                                                |
 * | `worker_failed`    | `error`            | a worker failed for good                                          |
 *
 * @example
 * ```ts
 * LOOPNET_TERMINATION_OF.token_cap; // 'budget_exhausted'
 * ```
 */
export const LOOPNET_TERMINATION_OF: Readonly<Record<TerminationReason, LoopNetTerminationReason>> =
  Object.freeze({
    success: 'goal_met',
    max_iterations: 'max_iterations',
    safety_violation: 'safety_violation',
    evaluator_error: 'evaluator_error',
    cost_exceeded: 'cost_exceeded',
    token_cap: 'budget_exhausted',
    human_rejected: 'human_stop',
    escalated: 'human_stop',
    timeout: 'timeout',
    stall: 'stall',
    worker_failed: 'error',
  });

/**
 * The LoopNet termination reason of a LoopGym one; an unknown reason (from a newer engine) is `error`.
 *
 * @example
 * ```ts
 * toLoopNetTermination('success'); // 'goal_met'
 * ```
 */
export function toLoopNetTermination(reason: string): LoopNetTerminationReason {
  return Object.hasOwn(LOOPNET_TERMINATION_OF, reason)
    ? LOOPNET_TERMINATION_OF[reason as TerminationReason]
    : 'error';
}
