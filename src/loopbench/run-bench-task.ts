// Runs a submitted spec on one LoopBench task: every primary instance × seed, in the task's environment, with the
// task's budget and goal, clean and under each perturbation the task lists that LoopGym implements, and measures each
// run (goal trace, cost, clock, safety, people) from its events.
import { join } from 'node:path';
import { makeLoopEnv } from '../backends/make-loop-env.js';
import type { ModelOverrides } from '../backends/live/live-backend.js';
import type { LoopProgram } from '../lss/compile/loop-program.js';
import { loadLoopProgramSync } from '../lss/load-loop-program.js';
import { CompositionEnv } from '../loop/composition/composition-env.js';
import { InvalidTaskInputsError } from '../loop/engine/loop-run.js';
import type { LoopEvent } from '../loop/events/loop-event.js';
import type { LoopEnv } from '../loop/gym/loop-env.js';
import { loopbenchDataDirectory } from '../loop/tasks/data-directory.js';
import { loadTaskSetSync } from '../loop/tasks/load-task-set.js';
import type { LoopTask } from '../loop/tasks/loop-task.js';
import { defaultRegistry } from '../registry/default-registry.js';
import { make } from '../registry/make.js';
import { benchPerturbationPlan, type BenchPerturbation } from './bench-perturbations.js';
import type { PerturbedRuns } from './bench-robustness.js';
import type { LoopBenchTaskData } from './loopbench-task-schema.js';
import { measureBenchRun } from './measure-bench-run.js';
import { OracleGrader } from './grade-with-oracle.js';
import { runBenchEpisode, type BenchRunBudget } from './run-bench-episode.js';
import type { MeasuredRun } from './score-bench.js';

/** How {@link runBenchTask} runs. */
export interface RunBenchTaskOptions {
  /** The submitted LSS spec file. */
  spec: string;
  /** `sim` (default) or `live`. */
  backend?: 'sim' | 'live' | undefined;
  /** Models replacing the spec's (live or sim). */
  models?: ModelOverrides | undefined;
  /** Seeds to run (default: the task's `evaluation.seeds`). */
  seeds?: readonly number[] | undefined;
  /**
   * Run the task's implemented perturbations as perturbed episodes (default `true`); `false` runs the clean episodes
   * only.
   */
  perturbations?: boolean | undefined;
  /** Called after each run, with the perturbation it ran under (undefined for a clean run). */
  onRun?: ((run: MeasuredRun, perturbation: BenchPerturbation | undefined) => void) | undefined;
}

/** What running one task gave: its runs, or why it could not run. */
export type BenchTaskOutcome =
  | {
      status: 'scored';
      envId: string;
      /** The clean runs (the submission's). */
      runs: MeasuredRun[];
      /** The runs under each applied perturbation, in the task's order (none with `perturbations: false`). */
      perturbed: PerturbedRuns[];
      notes: string[];
    }
  | { status: 'not-runnable'; envId: string; reason: string; notes: string[] };

/**
 * Whether LoopGym can run a task's environment with a submitted spec: a registered `loopbench/…` environment whose
 * tasks ship with LoopGym. Returns the reason when it cannot.
 *
 * @example
 * ```ts
 * environmentUnavailable('loopbench/rag-retrieval-v1'); // 'environment loopbench/rag-retrieval-v1 is not available'
 * ```
 */
export function environmentUnavailable(envId: string): string | undefined {
  if (!envId.startsWith('loopbench/') || !defaultRegistry.has(envId)) {
    return `environment ${envId} is not available`;
  }
  return undefined;
}

/**
 * Runs the spec on each primary instance of the task once per seed, with the loop's own models acting. The task's
 * budget stops a run the spec would let go on: `iteration_budget` iterations (`max_iterations`), `cost_cap_usd` spent
 * (`cost_exceeded`), `wall_clock_minutes` on the episode's clock (`timeout`; simulated latency in sim, real time
 * live). The goal is the task's `primary_metric` when the spec defines a metric of that name, else the spec's primary
 * metric (said in `notes`). Then the same runs again under each perturbation the task lists that LoopGym implements,
 * one at a time, through `makeLoopEnv`'s `perturbations` (`budget_minus_one` also lowers the task's iteration budget
 * by one: P5 is "budget minus one"). The environment is looked up when the task runs, so a newly registered one is
 * used at once. A task whose environment does not exist, or whose instances the spec cannot take (its inputs do not
 * fit; a spec without `composition` on a composition's tasks), is `not-runnable` with the reason.
 *
 * @example
 * ```ts
 * const outcome = await runBenchTask(task, { spec: 'my-loop.yaml', seeds: [0, 1] });
 * if (outcome.status === 'scored') outcome.runs.length; // 3 instances × 2 seeds
 * if (outcome.status === 'scored') outcome.perturbed.map((entry) => entry.perturbation.name); // ['context_truncation', …]
 * ```
 */
export async function runBenchTask(
  task: LoopBenchTaskData,
  options: RunBenchTaskOptions,
): Promise<BenchTaskOutcome> {
  const envId = task.loopgym_env;
  const notes: string[] = [];
  const unavailable = environmentUnavailable(envId);
  if (unavailable !== undefined) return { status: 'not-runnable', envId, reason: unavailable, notes };
  const available = loadTaskSetSync(loopbenchDataDirectory(envId.slice('loopbench/'.length))).tasks;
  const instances: LoopTask[] = [];
  for (const id of task.evaluation.primary_instances) {
    const instance = available.find((candidate) => candidate.id === id);
    if (instance === undefined) {
      return {
        status: 'not-runnable',
        envId,
        reason: `instance ${id} is not one of ${envId}'s tasks (${available.map((candidate) => candidate.id).join(', ')})`,
        notes,
      };
    }
    instances.push(instance);
  }
  const seeds = options.seeds ?? task.evaluation.seeds;
  const budget: BenchRunBudget = {
    iterations: task.budget.iteration_budget,
    costUsd: task.budget.cost_cap_usd,
    minutes: task.budget.wall_clock_minutes,
  };
  const oracle = new OracleGrader();
  const context: EpisodeSetContext = { task, instances, seeds, options, notes, oracle };
  const clean = await runEpisodeSet(context, undefined, budget);
  // The goal-metric note means nothing for a task that does not run.
  if ('reason' in clean) return { status: 'not-runnable', envId, reason: clean.reason, notes: [] };
  oracleNotes(context);
  const perturbed: PerturbedRuns[] = [];
  if (options.perturbations !== false) {
    for (const perturbation of benchPerturbationPlan(task).applied) {
      const lowered =
        perturbation.name === 'budget_minus_one'
          ? { ...budget, iterations: Math.max(1, budget.iterations - 1) }
          : budget;
      const result = await runEpisodeSet(context, perturbation, lowered);
      if ('reason' in result) {
        notes.push(`${task.id}: ${perturbation.id} ${perturbation.name} could not run: ${result.reason}.`);
        continue;
      }
      perturbed.push({ perturbation, runs: result.runs });
    }
  }
  return { status: 'scored', envId, runs: clean.runs, perturbed, notes };
}

interface EpisodeSetContext {
  task: LoopBenchTaskData;
  instances: readonly LoopTask[];
  seeds: readonly number[];
  options: RunBenchTaskOptions;
  /** The goal-metric note is written once, on the clean set. */
  notes: string[];
  /** Grades final answers with the task's oracle (verdicts kept across the clean and perturbed sets). */
  oracle: OracleGrader;
}

/** Every instance × seed, clean or under one perturbation; or why the spec cannot take the task's instances. */
async function runEpisodeSet(
  context: EpisodeSetContext,
  perturbation: BenchPerturbation | undefined,
  budget: BenchRunBudget,
): Promise<{ runs: MeasuredRun[] } | { reason: string }> {
  const { task, instances, options } = context;
  const env = makeLoopEnv({
    spec: options.spec,
    tasks: [...instances],
    backend: options.backend ?? 'sim',
    ...(options.models === undefined ? {} : { models: options.models }),
    ...(perturbation === undefined ? {} : { perturbations: [perturbation.name] }),
  });
  try {
    const metric = goalMetric(env.program, task, perturbation === undefined ? context.notes : []);
    if (
      perturbation === undefined &&
      !(env instanceof CompositionEnv) &&
      environmentIsComposition(task.loopgym_env)
    ) {
      context.notes.push(
        `${task.id}: ${task.loopgym_env} is a composition; the spec, a single loop that takes its inputs, runs in its place.`,
      );
    }
    const runs: MeasuredRun[] = [];
    for (const instance of instances) {
      for (const seed of context.seeds) {
        let events: LoopEvent[];
        let stoppedBy: string | undefined;
        try {
          ({ events, stoppedBy } = await runBenchEpisode(env, budget, instance.id, seed));
        } catch (error) {
          if (error instanceof InvalidTaskInputsError) return { reason: inputsReason(env, task, error) };
          throw error;
        }
        const run = measureBenchRun(env.program, events, {
          task,
          instanceId: instance.id,
          seed,
          metric,
          stoppedBy,
          oracle: await context.oracle.grade(task, env.program, events, instance),
        });
        runs.push(run);
        options.onRun?.(run, perturbation);
      }
    }
    return { runs };
  } finally {
    await env.close();
  }
}

/**
 * Why the spec cannot take the task's instances: the engine's first problem, and, when the task's environment is a
 * composition and the spec is not, that a single loop cannot stand in for it.
 */
function inputsReason(env: LoopEnv, task: LoopBenchTaskData, error: InvalidTaskInputsError): string {
  const [first = error.message, problem] = error.message.split('\n');
  const detail = `${first.replace(/:$/, '')}${problem === undefined ? '' : `: ${problem.trim()}`}`;
  if (!(env instanceof CompositionEnv) && environmentIsComposition(task.loopgym_env)) {
    return (
      `${task.loopgym_env} is a composition (LSS 1.1 \`composition\`: child loops and a merge) and its instances are ` +
      `a composition's; a spec without \`composition\` cannot stand in for it (${detail}). Submit a composition spec ` +
      `(see docs/composition.md) to score this task`
    );
  }
  return `the spec does not accept the task's inputs (${detail})`;
}

/** Whether the registered environment runs a composition (its own spec composes child loops). */
function environmentIsComposition(envId: string): boolean {
  try {
    const env = make(envId);
    const composed = env.unwrapped instanceof CompositionEnv;
    void env.close();
    return composed;
  } catch {
    return false;
  }
}

/**
 * What the notes say of the task's oracle after the clean runs: the checks applied to final answers, those that could
 * not judge the environment's tasks, and those LoopGym does not know.
 */
function oracleNotes(context: EpisodeSetContext): void {
  const { task, oracle, notes } = context;
  const quoted = (checks: readonly string[]): string => checks.map((check) => `\`${check}\``).join(', ');
  const checks = [...oracle.applied];
  for (const [check, why] of oracle.unjudgeable) {
    if (!oracle.applied.has(check))
      notes.push(
        `${task.id}: the task's oracle check \`${check}\` cannot judge this environment's tasks (${why}); not applied.`,
      );
  }
  if (checks.length > 0) {
    notes.push(
      `${task.id}: final answers are graded by the task's oracle checks ${quoted(checks)} too: a run succeeds only when they pass, and its final goal is at most their lowest score.`,
    );
  }
  const environment = loadLoopProgramSync(
    join(loopbenchDataDirectory(task.loopgym_env.slice('loopbench/'.length)), 'spec.yaml'),
  );
  const unknown = oracle.unknownChecks(
    task,
    environment.evaluators.map((evaluator) => evaluator.id),
  );
  if (unknown.length > 0) {
    notes.push(
      `${task.id}: the task's oracle check${unknown.length === 1 ? '' : 's'} ${quoted(unknown)} ${unknown.length === 1 ? 'is' : 'are'} not one LoopGym knows; not applied.`,
    );
  }
}

/** The metric the task's goal is read from: the task's primary metric if the spec has it, else the spec's. */
function goalMetric(program: LoopProgram, task: LoopBenchTaskData, notes: string[]): string {
  const wanted = task.goal.primary_metric;
  if (program.metrics.some((metric) => metric.name === wanted)) return wanted;
  notes.push(
    `${task.id}: the spec defines no metric \`${wanted}\` (the task's primary metric); the goal is read from the spec's primary metric \`${program.primaryMetric}\`.`,
  );
  return program.primaryMetric;
}
