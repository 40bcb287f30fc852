// Evaluators: bound to the workers they follow, in evaluation order, with the plan that combines their verdicts.
import type { EvaluatorSpec } from '../loop-spec.js';
import { toModelBinding, type CompileContext } from './compile-context.js';
import { expandWorkers } from './compile-safety.js';
import type { WorkerOrdering } from './compile-workers.js';
import type { EvaluationPlan, EvaluatorProgram, SafetyPlan } from './loop-program.js';

/**
 * The evaluator programs in evaluation order (each after the last worker it judges; evaluators waiting for the same
 * worker keep their declaration order), the evaluation plan, and for each worker the evaluators that judge it.
 *
 * @example
 * ```ts
 * const { evaluators, plan } = compileEvaluators(context, ordering, safety);
 * evaluators.map((e) => e.id); plan.aggregation; // 'min' unless one asks for 'weighted_avg'
 * ```
 */
export function compileEvaluators(
  context: CompileContext,
  ordering: WorkerOrdering,
  safety: SafetyPlan,
): { evaluators: EvaluatorProgram[]; plan: EvaluationPlan; byWorker: Map<string, string[]> } {
  const bound = context.spec.evaluators.map((evaluator, index) => {
    const runsAfter = expandWorkers(context, ordering, evaluator.runs_after, [
      'evaluators',
      index,
      'runs_after',
    ]);
    const last = Math.max(-1, ...runsAfter.map((id) => ordering.orderOf.get(id)!));
    return { evaluator, index, runsAfter, last };
  });
  bound.sort((a, b) => a.last - b.last || a.index - b.index);
  const evaluators = bound.map(({ evaluator, runsAfter }, order) =>
    toEvaluatorProgram(context, evaluator, runsAfter, order, safety),
  );
  const byWorker = new Map<string, string[]>();
  for (const { spec: worker } of ordering.workers) {
    byWorker.set(
      worker.id,
      evaluators.filter((e) => e.runsAfter.includes(worker.id)).map((e) => e.id),
    );
  }
  const plan: EvaluationPlan = {
    aggregation: evaluators.some((e) => e.aggregation === 'weighted_avg') ? 'weighted_avg' : 'min',
    vetoes: evaluators.filter((e) => e.aggregation === 'veto').map((e) => e.id),
  };
  return { evaluators, plan, byWorker };
}

function toEvaluatorProgram(
  context: CompileContext,
  evaluator: EvaluatorSpec,
  runsAfter: string[],
  order: number,
  safety: SafetyPlan,
): EvaluatorProgram {
  const base = {
    runsAfter,
    order,
    aggregation: evaluator.aggregation,
    feedbackChannels: context.spec.feedback_channels
      .filter((channel) => channel.source === `evaluators.${evaluator.id}`)
      .map((channel) => channel.id),
    safety: safety.constraints
      .filter((c) => c.scope === 'pre_evaluator' && c.appliesTo.some((id) => runsAfter.includes(id)))
      .map((c) => c.id),
  };
  switch (evaluator.type) {
    case 'deterministic':
      return { id: evaluator.id, type: 'deterministic', ...base, implementation: evaluator.implementation };
    case 'llm_rubric': {
      const total = evaluator.rubric.dimensions.reduce((sum, dimension) => sum + dimension.weight, 0);
      return {
        id: evaluator.id,
        type: 'llm_rubric',
        ...base,
        model: toModelBinding(evaluator.model),
        dimensions: evaluator.rubric.dimensions.map((dimension) => ({
          name: dimension.name,
          weight: dimension.weight,
          normalizedWeight: total > 0 ? dimension.weight / total : 0,
          scale: [dimension.scale[0], dimension.scale[1]] as const,
          criteria: dimension.criteria,
        })),
        passThreshold: evaluator.rubric.pass_threshold,
      };
    }
    case 'human':
      return {
        id: evaluator.id,
        type: 'human',
        ...base,
        timeoutSeconds: evaluator.timeout_seconds,
        queue: evaluator.queue,
        instructions: evaluator.instructions,
      };
  }
}
