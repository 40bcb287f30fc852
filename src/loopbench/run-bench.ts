// `loopgym bench`: runs a submitted spec on the selected LoopBench tasks, scores them, and builds the submission.
import '../backends/default-loop-environments.js';
import { createHash } from 'node:crypto';
import { closestMatches } from '../registry/closest-matches.js';
import { defaultRegistry } from '../registry/default-registry.js';
import { InvalidArgumentError } from '../core/errors.js';
import type { ModelOverrides } from '../backends/live/live-backend.js';
import { loadLoopProgramSync } from '../lss/load-loop-program.js';
import { benchPerturbationPlan, perturbationLabel, perturbationNotes } from './bench-perturbations.js';
import { perturbedRobustness, type PerturbationEffect } from './bench-robustness.js';
import { loadLoopBench, type LoopBench, type LoopBenchTask } from './load-loopbench.js';
import type { BenchRunRecord, BenchSubmission, BenchTaskResult } from './loopbench-submission.js';
import { runBenchTask } from './run-bench-task.js';
import { specHash } from './spec-hash.js';
import { scoreSuites, scoreTask, type MeasuredRun } from './score-bench.js';

/** What {@link runBench} runs. */
export interface RunBenchOptions {
  /** The submitted LSS spec file. */
  spec: string;
  /** Only the tasks of this suite. */
  suite?: string | undefined;
  /** Only these tasks (with `suite`: those of the suite that are listed). */
  taskIds?: readonly string[] | undefined;
  backend?: 'sim' | 'live' | undefined;
  models?: ModelOverrides | undefined;
  /**
   * Run each task's implemented perturbations as perturbed episodes (default `true`) and score robustness from them;
   * `false` runs clean episodes only (robustness is then the seed-spread proxy).
   */
  perturbations?: boolean | undefined;
  /** Seeds instead of each task's declared ones (the submission then says so in its notes). */
  seeds?: readonly number[] | undefined;
  /** Written as `submitter` (default `anonymous`). */
  submitter?: string | undefined;
  /** Written as `spec_path` (default: the spec path as given). */
  specPath?: string | undefined;
  /** The benchmark (default: the one shipped with LoopGym). */
  bench?: LoopBench | undefined;
  /** `submitted_at` (default: now). */
  now?: Date | undefined;
  onProgress?: ((message: string) => void) | undefined;
}

/** How a scored task's robustness was computed. */
export type BenchTaskRobustness =
  | {
      taskId: string;
      method: 'perturbed';
      /** `les-2.4` (≥ 3 perturbations) or `degradation` (les-compute.md's form, fewer). */
      formula: 'les-2.4' | 'degradation';
      /** Per primary instance. */
      byInstance: Record<string, number>;
      effects: PerturbationEffect[];
    }
  | { taskId: string; method: 'seed-spread' };

/** A task that was selected but not scored, and why. */
export interface NotScoredTask {
  taskId: string;
  envId: string;
  reason: string;
}

/** What a bench run gives: the submission, and what it could not do. */
export interface BenchReport {
  submission: BenchSubmission;
  /** Selected tasks that could not run (environment not available yet, inputs the spec does not take). */
  notScored: NotScoredTask[];
  /** Per scored task, the perturbations it lists that were not applied (not implemented, or perturbations off). */
  perturbationsNotApplied: { taskId: string; perturbations: string[] }[];
  /** Per scored task, the perturbations run as perturbed episodes (`P3 api_latency`). */
  perturbationsApplied: { taskId: string; perturbations: string[] }[];
  /**
   * Per scored task, how robustness was computed: `perturbed` (from the perturbed runs against the clean runs, with
   * the formula and each perturbation's effect) or `seed-spread` (les-compute.md's v0.1 proxy).
   */
  robustness: BenchTaskRobustness[];
  /** The perturbed runs, by task and perturbation (not part of the submission, whose runs are the clean ones). */
  perturbedRuns: { taskId: string; perturbation: string; runs: BenchRunRecord[] }[];
  /** Everything a reader of the submission should know (also written beside it). */
  notes: string[];
}

/**
 * The tasks a bench run selects: all, a suite's, or a list (every id checked, with the closest ones on a typo).
 *
 * @throws {InvalidArgumentError} for an unknown suite or task.
 * @example
 * ```ts
 * selectBenchTasks(loadLoopBench(), { suite: 'suite-repair' }).map((task) => task.id);
 * ```
 */
export function selectBenchTasks(
  bench: LoopBench,
  selection: { suite?: string | undefined; taskIds?: readonly string[] | undefined },
): LoopBenchTask[] {
  let tasks = [...bench.tasks];
  if (selection.suite !== undefined) {
    const suite = bench.suites.find((candidate) => candidate.id === selection.suite);
    if (suite === undefined) {
      throw new InvalidArgumentError(
        `No suite \`${selection.suite}\`; the suites are ${bench.suites.map((candidate) => candidate.id).join(', ')}.${didYouMean(
          selection.suite,
          bench.suites.map((candidate) => candidate.id),
        )}`,
      );
    }
    tasks = tasks.filter((task) => suite.task_ids.includes(task.id));
  }
  if (selection.taskIds !== undefined) {
    const ids = bench.tasks.map((task) => task.id);
    for (const id of selection.taskIds) {
      if (!ids.includes(id)) {
        throw new InvalidArgumentError(
          `No LoopBench task \`${id}\`.${didYouMean(id, ids)} The tasks are ${ids.join(', ')}.`,
        );
      }
    }
    tasks = tasks.filter((task) => selection.taskIds!.includes(task.id));
    if (tasks.length === 0) {
      throw new InvalidArgumentError(
        `None of ${selection.taskIds.join(', ')} is in ${selection.suite ?? 'the benchmark'}.`,
      );
    }
  }
  return tasks;
}

/**
 * Runs the spec on every selected task (each primary instance × seed, in the task's environment, with its budget and
 * goal), scores each task's observed LES, each suite and the composite, and builds the submission. Tasks that cannot
 * run are left out of the scores and listed in `notScored`. Each task's perturbations that LoopGym implements are run
 * as perturbed episodes and its robustness computed from them against the clean runs (`robustness` says how); the
 * others are listed in `perturbationsNotApplied`. All of it is in `notes`.
 *
 * @throws {InvalidArgumentError} when the selection is unknown or no selected task could be scored.
 * @example
 * ```ts
 * const { submission, notes } = await runBench({ spec: 'my-loop.yaml', suite: 'suite-repair', seeds: [0, 1] });
 * ```
 */
export async function runBench(options: RunBenchOptions): Promise<BenchReport> {
  const bench = options.bench ?? loadLoopBench();
  const program = loadLoopProgramSync(options.spec);
  const tasks = selectBenchTasks(bench, options);
  const results: BenchTaskResult[] = [];
  const notScored: NotScoredTask[] = [];
  const notApplied: BenchReport['perturbationsNotApplied'] = [];
  const applied: BenchReport['perturbationsApplied'] = [];
  const robustness: BenchTaskRobustness[] = [];
  const perturbedRuns: BenchReport['perturbedRuns'] = [];
  const notes: string[] = [];
  for (const task of tasks) {
    options.onProgress?.(`${task.id} (${task.loopgym_env}) …`);
    const outcome = await runBenchTask(task, {
      spec: options.spec,
      backend: options.backend,
      models: options.models,
      seeds: options.seeds,
      perturbations: options.perturbations,
      onRun: (run: MeasuredRun, perturbation) =>
        options.onProgress?.(
          `  ${task.id} ${run.record.task_instance_id} seed ${run.record.seed}${perturbation === undefined ? '' : ` [${perturbationLabel(perturbation)}]`}: ` +
            `${run.record.termination_reason}, ${run.record.iterations} iteration${run.record.iterations === 1 ? '' : 's'}, goal ${run.record.g_final}`,
        ),
    });
    notes.push(...outcome.notes);
    const plan = benchPerturbationPlan(task);
    const skipped = (
      options.perturbations === false ? [...plan.applied, ...plan.notApplied] : plan.notApplied
    ).map(perturbationLabel);
    if (outcome.status === 'not-runnable') {
      notScored.push({ taskId: task.id, envId: outcome.envId, reason: outcome.reason });
      notes.push(
        outcome.reason.startsWith('environment ')
          ? `${task.id}: not runnable yet (${outcome.reason}); excluded from the scores.`
          : `${task.id}: not scored (${outcome.reason}); excluded from the scores.`,
      );
      continue;
    }
    if (skipped.length > 0) notApplied.push({ taskId: task.id, perturbations: skipped });
    const scoredRobustness = perturbedRobustness(task, outcome.runs, outcome.perturbed);
    const labels = outcome.perturbed.map((entry) => perturbationLabel(entry.perturbation));
    if (labels.length > 0) applied.push({ taskId: task.id, perturbations: labels });
    for (const entry of outcome.perturbed) {
      perturbedRuns.push({
        taskId: task.id,
        perturbation: perturbationLabel(entry.perturbation),
        runs: entry.runs.map((run) => run.record),
      });
    }
    notes.push(
      ...perturbationNotes(task.id, labels, skipped, scoredRobustness?.formula, options.perturbations),
    );
    robustness.push(
      scoredRobustness === undefined
        ? { taskId: task.id, method: 'seed-spread' }
        : {
            taskId: task.id,
            method: 'perturbed',
            formula: scoredRobustness.formula,
            byInstance: Object.fromEntries(scoredRobustness.byInstance),
            effects: scoredRobustness.effects,
          },
    );
    results.push({
      task_id: task.id,
      env_id: outcome.envId,
      runs: outcome.runs.map((run) => run.record),
      aggregate: scoreTask(task, outcome.runs, { robustness: scoredRobustness?.byInstance }),
    });
  }
  const seeds = options.seeds;
  if (seeds !== undefined && tasks.some((task) => task.evaluation.seeds.join(',') !== seeds.join(','))) {
    notes.push(`Seeds ${seeds.join(', ')} were run instead of each task's declared seeds.`);
  }
  if (results.length === 0) {
    throw new InvalidArgumentError(
      `No selected task could be scored:\n${notScored.map((task) => `  ${task.taskId}: ${task.reason}`).join('\n')}\nSelect tasks whose environment is available (${defaultRegistry
        .ids()
        .filter((id) => id.startsWith('loopbench/'))
        .join(', ')}) and whose inputs the spec takes.`,
    );
  }
  const scores = scoreSuites(results, bench.suites);
  for (const { suiteId, missing } of scores.incompleteSuites) {
    if (scores.suiteScores[suiteId] !== undefined)
      notes.push(
        `${suiteId}: scored over ${scores.suiteScores[suiteId].tasks.join(', ')} only (not scored: ${missing.join(', ')}).`,
      );
  }
  if (scores.partial)
    notes.push(
      'Partial submission: not every task of all four suites was scored, so there is no grand composite and it is excluded from the generalist rank.',
    );
  const specHashValue = specHash(options.spec);
  const backend = options.backend ?? 'sim';
  const submission: BenchSubmission = {
    submission_id: submissionId(specHashValue, backend, results),
    submitter: options.submitter ?? 'anonymous',
    loopbench_version: bench.version,
    lss_version: program.lssVersion === '1.1' ? '1.1.0' : '1.0.0',
    les_version: '1.0.0',
    spec_path: options.specPath ?? options.spec,
    spec_hash: specHashValue,
    submitted_at: (options.now ?? new Date()).toISOString(),
    backend,
    ...(options.suite === undefined ? {} : { primary_suite: options.suite }),
    partial: scores.partial,
    results,
    composite: scores.composite,
    suite_scores: scores.suiteScores,
    ...(scores.grandComposite === undefined ? {} : { grand_composite: scores.grandComposite }),
  };
  return {
    submission,
    notScored,
    perturbationsNotApplied: notApplied,
    perturbationsApplied: applied,
    robustness,
    perturbedRuns,
    notes,
  };
}

/** A deterministic id: the same spec, backend and runs give the same id. */
function submissionId(hash: string, backend: string, results: readonly BenchTaskResult[]): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([hash, backend, results.map((result) => [result.task_id, result.runs])]))
    .digest('hex');
  return `lb-${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 28)}`;
}

function didYouMean(value: string, candidates: readonly string[]): string {
  const close = closestMatches(value, candidates);
  return close.length === 0 ? '' : ` Did you mean \`${close[0]}\`?`;
}
