// Builds the event stream of a made-up loop episode, iteration by iteration, for the export's rule tests.
import type { LoopProgram } from '../../../lss/compile/loop-program.js';
import type { LoopEvent, LoopEventBody, TerminationReason } from '../../../loop/events/loop-event.js';

/** What happens in one made-up iteration. */
export interface IterationPlan {
  primary: number | null;
  /** Worker id → output text (default: every worker answers `same`). */
  outputs?: Record<string, string>;
  /** Evaluator scores (default: none). */
  scores?: {
    id: string;
    type?: 'deterministic' | 'llm_rubric' | 'human';
    score: number;
    passed: boolean;
    codes?: string[];
  }[];
  overall?: { score: number; passed: boolean } | null;
  evaluatorErrors?: string[];
  workerErrors?: { workerId: string; code: 'timeout' | 'format' | 'budget' | 'model-error' | 'tool-error' }[];
  safety?: {
    constraintId: string;
    outcome: 'halted' | 'quarantined' | 'stripped' | 'warned' | 'approved' | 'rejected' | 'detector-error';
  }[];
  human?: { decision: 'approve' | 'reject' | 'timeout'; waitedSeconds: number }[];
  memory?: ('written' | 'denied' | 'blocked')[];
  optimization?: 'refine' | 'rollback' | 'memory-write' | 'parameter' | 'pause' | 'none';
  costUsd?: number;
  latencySeconds?: number;
  tokens?: number;
  /** Models that answered: worker id → model id (default the program's). */
  models?: Record<string, string>;
}

/**
 * The events of an episode of `program` that runs `plans` and ends with `reason`.
 *
 * @example
 * ```ts
 * const events = episodeEvents(program, [{ primary: 0.5 }, { primary: 0.9 }], 'success');
 * ```
 */
export function episodeEvents(
  program: LoopProgram,
  plans: readonly IterationPlan[],
  reason: TerminationReason,
  options: { backend?: string; seed?: number; taskId?: string } = {},
): LoopEvent[] {
  const events: LoopEvent[] = [];
  const episodeId = `${program.name}/t/0`;
  let time = 0;
  const emit = (body: LoopEventBody): void => {
    events.push({ ...body, episodeId, seq: events.length, time });
  };
  emit({
    type: 'episode-start',
    version: 1,
    loopName: program.name,
    loopVersion: program.version,
    taskId: options.taskId ?? 'task-1',
    seed: options.seed ?? 0,
    backend: options.backend ?? 'sim',
    inputs: { secret_input: 'the task input text that must never be exported' },
    maxIterations: program.termination.maxIterations,
    primaryMetric: program.primaryMetric,
  });
  let cumulative = 0;
  let tokens = 0;
  let previous = 0;
  for (const [index, plan] of plans.entries()) {
    const iteration = index + 1;
    const last = index === plans.length - 1;
    emit({ type: 'iteration-start', iteration });
    const failed = new Set((plan.workerErrors ?? []).map((error) => error.workerId));
    for (const error of plan.workerErrors ?? []) {
      emit({ type: 'worker-error', iteration, workerId: error.workerId, attempt: 1, code: error.code, message: 'failed', willRetry: false });
    }
    for (const worker of program.workers) {
      if (failed.has(worker.id) || (plan.outputs !== undefined && !(worker.id in plan.outputs))) continue;
      const modelId = plan.models?.[worker.id] ?? worker.model.id;
      emit({
        type: 'model-response',
        iteration,
        callerId: worker.id,
        callerKind: 'worker',
        modelId,
        text: 'model answer text',
        usage: { inputTokens: 10, outputTokens: 5 },
        costUsd: 0.001,
        latencySeconds: 1,
        finishReason: 'stop',
      });
      emit({
        type: 'worker-output',
        iteration,
        workerId: worker.id,
        format: worker.output.format,
        raw: plan.outputs?.[worker.id] ?? 'same',
        source: 'model',
      });
    }
    for (const memory of plan.memory ?? [])
      emit({ type: 'memory-write', iteration, key: 'notes', writer: program.workers[0]!.id, outcome: memory });
    for (const safety of plan.safety ?? []) {
      emit({
        type: 'safety-event',
        iteration,
        constraintId: safety.constraintId,
        constraintType: 'secret_scan',
        scope: 'post_worker',
        workerId: program.workers[0]!.id,
        action: 'halt',
        findings: ['an API key'],
        outcome: safety.outcome,
      });
    }
    for (const score of plan.scores ?? []) {
      emit({
        type: 'evaluator-score',
        iteration,
        evaluatorId: score.id,
        evaluatorType: score.type ?? 'llm_rubric',
        score: score.score,
        passed: score.passed,
        failureCodes: score.codes ?? [],
        remediationHints: ['a hint that must not be exported'],
        summary: 'a summary',
        dimensionScores: {},
        details: {},
      });
    }
    for (const id of plan.evaluatorErrors ?? [])
      emit({ type: 'evaluator-error', iteration, evaluatorId: id, message: 'judge answer malformed' });
    for (const decision of plan.human ?? []) {
      emit({ type: 'human-decision', iteration, gateId: 'review', decision: decision.decision, reason: 'a person said so', waitedSeconds: decision.waitedSeconds });
    }
    const overall =
      plan.overall !== undefined
        ? plan.overall
        : plan.scores === undefined || plan.scores.length === 0
          ? null
          : { score: Math.min(...plan.scores.map((s) => s.score)), passed: plan.scores.every((s) => s.passed) };
    emit({ type: 'metric-values', iteration, values: { [program.primaryMetric]: plan.primary }, primary: plan.primary, overall });
    time += plan.latencySeconds ?? 2;
    const cost = plan.costUsd ?? 0.01;
    cumulative += cost;
    tokens += plan.tokens ?? 100;
    emit({ type: 'cost', iteration, iterationUsd: cost, cumulativeUsd: cumulative, tokens, action: undefined, limit: undefined });
    if (plan.optimization !== undefined && !last)
      emit({ type: 'optimization', iteration, strategy: 'prompt_refinement', action: plan.optimization, target: undefined, detail: 'changed' });
    const reward = plan.primary === null ? 0 : plan.primary - previous;
    if (plan.primary !== null) previous = plan.primary;
    emit({ type: 'step-end', iteration, reward, primary: plan.primary, terminated: last, truncated: false, reason: last ? reason : undefined });
  }
  emit({
    type: 'episode-end',
    iterations: plans.length,
    reason,
    outcome: reason === 'success' ? 'success' : 'failure',
    primary: plans.at(-1)?.primary ?? null,
    costUsd: cumulative,
    tokens,
  });
  return events;
}
