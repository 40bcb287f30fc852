// Which of a task's perturbations LoopGym can apply (none yet: the perturbation suite is issue 7's work).
import type { LoopBenchTaskData } from './loopbench-task-schema.js';

/**
 * The perturbations LoopGym implements, by name. Empty in this version: P1–P5 (`context_truncation`,
 * `corrupted_tool_result`, `branch_timeout`, `api_latency`, `model_downgrade`, `budget_minus_one`) are planned and
 * are reported as not applied wherever a task lists them.
 *
 * @example
 * ```ts
 * IMPLEMENTED_PERTURBATIONS.has('api_latency'); // false in this version
 * ```
 */
export const IMPLEMENTED_PERTURBATIONS: ReadonlySet<string> = new Set<string>();

/**
 * The task's perturbations that cannot be applied in this version, as `P3 api_latency`.
 *
 * @example
 * ```ts
 * perturbationsNotApplied(task); // ['P1 context_truncation', 'P2 corrupted_tool_result', …]
 * ```
 */
export function perturbationsNotApplied(task: Pick<LoopBenchTaskData, 'perturbations'>): string[] {
  return task.perturbations
    .filter((perturbation) => !IMPLEMENTED_PERTURBATIONS.has(perturbation.name))
    .map((perturbation) => `${perturbation.id} ${perturbation.name}`);
}
