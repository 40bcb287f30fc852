// A deterministic evaluator made ready for a task: implementation, checked parameters, grader cache key prefix.
import type { DeterministicEvaluatorProgram, LoopProgram } from '../../lss/compile/loop-program.js';
import type { DeterministicEvaluator } from '../evaluators/deterministic/deterministic-evaluator.js';
import { parseEvaluatorParameters } from '../evaluators/deterministic/define-deterministic-evaluator.js';
import { taskEvaluatorParameters } from '../evaluators/deterministic/task-evaluator-parameters.js';
import { GraderCache } from '../evaluators/grader-cache.js';
import type { LoopTask } from '../tasks/loop-task.js';
import type { EvaluatorLookup } from './run-evaluators.js';

/** Where a grader grades: the loop, the task, and the implementations to find it among. */
export interface GraderPlace {
  program: LoopProgram;
  task: LoopTask;
  evaluators: EvaluatorLookup;
}

/**
 * The raw parameters of a deterministic evaluator: the spec's `extensions.evaluators.<evaluator id>`, overridden by the
 * task's `evaluatorParameters` (by implementation name, short name, then evaluator id).
 */
function rawParameters(
  evaluator: DeterministicEvaluatorProgram,
  where: GraderPlace,
): Record<string, unknown> {
  const extensions = where.program.extensions.extensions;
  const fromSpec = (extensions as { evaluators?: Record<string, Record<string, unknown>> } | undefined)
    ?.evaluators?.[evaluator.id];
  return {
    ...fromSpec,
    ...taskEvaluatorParameters(where.task, {
      evaluatorId: evaluator.id,
      implementation: evaluator.implementation,
    }),
  };
}

/** A deterministic evaluator made ready for one task: its implementation, parameters and the start of its keys. */
export interface ReadyGrader {
  lookup: EvaluatorLookup;
  implementation: DeterministicEvaluator;
  parameters: Record<string, unknown>;
  /**
   * The digest of everything but the outputs that its verdicts depend on (as JSON); `undefined` when not cacheable.
   */
  keyPrefix: string | undefined;
}

/**
 * Graders made ready, by evaluator and task: the parameters are a pure function of the spec, the task's material
 * (both read-only) and the implementation's schema, so they are checked once, not at every iteration.
 */
const readyGraders = new WeakMap<DeterministicEvaluatorProgram, WeakMap<LoopTask, ReadyGrader>>();

/**
 * A deterministic evaluator ready to grade on a task: its implementation, its checked parameters (the spec's
 * `extensions.evaluators.<id>` overridden by the task's) and the start of its grader cache keys. Throws as the
 * lookup and the parameter check do.
 *
 * @example
 * ```ts
 * const { implementation, parameters } = readyGrader(evaluator, { program, task, evaluators: registry });
 * ```
 */
export function readyGrader(evaluator: DeterministicEvaluatorProgram, where: GraderPlace): ReadyGrader {
  const { task, evaluators } = where;
  const implementation = evaluators.get(evaluator.implementation);
  let byTask = readyGraders.get(evaluator);
  if (byTask === undefined) {
    byTask = new WeakMap();
    readyGraders.set(evaluator, byTask);
  }
  const known = byTask.get(task);
  if (known !== undefined && known.implementation === implementation && known.lookup === evaluators) {
    return known;
  }
  const raw = rawParameters(evaluator, where);
  const parameters =
    evaluators.resolveParameters === undefined
      ? parseEvaluatorParameters(implementation, raw, evaluator.id)
      : evaluators.resolveParameters(implementation, raw, { evaluatorId: evaluator.id });
  const ready: ReadyGrader = {
    lookup: evaluators,
    implementation,
    parameters,
    keyPrefix:
      implementation.cacheable === false
        ? undefined
        : GraderCache.digest(
            JSON.stringify([evaluator.implementation, task.id, task.root ?? null, parameters]),
          ),
  };
  byTask.set(task, ready);
  return ready;
}
