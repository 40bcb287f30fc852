// Whether the loop stops after an iteration, and why: safety, failure rules, success, stall, cost and bounds.
import type { ComparisonOperator, TerminationAction } from '../../lss/loop-spec.js';
import type { TerminationReason } from '../events/loop-event.js';
import type { HumanGate } from '../human-gate.js';
import type { EpisodeState, IterationRecord } from './episode-state.js';

/** The decision after an iteration. */
export interface TerminationDecision {
  done: { reason: TerminationReason; terminated: boolean; truncated: boolean } | undefined;
  /** A failure or stall rule asked to run the iteration again: feedback and optimization are skipped. */
  retry: boolean;
}

const OPERATORS: Record<ComparisonOperator, (a: number, b: number) => boolean> = {
  gte: (a, b) => a >= b,
  gt: (a, b) => a > b,
  lte: (a, b) => a <= b,
  lt: (a, b) => a < b,
  eq: (a, b) => Math.abs(a - b) <= 1e-12,
};

/**
 * Decides, in this order: a safety constraint that halted (`safety_violation`, terminated); the failure rules in
 * declaration order (`evaluator_error`, `human_rejected`, `timeout` when their condition held `consecutive`
 * iterations in a row, `cost_exceeded` when the cumulative limit is reached, `safety_violation` for a halt), each
 * with its action (`halt` stops, `escalate_human` asks the human gate and stops on a rejection, `retry_iteration`
 * runs the iteration again); the success rules (a metric compared with its value, `consecutive` times in a row;
 * terminated); the stall rules (the metric improved less than `min_improvement` over `window_iterations`); the cost
 * limits (`on_exceed: halt` truncates; `throttle` halves later calls' token limits); and the iteration bound
 * (truncated).
 *
 * @example
 * ```ts
 * const { done, retry } = await checkTermination(state, record, humanGate);
 * ```
 */
export async function checkTermination(
  state: EpisodeState,
  record: IterationRecord,
  humanGate: HumanGate,
): Promise<TerminationDecision> {
  const plan = state.program.termination;
  const stop = (reason: TerminationReason, truncated = false): TerminationDecision => ({
    done: { reason, terminated: !truncated, truncated },
    retry: false,
  });
  const escalate = async (gateId: string, why: string): Promise<boolean> => {
    const decision = await humanGate.review(
      {
        gateId,
        kind: 'termination',
        iteration: state.iteration,
        subject: why,
        instructions: 'Approve to let the loop continue; reject to stop it.',
        timeoutSeconds: 3600,
      },
      state.signal,
    );
    state.emit({
      type: 'human-decision',
      iteration: state.iteration,
      gateId,
      decision: decision.decision,
      reason: decision.reason,
      waitedSeconds: decision.waitedSeconds,
    });
    return decision.decision === 'approve';
  };
  // The action of a rule that fired: undefined to go on.
  const act = async (
    action: TerminationAction,
    reason: TerminationReason,
    why: string,
    truncated = false,
  ) => {
    if (action === 'halt') return stop(reason, truncated);
    if (action === 'retry_iteration') return { done: undefined, retry: true };
    return (await escalate(`termination.${reason}`, why)) ? undefined : stop('escalated');
  };

  const safetyRule = plan.failure.find((rule) => rule.type === 'safety_violation');
  if (record.safetyHalts.length > 0) {
    const why = `Safety constraint ${record.safetyHalts.join(', ')} halted the loop.`;
    if (safetyRule?.action !== 'escalate_human') return stop('safety_violation');
    const decision = await act('escalate_human', 'safety_violation', why);
    if (decision !== undefined) return decision;
  }

  for (const [index, rule] of plan.failure.entries()) {
    let held: boolean;
    switch (rule.type) {
      case 'evaluator_error':
        held = record.evaluatorErrors.length > 0;
        break;
      case 'human_rejected':
        held = record.humanRejections.length > 0;
        break;
      case 'timeout':
        held = record.workerFailures.some((failure) => failure.code === 'timeout');
        break;
      case 'cost_exceeded':
        held = state.ledger.cumulativeUsd >= (rule.value ?? state.program.cost.cumulativeUsd);
        break;
      case 'safety_violation':
      case 'max_iterations':
        continue;
    }
    state.failureStreaks[index] = held ? (state.failureStreaks[index] ?? 0) + 1 : 0;
    if (!held || (state.failureStreaks[index] ?? 0) < rule.consecutive) continue;
    state.failureStreaks[index] = 0;
    const decision = await act(
      rule.action,
      rule.type,
      `Failure rule ${rule.type} fired.`,
      rule.type === 'cost_exceeded',
    );
    if (decision !== undefined) return decision;
  }

  for (const [index, rule] of plan.success.entries()) {
    const value = record.metrics[rule.metric];
    const held = value !== null && value !== undefined && OPERATORS[rule.operator](value, rule.value);
    state.successStreaks[index] = held ? (state.successStreaks[index] ?? 0) + 1 : 0;
    if ((state.successStreaks[index] ?? 0) >= rule.consecutive) return stop('success');
  }

  for (const rule of plan.stall) {
    const values = [...state.history, record].map((past) => past.metrics[rule.metric]);
    if (values.length <= rule.windowIterations) continue;
    const now = values.at(-1);
    const before = values.at(-1 - rule.windowIterations);
    if (now === null || now === undefined || before === null || before === undefined) continue;
    if (now - before >= rule.minImprovement) continue;
    const why = `${rule.metric} improved by ${(now - before).toFixed(4)} over ${rule.windowIterations} iterations (less than ${rule.minImprovement}).`;
    const decision = await act(rule.action, 'stall', why);
    if (decision !== undefined) return decision;
  }

  for (const alert of state.ledger.alerts()) {
    state.emit({
      type: 'cost',
      iteration: state.iteration,
      iterationUsd: state.ledger.iterationUsd,
      cumulativeUsd: state.ledger.cumulativeUsd,
      tokens: state.ledger.tokens,
      action: alert.action,
      limit: alert.limit,
    });
    if (alert.action === 'throttle') state.throttled = true;
    if (alert.action === 'halt')
      return stop(alert.limit === 'token_soft_cap' ? 'token_cap' : 'cost_exceeded', true);
  }

  if (state.iteration >= plan.maxIterations) return stop('max_iterations', true);
  return { done: undefined, retry: false };
}
