// Which of a LoopBench task's perturbations (P1–P5) LoopGym applies: those the perturbation registry implements.
import { BUILTIN_PERTURBATIONS } from '../loop/perturbations/perturbation-registry.js';
import type { LoopBenchTaskData } from './loopbench-task-schema.js';

/**
 * The perturbations LoopGym implements, by name: the keys of `BUILTIN_PERTURBATIONS` (`context_truncation` P1,
 * `corrupted_tool_result` P2, `api_latency` P3, `model_downgrade` P4, `budget_minus_one` P5, and others no task
 * lists).
 *
 * @example
 * ```ts
 * IMPLEMENTED_PERTURBATIONS.has('api_latency'); // true
 * IMPLEMENTED_PERTURBATIONS.has('solar_flare'); // false
 * ```
 */
export const IMPLEMENTED_PERTURBATIONS: ReadonlySet<string> = new Set(Object.keys(BUILTIN_PERTURBATIONS));

/** One perturbation a task lists: its LoopBench id (`P3`) and name (`api_latency`). */
export interface BenchPerturbation {
  id: string;
  name: string;
}

/** A task's perturbations, split into those LoopGym applies and those it cannot. */
export interface BenchPerturbationPlan {
  /** Run as perturbed episodes, each on its own (in the task's order). */
  applied: BenchPerturbation[];
  /** Not implemented in this LoopGym: listed, not run. */
  notApplied: BenchPerturbation[];
}

/**
 * Splits the perturbations a task's `task.yaml` lists into those LoopGym applies (implemented in the perturbation
 * registry) and those it does not. A name listed twice is planned once.
 *
 * @example
 * ```ts
 * const plan = benchPerturbationPlan(task);
 * plan.applied.map(perturbationLabel); // ['P1 context_truncation', 'P2 corrupted_tool_result', 'P3 api_latency', …]
 * plan.notApplied.map(perturbationLabel); // [] (a name this LoopGym does not know would be listed here)
 * ```
 */
export function benchPerturbationPlan(task: Pick<LoopBenchTaskData, 'perturbations'>): BenchPerturbationPlan {
  const plan: BenchPerturbationPlan = { applied: [], notApplied: [] };
  const seen = new Set<string>();
  for (const { id, name } of task.perturbations) {
    if (seen.has(name)) continue;
    seen.add(name);
    (IMPLEMENTED_PERTURBATIONS.has(name) ? plan.applied : plan.notApplied).push({ id, name });
  }
  return plan;
}

/**
 * The task's perturbations that cannot be applied in this version, as `P2 corrupted_tool_result`.
 *
 * @example
 * ```ts
 * perturbationsNotApplied(task); // ['P6 solar_flare'] for a task naming an unknown perturbation
 * ```
 */
export function perturbationsNotApplied(task: Pick<LoopBenchTaskData, 'perturbations'>): string[] {
  return benchPerturbationPlan(task).notApplied.map(perturbationLabel);
}

/**
 * How a perturbation is written in notes and reports: `P3 api_latency`.
 *
 * @example
 * ```ts
 * perturbationLabel({ id: 'P5', name: 'budget_minus_one' }); // 'P5 budget_minus_one'
 * ```
 */
export function perturbationLabel(perturbation: BenchPerturbation): string {
  return `${perturbation.id} ${perturbation.name}`;
}

/**
 * What a scored task's notes say about its perturbations: those run, those not applied, and how its robustness was
 * computed (`formula` from the perturbed runs; the seed-spread proxy without any).
 *
 * @example
 * ```ts
 * perturbationNotes('LB-CR-1', ['P3 api_latency', …], ['P2 corrupted_tool_result'], 'les-2.4', true);
 * // ['LB-CR-1: perturbed runs under P3 api_latency, …; robustness from them against the clean runs (LES §2.4).', …]
 * ```
 */
export function perturbationNotes(
  taskId: string,
  applied: readonly string[],
  skipped: readonly string[],
  formula: 'les-2.4' | 'degradation' | undefined,
  perturbations: boolean | undefined,
): string[] {
  const notes: string[] = [];
  if (applied.length > 0) {
    notes.push(
      `${taskId}: perturbed runs under ${applied.join(', ')}; robustness from them against the clean runs (` +
        (formula === 'les-2.4'
          ? 'LES §2.4).'
          : "les-compute.md's 1 − mean degradation: fewer than the 3 perturbations LES §2.4 needs)."),
    );
  }
  if (skipped.length > 0) {
    notes.push(
      perturbations === false
        ? `${taskId}: perturbations not run (perturbations off): ${skipped.join(', ')}; robustness is the seed-spread proxy of les-compute.md.`
        : `${taskId}: perturbations not applied (not implemented in this LoopGym): ${skipped.join(', ')}` +
            (applied.length === 0 ? '; robustness is the seed-spread proxy of les-compute.md.' : '.'),
    );
  }
  if (applied.length === 0 && skipped.length === 0)
    notes.push(
      `${taskId}: the task lists no perturbations; robustness is the seed-spread proxy of les-compute.md.`,
    );
  return notes;
}
