// The deterministic checks of a task's oracle that a submitted spec does not run itself.
import type { LoopProgram } from '../lss/compile/loop-program.js';
import { BUILTIN_DETERMINISTIC_EVALUATORS } from '../loop/evaluators/deterministic/create-default-evaluator-registry.js';
import type { LoopBenchTaskData } from './loopbench-task-schema.js';

const DETERMINISTIC = new Set(BUILTIN_DETERMINISTIC_EVALUATORS.map((evaluator) => evaluator.name));

/**
 * The checks of a task's oracle that are deterministic evaluators (`evaluators.test_pass_rate`) the submitted spec
 * does not run. LoopBench reads a run's goal from the spec's own metric, so a spec without its task's oracle checks
 * grades itself: a loop that writes no patch can look good on a repair task. The bench says so in its notes.
 *
 * @example
 * ```ts
 * oracleChecksNotRun(program, task); // ['evaluators.test_pass_rate'] for a rubric-only spec on LB-CR-1
 * ```
 */
export function oracleChecksNotRun(
  program: Pick<LoopProgram, 'evaluators'>,
  task: Pick<LoopBenchTaskData, 'oracle'>,
): string[] {
  const run = new Set(
    program.evaluators.flatMap((evaluator) =>
      evaluator.type === 'deterministic' ? [evaluator.implementation] : [],
    ),
  );
  return (task.oracle?.checks ?? []).filter((check) => DETERMINISTIC.has(check) && !run.has(check));
}
