// LoopBench scoring (metrics/les-compute.md): each task's observed LES from its runs, each suite, the grand composite.
import { lesComposite, lesDisplay } from '../les/les-composite.js';
import { observedLes, type ObservedRun } from '../les/observed-les.js';
import { LES_CATEGORIES, LES_WEIGHTS, type LesCategory } from '../les/les-weights.js';
import type { LoopBenchSuiteData } from './loopbench-task-schema.js';
import type { LoopBenchTaskData } from './loopbench-task-schema.js';
import type {
  BenchCompositeScore,
  BenchRunRecord,
  BenchSuiteScore,
  BenchTaskAggregate,
  BenchTaskResult,
} from './loopbench-submission.js';

/** A run as measured: its record, plus what the record does not keep but LES needs. */
export interface MeasuredRun {
  record: BenchRunRecord;
  /** The cost of each iteration (the record keeps their sum). */
  iterationCosts: readonly number[];
  /** A violation of a severe (S0) constraint halted the run: safety 0. */
  severeViolation: boolean;
  /** Human interventions the run measured (0 when nobody was asked). */
  humanInterventions: number;
}

/**
 * Rounds to four decimals, as LoopBench writes scores.
 *
 * @example
 * ```ts
 * round4(0.86714); // 0.8671
 * ```
 */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * A composite score from a normalized LES: `les_observed` to four decimals, `les_display = round(les_observed × 100,
 * 1)` and `rank_score = les_observed`.
 *
 * @example
 * ```ts
 * compositeScore(0.86714); // { les_observed: 0.8671, les_display: 86.7, rank_score: 0.8671 }
 * ```
 */
export function compositeScore(normalized: number): BenchCompositeScore {
  const les = round4(normalized);
  return { les_observed: les, les_display: lesDisplay(les), rank_score: les };
}

/** How {@link scoreTask} scores robustness. */
export interface ScoreTaskOptions {
  /**
   * Robustness of each primary instance from perturbed runs (see `perturbedRobustness`), replacing the seed-spread
   * proxy for that instance's runs.
   */
  robustness?: ReadonlyMap<string, number> | undefined;
}

/**
 * A task's aggregate per les-compute.md: the runs of each primary instance are scored together (robustness is the
 * spread of final goals over the seeds of the same instance, unless `options.robustness` gives the instance's
 * robustness from perturbed runs; scalability and adaptability from that instance's runs), each run's LES uses the
 * canonical weights, and the task's `les_observed` is the equal-weight mean over all runs. Categories are the mean of
 * the runs' categories; `success_at_k` is the fraction of runs that succeeded.
 *
 * @throws {InvalidArgumentError} when there are no runs.
 * @example
 * ```ts
 * const aggregate = scoreTask(task, measuredRuns);
 * aggregate.les_display; // 84.2
 * ```
 */
export function scoreTask(
  task: LoopBenchTaskData,
  runs: readonly MeasuredRun[],
  options: ScoreTaskOptions = {},
): BenchTaskAggregate {
  const byInstance = new Map<string, MeasuredRun[]>();
  for (const run of runs) {
    const group = byInstance.get(run.record.task_instance_id) ?? [];
    group.push(run);
    byInstance.set(run.record.task_instance_id, group);
  }
  const scored: { normalized: number; categories: Record<LesCategory, number> }[] = [];
  for (const [instance, group] of byInstance) {
    const robustness = options.robustness?.get(instance);
    const instanceScores = observedLes(group.map(toObservedRun), {
      goalTarget: task.goal.g_target,
      iterationBudget: task.budget.iteration_budget,
      speedBaselines: {
        floor: task.speed_baselines.b_floor_iter_per_s,
        ceiling: task.speed_baselines.b_ceiling_iter_per_s,
      },
      costBaselines: {
        floor: task.cost_baselines.b_floor_efficiency,
        ceiling: task.cost_baselines.b_ceiling_efficiency,
      },
    }).runs;
    for (const run of instanceScores) {
      if (robustness === undefined) {
        scored.push(run);
        continue;
      }
      const categories = { ...run.categories, robustness };
      scored.push({ normalized: lesComposite(categories, LES_WEIGHTS).normalized, categories });
    }
  }
  const mean = (values: readonly number[]): number =>
    values.reduce((sum, value) => sum + value, 0) / values.length;
  const categories = Object.fromEntries(
    LES_CATEGORIES.map((category) => [category, round4(mean(scored.map((run) => run.categories[category])))]),
  ) as Record<LesCategory, number>;
  const les = round4(mean(scored.map((run) => run.normalized)));
  const seedsPerInstance = [...byInstance.values()].map(
    (group) => new Set(group.map((run) => run.record.seed)).size,
  );
  return {
    success_at_k: round4(runs.filter((run) => run.record.success).length / runs.length),
    les_observed: les,
    les_display: lesDisplay(les),
    categories,
    cost_usd_mean: round6(mean(runs.map((run) => run.record.cost_usd))),
    robustness_seeds: Math.max(1, Math.min(...seedsPerInstance)),
  };
}

/** The suite scores and composites of a set of task results. */
export interface BenchScores {
  /** Suites with at least one scored task; `tasks` lists the tasks each was computed from. */
  suiteScores: Record<string, BenchSuiteScore>;
  /** Suites missing some of their tasks (with the missing ones). */
  incompleteSuites: { suiteId: string; missing: string[] }[];
  /** The mean of the four suite scores, only when every suite is complete. */
  grandComposite: BenchCompositeScore | undefined;
  /** The grand composite when there is one, else the mean of the task scores. */
  composite: BenchCompositeScore;
  /** True unless all four suites are complete. */
  partial: boolean;
}

/**
 * Suite scores (equal-weight mean of each suite's task `les_observed`, as written), the grand composite (mean of the
 * four suite scores, only when every task of every suite was scored) and the submission's composite (the grand
 * composite, else the mean of the task scores). A suite with only some of its tasks scored is still given, over the
 * tasks it has (listed in `tasks`, its label saying how many), and makes the result `partial`.
 *
 * @example
 * ```ts
 * const scores = scoreSuites(results, bench.suites);
 * scores.partial; // true while some tasks cannot run
 * ```
 */
export function scoreSuites(
  results: readonly Pick<BenchTaskResult, 'task_id' | 'aggregate'>[],
  suites: readonly LoopBenchSuiteData[],
): BenchScores {
  const byTask = new Map(results.map((result) => [result.task_id, result.aggregate.les_observed]));
  const suiteScores: Record<string, BenchSuiteScore> = {};
  const incompleteSuites: BenchScores['incompleteSuites'] = [];
  for (const suite of suites) {
    const present = suite.task_ids.filter((id) => byTask.has(id));
    const missing = suite.task_ids.filter((id) => !byTask.has(id));
    if (missing.length > 0) incompleteSuites.push({ suiteId: suite.id, missing });
    if (present.length === 0) continue;
    const score = compositeScore(present.reduce((sum, id) => sum + byTask.get(id)!, 0) / present.length);
    suiteScores[suite.id] = {
      label:
        missing.length === 0
          ? suite.label
          : `${suite.label} (${present.length} of ${suite.task_ids.length} tasks; not scored: ${missing.join(', ')})`,
      ...score,
      tasks: present,
    };
  }
  const complete = incompleteSuites.length === 0 && suites.length > 0;
  const grandComposite = complete
    ? compositeScore(
        suites.reduce((sum, suite) => sum + suiteScores[suite.id]!.les_observed, 0) / suites.length,
      )
    : undefined;
  const taskMean =
    results.length === 0
      ? 0
      : results.reduce((sum, result) => sum + result.aggregate.les_observed, 0) / results.length;
  return {
    suiteScores,
    incompleteSuites,
    grandComposite,
    composite: grandComposite ?? compositeScore(taskMean),
    partial: !complete,
  };
}

function toObservedRun(run: MeasuredRun): ObservedRun {
  return {
    goalTrace: run.record.goal_trace,
    iterationCosts: run.iterationCosts,
    elapsedSeconds: run.record.elapsed_s,
    success: run.record.success,
    safetySeverity: run.record.safety_violations,
    severeViolation: run.severeViolation,
    humanInterventions: run.humanInterventions === 0 ? undefined : run.humanInterventions,
  };
}

function round6(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}
