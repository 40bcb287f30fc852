import { describe, expect, it } from 'vitest';
import type { LoopBenchSuiteData, LoopBenchTaskData } from './loopbench-task-schema.js';
import type { BenchTaskAggregate } from './loopbench-submission.js';
import { compositeScore, scoreSuites, scoreTask, type MeasuredRun } from './score-bench.js';

const task = {
  id: 'LB-CR-1',
  goal: { g_target: 0.8, primary_metric: 'primary_quality' },
  budget: { iteration_budget: 6, wall_clock_minutes: 20, cost_cap_usd: 0.6 },
  speed_baselines: { b_floor_iter_per_s: 0.002, b_ceiling_iter_per_s: 0.1 },
  cost_baselines: { b_floor_efficiency: 0.05, b_ceiling_efficiency: 2.0 },
} as unknown as LoopBenchTaskData;

function run(seed: number, goalTrace: number[], iterationCosts: number[], elapsed: number): MeasuredRun {
  const final = goalTrace.at(-1)!;
  return {
    record: {
      task_instance_id: 'cr-001',
      seed,
      success: final >= 0.8,
      g_final: final,
      g_0: goalTrace[0]!,
      g_target: 0.8,
      iterations: goalTrace.length,
      cost_usd: iterationCosts.reduce((sum, cost) => sum + cost, 0),
      elapsed_s: elapsed,
      termination_reason: final >= 0.8 ? 'goal_met' : 'stall',
      safety_violations: 0,
      goal_trace: goalTrace,
    },
    iterationCosts,
    severeViolation: false,
    humanInterventions: 0,
  };
}

describe('scoreTask (les-compute.md by hand)', () => {
  it('scores two runs of one instance', () => {
    // Run A: met (0.9 ≥ 0.8): effectiveness N(1.125) = 1; τ = 40/2 = 20 s → 0.05 it/s → (0.05 − 0.002)/0.098 =
    // 0.489796; cost (0.9 − 0.5)/0.8 = 0.5 → (0.5 − 0.05)/1.95 = 0.230769 (second half dearer: no bonus).
    // Run B: one iteration, short, not improving: 0.6/0.8 × 0.5 = 0.375 → 0; τ = 50 s → 0.02 it/s → 0.183673; no
    // progress → cost 0. Across: robustness 0.6/0.9 = 0.666667; scalability N(0.75/0.8 = 0.9375) = 1; adaptability
    // min(0.5/0.8, 1) = 0.625; safety and autonomy 1.
    // LES A = 0.2·1 + 0.15·0.489796 + 0.12·0.230769 + 0.13·0.666667 + 0.1·1 + 0.12·1 + 0.1·0.625 + 0.08·1 = 0.750328
    // LES B = 0.15·0.183673 + 0.13·0.666667 + 0.1 + 0.12 + 0.0625 + 0.08 = 0.476718; task = mean = 0.613523.
    const aggregate = scoreTask(task, [run(0, [0.5, 0.9], [0.3, 0.5], 40), run(1, [0.6], [0.2], 50)]);
    expect(aggregate).toEqual<BenchTaskAggregate>({
      success_at_k: 0.5,
      les_observed: 0.6135,
      les_display: 61.4,
      categories: {
        effectiveness: 0.5,
        speed: 0.3367,
        cost: 0.1154,
        robustness: 0.6667,
        scalability: 1,
        safety: 1,
        adaptability: 0.625,
        autonomy: 1,
      },
      cost_usd_mean: 0.5,
      robustness_seeds: 2,
    });
  });

  it('takes robustness over the seeds of each instance, not across instances', () => {
    const first = run(0, [0.9], [0.1], 10);
    const second = {
      ...run(0, [0.45], [0.1], 10),
      record: { ...run(0, [0.45], [0.1], 10).record, task_instance_id: 'cr-002' },
    };
    // Each instance alone has one seed: robustness 1 each (across them it would be 0.5).
    expect(scoreTask(task, [first, second]).categories.robustness).toBe(1);
  });
});

describe('scoreSuites', () => {
  const suites = [
    { id: 'suite-a', label: 'A', task_ids: ['LB-CR-1', 'LB-RS-1'], primary_les_stress: [] },
    { id: 'suite-b', label: 'B', task_ids: ['LB-MA-1'], primary_les_stress: [] },
  ] as LoopBenchSuiteData[];
  const result = (taskId: string, les: number) => ({
    task_id: taskId,
    aggregate: { les_observed: les } as BenchTaskAggregate,
  });

  it('gives the grand composite as the mean of the suite means when every suite is complete', () => {
    const scores = scoreSuites(
      [result('LB-CR-1', 0.8), result('LB-RS-1', 0.6), result('LB-MA-1', 0.5)],
      suites,
    );
    expect(scores.suiteScores['suite-a']).toEqual({
      label: 'A',
      les_observed: 0.7,
      les_display: 70,
      rank_score: 0.7,
      tasks: ['LB-CR-1', 'LB-RS-1'],
    });
    expect(scores.suiteScores['suite-b']?.les_observed).toBe(0.5);
    // (0.7 + 0.5) / 2 = 0.6, not the task mean 0.6333.
    expect(scores.grandComposite).toEqual({ les_observed: 0.6, les_display: 60, rank_score: 0.6 });
    expect(scores.composite).toEqual(scores.grandComposite);
    expect(scores.partial).toBe(false);
  });

  it('scores an incomplete suite over the tasks it has, without a grand composite', () => {
    const scores = scoreSuites([result('LB-CR-1', 0.8), result('LB-MA-1', 0.5)], suites);
    expect(scores.suiteScores['suite-a']).toMatchObject({ les_observed: 0.8, tasks: ['LB-CR-1'] });
    expect(scores.suiteScores['suite-a']?.label).toContain('not scored: LB-RS-1');
    expect(scores.grandComposite).toBeUndefined();
    expect(scores.composite.les_observed).toBe(0.65);
    expect(scores.partial).toBe(true);
    expect(scores.incompleteSuites).toEqual([{ suiteId: 'suite-a', missing: ['LB-RS-1'] }]);
  });

  it('rounds like LoopBench', () => {
    expect(compositeScore(0.86714)).toEqual({ les_observed: 0.8671, les_display: 86.7, rank_score: 0.8671 });
  });
});
