// The contract of a deterministic evaluator implementation (`implementation: evaluators.word_count_max`).
import type { z } from 'zod';
import type { LoopTask } from '../../tasks/loop-task.js';
import type { WorkerOutput } from '../../worker-output.js';
import type { EvaluatorVerdict } from '../evaluator-verdict.js';

/** What a deterministic evaluator judges and with what. */
export interface DeterministicEvaluationContext {
  /** The evaluator's id in the spec. */
  evaluatorId: string;
  /** The outputs of the workers in its `runs_after`, in execution order (the last is usually the one judged). */
  outputs: readonly WorkerOutput[];
  task: LoopTask;
  /** Parameters, already checked against the implementation's schema (defaults applied). */
  parameters: Readonly<Record<string, unknown>>;
  /** Aborted when the run is cancelled or the evaluator times out. */
  signal: AbortSignal;
}

/**
 * A deterministic evaluator: a pure function of the outputs, the task and its parameters (it may run processes,
 * e.g. tests). The same inputs give the same verdict, so results can be cached by content.
 *
 * @example
 * ```ts
 * const exactMatch: DeterministicEvaluator = {
 *   name: 'evaluators.exact_match',
 *   description: 'The output equals the expected answer.',
 *   parameters: z.object({ expected: z.string() }),
 *   evaluate: ({ outputs, parameters }) => { … },
 * };
 * ```
 */
export interface DeterministicEvaluator {
  /** The name specs use in `implementation`, e.g. `evaluators.word_count_max`. */
  name: string;
  description: string;
  /** The schema of its parameters (zod); parameters are checked before `evaluate` and errors name the evaluator. */
  parameters?: z.ZodType<Record<string, unknown>> | undefined;
  /** `false` when the verdict depends on something outside its inputs (the network: `link_check`). Default `true`. */
  cacheable?: boolean | undefined;
  evaluate(context: DeterministicEvaluationContext): EvaluatorVerdict | Promise<EvaluatorVerdict>;
}
