// A LoopBench run measured from its events: goal trace, cost, clock, safety and people, as a RunRecord.
import type { LoopProgram } from '../lss/compile/loop-program.js';
import type { LoopEvent } from '../loop/events/loop-event.js';
import { readEpisodeFacts, toGoal, type EpisodeFacts } from '../loopnet/export/episode-facts.js';
import { toLoopNetTermination } from '../loopnet/export/termination-mapping.js';
import type { OracleGrade } from './grade-with-oracle.js';
import type { LoopBenchTaskData } from './loopbench-task-schema.js';
import { round4, type MeasuredRun } from './score-bench.js';

/** What a run is measured against. */
export interface BenchRunContext {
  task: LoopBenchTaskData;
  instanceId: string;
  seed: number;
  /** The metric the goal is read from. */
  metric: string;
  /** The task budget that stopped the run, if one did. */
  stoppedBy: string | undefined;
  /** The task's oracle on the run's final answer, when its oracle has deterministic checks that can judge it. */
  oracle?: OracleGrade | undefined;
}

/**
 * One run measured from its events: the goal trace (the goal metric each iteration, the previous value when it
 * produced none; the final goal at most the task oracle's score when there is one), the cost of each iteration, the
 * episode clock, violations and people's decisions. A run succeeds when it met its goal and its oracle's checks
 * passed. Nothing comes from the spec's declared limits.
 *
 * @example
 * ```ts
 * const run = measureBenchRun(env.program, events, { task, instanceId: 'cr-001', seed: 0, metric, stoppedBy });
 * run.record.goal_trace; // [0.55, 0.72, 0.86]
 * ```
 */
export function measureBenchRun(
  program: LoopProgram,
  events: readonly LoopEvent[],
  context: BenchRunContext,
): MeasuredRun {
  const facts = readEpisodeFacts(program, events);
  const goalTrace = goalTraceOf(program, facts, context.metric).map(round4);
  // The oracle has the last word on the final answer: the final goal is at most its score.
  const oracle = context.oracle;
  if (oracle !== undefined && goalTrace.length > 0)
    goalTrace[goalTrace.length - 1] = Math.min(goalTrace.at(-1)!, round4(oracle.score));
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
      success:
        goalFinal >= context.task.goal.g_target && termination === 'goal_met' && oracle?.passed !== false,
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
