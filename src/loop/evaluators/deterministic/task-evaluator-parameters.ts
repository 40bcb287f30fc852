// The raw parameters a task gives one deterministic evaluator.
import type { LoopTask } from '../../tasks/loop-task.js';
import { EVALUATOR_NAME_PREFIX } from './deterministic-evaluator-registry.js';

/**
 * The raw parameters `task` gives the evaluator `evaluatorId` that uses `implementation`: those keyed by the
 * implementation name (with or without the `evaluators.` prefix), overridden one by one by those keyed by the
 * evaluator id. Check them with `registry.resolveParameters` before use.
 *
 * @example
 * ```ts
 * // task.material.evaluatorParameters = { 'evaluators.word_count_max': { max_words: 200 }, length_check: { max_words: 150 } }
 * taskEvaluatorParameters(task, { evaluatorId: 'length_check', implementation: 'evaluators.word_count_max' });
 * // { max_words: 150 }
 * ```
 */
export function taskEvaluatorParameters(
  task: LoopTask,
  evaluator: { evaluatorId: string; implementation: string },
): Record<string, unknown> {
  const byKey = task.material.evaluatorParameters;
  const shortName = evaluator.implementation.startsWith(EVALUATOR_NAME_PREFIX)
    ? evaluator.implementation.slice(EVALUATOR_NAME_PREFIX.length)
    : undefined;
  const keys = [shortName, evaluator.implementation, evaluator.evaluatorId];
  const merged: Record<string, unknown> = {};
  for (const key of keys) {
    if (key === undefined || !Object.hasOwn(byKey, key)) continue;
    Object.assign(merged, byKey[key]);
  }
  return merged;
}
