// Runs a submitted spec on one LoopBench task: every primary instance × seed, in the task's environment, with the
// task's budget and goal, and measures each run (goal trace, cost, clock, safety, people) from its events.
import { makeLoopEnv } from '../backends/make-loop-env.js';
import type { ModelOverrides } from '../backends/live/live-backend.js';
import { InvalidArgumentError } from '../core/errors.js';
import type { LoopProgram } from '../lss/compile/loop-program.js';
import { InvalidTaskInputsError } from '../loop/engine/loop-run.js';
import type { EpisodeEndEvent, LoopEvent } from '../loop/events/loop-event.js';
import type { LoopEnv } from '../loop/gym/loop-env.js';
import { loopbenchDataDirectory } from '../loop/tasks/data-directory.js';
import { loadTaskSetSync } from '../loop/tasks/load-task-set.js';
import type { LoopTask } from '../loop/tasks/loop-task.js';
import { readEpisodeFacts, toGoal, type EpisodeFacts } from '../loopnet/export/episode-facts.js';
import { toLoopNetTermination } from '../loopnet/export/termination-mapping.js';
import { defaultRegistry } from '../registry/default-registry.js';
import type { LoopBenchTaskData } from './loopbench-task-schema.js';
import { round4, type MeasuredRun } from './score-bench.js';

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
  /** Called after each run. */
  onRun?: ((run: MeasuredRun) => void) | undefined;
}

/** What running one task gave: its runs, or why it could not run. */
export type BenchTaskOutcome =
  | { status: 'scored'; envId: string; runs: MeasuredRun[]; notes: string[] }
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
 * metric (said in `notes`). A task whose environment does not exist yet, or whose instances the spec cannot take
 * (its inputs do not fit), is `not-runnable` with the reason.
 *
 * @example
 * ```ts
 * const outcome = await runBenchTask(task, { spec: 'my-loop.yaml', seeds: [0, 1] });
 * if (outcome.status === 'scored') outcome.runs.length; // 3 instances × 2 seeds
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
  const env = makeLoopEnv({
    spec: options.spec,
    tasks: instances,
    backend: options.backend ?? 'sim',
    ...(options.models === undefined ? {} : { models: options.models }),
  });
  try {
    const metric = goalMetric(env.program, task, notes);
    const runs: MeasuredRun[] = [];
    for (const instance of instances) {
      for (const seed of options.seeds ?? task.evaluation.seeds) {
        let events: LoopEvent[];
        let stoppedBy: string | undefined;
        try {
          ({ events, stoppedBy } = await runEpisode(env, task, instance.id, seed));
        } catch (error) {
          if (error instanceof InvalidTaskInputsError) {
            return {
              status: 'not-runnable',
              envId,
              reason: `the spec does not accept the task's inputs (${firstLine(error.message)})`,
              notes,
            };
          }
          throw error;
        }
        const run = measureRun(env.program, events, {
          task,
          instanceId: instance.id,
          seed,
          metric,
          stoppedBy,
        });
        runs.push(run);
        options.onRun?.(run);
      }
    }
    return { status: 'scored', envId, runs, notes };
  } finally {
    await env.close();
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

async function runEpisode(
  env: LoopEnv,
  task: LoopBenchTaskData,
  taskId: string,
  seed: number,
): Promise<{ events: LoopEvent[]; stoppedBy: string | undefined }> {
  const events: LoopEvent[] = [];
  const { info } = await env.reset({ seed, options: { taskId } });
  events.push(...info.events);
  let iterations = 0;
  for (;;) {
    const step = await env.step(null);
    events.push(...step.info.events);
    iterations += 1;
    if (step.terminated || step.truncated) return { events, stoppedBy: undefined };
    const stoppedBy = budgetReached(events, iterations, task);
    if (stoppedBy !== undefined) {
      events.push(syntheticEnd(events, iterations, stoppedBy));
      return { events, stoppedBy };
    }
  }
}

/** The task budget a run has used up, if any (checked after each iteration). */
function budgetReached(
  events: readonly LoopEvent[],
  iterations: number,
  task: LoopBenchTaskData,
): string | undefined {
  if (iterations >= task.budget.iteration_budget) return 'max_iterations';
  const cost = events.findLast((event) => event.type === 'cost');
  if (cost?.type === 'cost' && cost.cumulativeUsd >= task.budget.cost_cap_usd) return 'cost_exceeded';
  if ((events.at(-1)?.time ?? 0) >= task.budget.wall_clock_minutes * 60) return 'timeout';
  return undefined;
}

function syntheticEnd(events: readonly LoopEvent[], iterations: number, reason: string): EpisodeEndEvent {
  const last = events.at(-1);
  if (last === undefined) throw new InvalidArgumentError('An episode without events cannot be ended.');
  const cost = events.findLast((event) => event.type === 'cost');
  return {
    type: 'episode-end',
    episodeId: last.episodeId,
    seq: last.seq + 1,
    time: last.time,
    iterations,
    reason: reason as EpisodeEndEvent['reason'],
    outcome: 'truncated',
    primary: null,
    costUsd: cost?.type === 'cost' ? cost.cumulativeUsd : 0,
    tokens: cost?.type === 'cost' ? cost.tokens : 0,
  };
}

interface RunContext {
  task: LoopBenchTaskData;
  instanceId: string;
  seed: number;
  metric: string;
  stoppedBy: string | undefined;
}

/**
 * One run measured from its events: the goal trace (the goal metric each iteration, the previous value when it
 * produced none), the cost of each iteration, the episode clock, violations and people's decisions.
 */
function measureRun(program: LoopProgram, events: readonly LoopEvent[], context: RunContext): MeasuredRun {
  const facts = readEpisodeFacts(program, events);
  const goalTrace = goalTraceOf(program, facts, context.metric).map(round4);
  const severe = new Set(
    program.safety.constraints
      .filter((constraint) => constraint.severity === 'S0')
      .map((constraint) => constraint.id),
  );
  let violations = 0;
  let severeViolation = false;
  let humanInterventions = 0;
  for (const iteration of facts.iterations) {
    violations += iteration.safetyViolations.length;
    for (const violation of iteration.safetyViolations) {
      if (violation.outcome === 'halted' && severe.has(violation.constraintId)) severeViolation = true;
    }
    humanInterventions += iteration.humanDecisions.filter(
      (decision) => decision.decision !== 'timeout',
    ).length;
  }
  const iterationCosts = facts.iterations.map((iteration) => iteration.costUsd);
  const termination = context.stoppedBy ?? toLoopNetTermination(facts.end.reason);
  const goalFinal = goalTrace.at(-1)!;
  return {
    record: {
      task_instance_id: context.instanceId,
      seed: context.seed,
      success: goalFinal >= context.task.goal.g_target && termination === 'goal_met',
      g_final: goalFinal,
      g_0: goalTrace[0]!,
      g_target: context.task.goal.g_target,
      iterations: facts.iterations.length,
      cost_usd: round6(iterationCosts.reduce((sum, cost) => sum + cost, 0)),
      elapsed_s: round4(Math.max(0, events.at(-1)?.time ?? 0)),
      termination_reason: termination,
      safety_violations: violations,
      goal_trace: goalTrace,
    },
    iterationCosts,
    severeViolation,
    humanInterventions,
  };
}

function goalTraceOf(program: LoopProgram, facts: EpisodeFacts, metric: string): number[] {
  if (metric === program.primaryMetric) return facts.iterations.map((iteration) => iteration.goal);
  const unit = program.metrics.find((candidate) => candidate.name === metric)?.unit;
  let goal = 0;
  return facts.iterations.map((iteration) => {
    const value = iteration.metrics[metric];
    if (value !== null && value !== undefined) goal = toGoal(value, unit);
    return goal;
  });
}

function round6(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
