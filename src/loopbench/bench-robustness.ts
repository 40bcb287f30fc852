// Robustness of a LoopBench task from its perturbed runs against its clean runs (LES §2.4, les-compute.md).
import { robustnessScore, type PerturbationResult } from '../les/les-formulas.js';
import { clampUnit } from '../les/les-weights.js';
import { perturbationLabel, type BenchPerturbation } from './bench-perturbations.js';
import type { LoopBenchTaskData } from './loopbench-task-schema.js';
import { round4, type MeasuredRun } from './score-bench.js';

/** The runs of one perturbation: every primary instance × seed, as the clean runs. */
export interface PerturbedRuns {
  perturbation: BenchPerturbation;
  runs: MeasuredRun[];
}

/** What one perturbation did, over all the task's instances. */
export interface PerturbationEffect {
  /** `P5 budget_minus_one`. */
  perturbation: string;
  /** Mean `g_final` of the clean runs. */
  cleanGoal: number;
  /** Mean `g_final` of the perturbed runs. */
  perturbedGoal: number;
  /** `1 − perturbedGoal / cleanGoal` (0 when the clean goal is 0; negative when the perturbation helped). */
  degradation: number;
  cleanSuccess: number;
  perturbedSuccess: number;
}

/** A task's robustness from perturbed runs. */
export interface BenchRobustness {
  /**
   * `les-2.4`: LES §2.4 over ≥ 3 perturbations (`0.6 × (1 − mean degradation) + 0.4 × (1 − mean min(R_p / T_budget,
   * 1))`, normalized 0.3–0.95); `degradation`: with fewer, les-compute.md's `clamp(1 − mean degradation, 0, 1)`.
   */
  formula: 'les-2.4' | 'degradation';
  /** Robustness of each primary instance, given to each of its clean runs. */
  byInstance: Map<string, number>;
  effects: PerturbationEffect[];
}

/**
 * Robustness per primary instance from the perturbed runs against the clean runs of the same instance.
 * `G_clean` is the mean `g_final` of the instance's clean runs, `G_perturbed_p` that of its runs under `p`, and
 * `R_p` the mean over seeds of the extra iterations the perturbed run needed to reach the clean run's final goal (of
 * the same seed), `T_budget` when it never did. With 3 perturbations or more this is LES §2.4 (`robustnessScore`);
 * with fewer, LES's "minimum 3" is not met and les-compute.md's `clamp(1 − mean degradation, 0, 1)` is used.
 * Undefined without perturbed runs.
 *
 * @example
 * ```ts
 * const robustness = perturbedRobustness(task, cleanRuns, [{ perturbation: { id: 'P5', name: 'budget_minus_one' }, runs }]);
 * robustness?.byInstance.get('cr-001'); // 0.83
 * ```
 */
export function perturbedRobustness(
  task: Pick<LoopBenchTaskData, 'budget'>,
  clean: readonly MeasuredRun[],
  perturbed: readonly PerturbedRuns[],
): BenchRobustness | undefined {
  if (perturbed.length === 0 || clean.length === 0) return undefined;
  const budget = task.budget.iteration_budget;
  const formula = perturbed.length >= 3 ? 'les-2.4' : 'degradation';
  const byInstance = new Map<string, number>();
  for (const instance of new Set(clean.map((run) => run.record.task_instance_id))) {
    const cleanRuns = clean.filter((run) => run.record.task_instance_id === instance);
    const goalClean = meanFinal(cleanRuns);
    const results: PerturbationResult[] = perturbed.map(({ runs }) => {
      const instanceRuns = runs.filter((run) => run.record.task_instance_id === instance);
      return {
        goal: meanFinal(instanceRuns),
        recoveryIterations: mean(
          instanceRuns.map((run) =>
            recoveryIterations(
              cleanRuns.find((candidate) => candidate.record.seed === run.record.seed) ?? cleanRuns[0]!,
              run,
              budget,
            ),
          ),
        ),
      };
    });
    const score =
      formula === 'les-2.4'
        ? robustnessScore(goalClean, results, budget)!
        : clampUnit(1 - mean(results.map((result) => degradation(goalClean, result.goal))));
    byInstance.set(instance, round4(score));
  }
  const cleanGoal = meanFinal(clean);
  const effects = perturbed.map(({ perturbation, runs }) => ({
    perturbation: perturbationLabel(perturbation),
    cleanGoal: round4(cleanGoal),
    perturbedGoal: round4(meanFinal(runs)),
    degradation: round4(degradation(cleanGoal, meanFinal(runs))),
    cleanSuccess: round4(successRate(clean)),
    perturbedSuccess: round4(successRate(runs)),
  }));
  return { formula, byInstance, effects };
}

/**
 * `R_p` for one seed: how many more iterations than the clean run the perturbed run needed to reach the clean run's
 * final goal; `budget` when it never reached it.
 */
function recoveryIterations(clean: MeasuredRun, perturbed: MeasuredRun, budget: number): number {
  const target = clean.record.g_final;
  const cleanReached = clean.record.goal_trace.findIndex((goal) => goal >= target);
  const perturbedReached = perturbed.record.goal_trace.findIndex((goal) => goal >= target - 1e-9);
  if (perturbedReached < 0) return budget;
  return Math.max(0, perturbedReached - Math.max(cleanReached, 0));
}

function degradation(goalClean: number, goalPerturbed: number): number {
  return goalClean > 0 ? 1 - goalPerturbed / goalClean : 0;
}

function meanFinal(runs: readonly MeasuredRun[]): number {
  return mean(runs.map((run) => run.record.g_final));
}

function successRate(runs: readonly MeasuredRun[]): number {
  return mean(runs.map((run) => (run.record.success ? 1 : 0)));
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
