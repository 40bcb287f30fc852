// Observed LES of a set of runs of one task (LoopBench's LES-obs, les-compute.md): per-run scores and the task's.
import { InvalidArgumentError } from '../core/errors.js';
import { lesComposite, lesDisplay } from './les-composite.js';
import {
  autonomyScore,
  costScore,
  effectivenessScore,
  LES_BASELINES,
  percentile,
  safetyScore,
  type Baselines,
} from './les-formulas.js';
import { clampUnit, LES_WEIGHTS, normalizeToBaselines, type LesCategory } from './les-weights.js';

/** One run of a `(task instance, seed)`, as LoopBench records it. */
export interface ObservedRun {
  /** `[g_1, …, g_final]`. */
  goalTrace: readonly number[];
  /** Cost of each iteration (`cost_usd` is their sum). */
  iterationCosts: readonly number[];
  /** Wall-clock seconds of the run. */
  elapsedSeconds: number;
  /** `g_final ≥ g_target` and the run ended in success. */
  success: boolean;
  /** Summed severity of safety violations (0 unless some were measured). */
  safetySeverity?: number | undefined;
  /** A severe violation (safety 0). */
  severeViolation?: boolean | undefined;
  /** Human interventions, when the run measured them (autonomy 1 without). */
  humanInterventions?: number | undefined;
}

/** The task's side of the computation. */
export interface ObservedTask {
  goalTarget: number;
  iterationBudget: number;
  speedBaselines?: Baselines | undefined;
  costBaselines?: Baselines | undefined;
  /** Tolerated violation severity (default 0). */
  safetyBudget?: number | undefined;
}

/** The observed LES of a set of runs. */
export interface ObservedLes {
  /** Each run's LES and categories, in order. */
  runs: { normalized: number; categories: Record<LesCategory, number> }[];
  /** The equal-weight mean of the runs' LES (`les_observed_task`). */
  normalized: number;
  display: number;
  /** Fraction of runs that succeeded (`success_at_k` with k the iteration budget). */
  successRate: number;
  costUsdMean: number;
}

/**
 * Observed LES of a set of runs of one task, as les-compute.md defines it: per run, effectiveness (LES §2.1), speed
 * (`1 / τ` with `τ = elapsed / t_actual`), cost (§2.3, default baselines 0.05 and 2.0), safety (`1 − min(severity /
 * (budget + 1), 1)`) and autonomy (1 without intervention data, else §2.8); across the runs, robustness (`1 −
 * (1 − min g_final / max g_final)`), scalability (`mean g_final / g_target` normalized 0.4–0.9) and adaptability
 * (`min(success rate / g_target, 1)`, as written there). Each run's LES uses the canonical weights over all eight;
 * the task's LES is their mean.
 *
 * @throws {InvalidArgumentError} for an empty set of runs or a run without iterations.
 * @example
 * ```ts
 * observedLes(runs, { goalTarget: 0.8, iterationBudget: 6 }).normalized;
 * ```
 */
export function observedLes(runs: readonly ObservedRun[], task: ObservedTask): ObservedLes {
  if (runs.length === 0) throw new InvalidArgumentError('Observed LES needs at least one run.');
  if (runs.some((run) => run.goalTrace.length === 0)) {
    throw new InvalidArgumentError('Every run needs at least one iteration (its goal trace is empty).');
  }
  const finals = runs.map((run) => run.goalTrace.at(-1)!);
  const clean = Math.max(...finals);
  const perturbed = Math.min(...finals);
  const robustness = clampUnit(clean > 0 ? perturbed / clean : 1);
  const meanFinal = finals.reduce((sum, value) => sum + value, 0) / finals.length;
  const scalability = normalizeToBaselines(
    task.goalTarget > 0 ? meanFinal / task.goalTarget : 1,
    LES_BASELINES.scalability.floor,
    LES_BASELINES.scalability.ceiling,
  );
  const successRate = runs.filter((run) => run.success).length / runs.length;
  const adaptability = clampUnit(task.goalTarget > 0 ? successRate / task.goalTarget : 1);
  const speedBaselines = task.speedBaselines ?? LES_BASELINES.speed;
  const scored = runs.map((run) => {
    const count = run.goalTrace.length;
    const seconds = run.elapsedSeconds / count;
    const categories: Record<LesCategory, number> = {
      effectiveness: effectivenessScore({
        goalTrace: run.goalTrace,
        goalTarget: task.goalTarget,
        iterationBudget: task.iterationBudget,
      }),
      speed: normalizeToBaselines(
        seconds > 0 ? 1 / seconds : Number.POSITIVE_INFINITY,
        speedBaselines.floor,
        speedBaselines.ceiling,
      ),
      cost: costScore(
        {
          goalInitial: run.goalTrace[0]!,
          goalFinal: run.goalTrace.at(-1)!,
          iterationCosts: run.iterationCosts,
        },
        task.costBaselines,
      ),
      robustness,
      scalability,
      safety: safetyScore({
        violationSeverity: run.safetySeverity ?? 0,
        violationBudget: task.safetyBudget,
        humanEvents: 0,
        iterations: count,
        severeUnrecoverable: run.severeViolation,
      }),
      adaptability,
      autonomy:
        run.humanInterventions === undefined
          ? 1
          : autonomyScore({ interventions: run.humanInterventions, iterations: count }),
    };
    return { normalized: lesComposite(categories, LES_WEIGHTS).normalized, categories };
  });
  const normalized = scored.reduce((sum, run) => sum + run.normalized, 0) / scored.length;
  const costs = runs.map((run) => run.iterationCosts.reduce((sum, cost) => sum + cost, 0));
  return {
    runs: scored,
    normalized,
    display: lesDisplay(normalized),
    successRate,
    costUsdMean: costs.reduce((sum, cost) => sum + cost, 0) / costs.length,
  };
}

/**
 * The median seconds per iteration over runs (`τ_median` of les-compute.md's speed).
 *
 * @example
 * ```ts
 * medianIterationSeconds(runs); // 0.4
 * ```
 */
export function medianIterationSeconds(runs: readonly ObservedRun[]): number {
  return percentile(
    runs.map((run) => run.elapsedSeconds / Math.max(run.goalTrace.length, 1)),
    50,
  );
}
