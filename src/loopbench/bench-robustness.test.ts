import { describe, expect, it } from 'vitest';
import {
  benchPerturbationPlan,
  IMPLEMENTED_PERTURBATIONS,
  perturbationsNotApplied,
} from './bench-perturbations.js';
import { perturbedRobustness, type PerturbedRuns } from './bench-robustness.js';
import type { LoopBenchTaskData } from './loopbench-task-schema.js';
import { scoreTask, type MeasuredRun } from './score-bench.js';

const task = {
  id: 'LB-CR-1',
  goal: { g_target: 0.8, primary_metric: 'primary_quality' },
  budget: { iteration_budget: 6, wall_clock_minutes: 20, cost_cap_usd: 0.6 },
  speed_baselines: { b_floor_iter_per_s: 0.002, b_ceiling_iter_per_s: 0.1 },
  cost_baselines: { b_floor_efficiency: 0.05, b_ceiling_efficiency: 2.0 },
  perturbations: [
    { id: 'P1', name: 'context_truncation' },
    { id: 'P2', name: 'corrupted_tool_result' },
    { id: 'P3', name: 'api_latency' },
    { id: 'P4', name: 'model_downgrade' },
    { id: 'P5', name: 'budget_minus_one' },
    { id: 'P5b', name: 'budget_minus_one' },
    { id: 'P6', name: 'solar_flare' },
  ],
} as unknown as LoopBenchTaskData;

function run(seed: number, goalTrace: number[]): MeasuredRun {
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
      cost_usd: 0.01 * goalTrace.length,
      elapsed_s: 20 * goalTrace.length,
      termination_reason: final >= 0.8 ? 'goal_met' : 'max_iterations',
      safety_violations: 0,
      goal_trace: goalTrace,
    },
    iterationCosts: goalTrace.map(() => 0.01),
    severeViolation: false,
    humanInterventions: 0,
  };
}

const clean = [run(0, [0.5, 0.9]), run(1, [0.6, 0.8])];
// Hurts and never recovers: final goals 0.6, below both clean finals.
const hurting: PerturbedRuns = {
  perturbation: { id: 'P4', name: 'model_downgrade' },
  runs: [run(0, [0.5, 0.6]), run(1, [0.4, 0.6])],
};
const harmless: PerturbedRuns = {
  perturbation: { id: 'P3', name: 'api_latency' },
  runs: [run(0, [0.5, 0.9]), run(1, [0.6, 0.8])],
};
// Same final goals, one iteration later.
const slower: PerturbedRuns = {
  perturbation: { id: 'P1', name: 'context_truncation' },
  runs: [run(0, [0.5, 0.7, 0.9]), run(1, [0.6, 0.7, 0.8])],
};

describe('benchPerturbationPlan', () => {
  it('applies the implemented perturbations a task lists, once each, and lists the others', () => {
    const plan = benchPerturbationPlan(task);
    expect(plan.applied.map((entry) => entry.name)).toEqual([
      'context_truncation',
      'corrupted_tool_result',
      'api_latency',
      'model_downgrade',
      'budget_minus_one',
    ]);
    expect(perturbationsNotApplied(task)).toEqual(['P6 solar_flare']);
    expect(IMPLEMENTED_PERTURBATIONS.has('corrupted_tool_result')).toBe(true);
    expect(IMPLEMENTED_PERTURBATIONS.has('stale_source')).toBe(true);
  });
});

describe('perturbedRobustness (LES §2.4, les-compute.md)', () => {
  it('is LES §2.4 over three perturbations, by hand', () => {
    // G_clean = (0.9 + 0.8) / 2 = 0.85. Degradations: hurting 1 − 0.6/0.85 = 0.294118, harmless 0, slower 0.
    // R_p: hurting never reaches the clean finals → T_budget = 6 (factor 1); harmless 0; slower 1 (1/6).
    // 0.6 × (1 − 0.098039) + 0.4 × (1 − 0.388889) = 0.785621 → (0.785621 − 0.3) / 0.65 = 0.747109.
    const robustness = perturbedRobustness(task, clean, [hurting, harmless, slower])!;
    expect(robustness.formula).toBe('les-2.4');
    expect(robustness.byInstance.get('cr-001')).toBe(0.7471);
    expect(robustness.effects[0]).toEqual({
      perturbation: 'P4 model_downgrade',
      cleanGoal: 0.85,
      perturbedGoal: 0.6,
      degradation: 0.2941,
      cleanSuccess: 1,
      perturbedSuccess: 0,
    });
  });

  it("uses les-compute.md's 1 − degradation with fewer than three perturbations", () => {
    expect(perturbedRobustness(task, clean, [hurting])!.byInstance.get('cr-001')).toBe(0.7059);
    expect(perturbedRobustness(task, clean, [harmless])!.byInstance.get('cr-001')).toBe(1);
    expect(perturbedRobustness(task, clean, [hurting])!.formula).toBe('degradation');
    expect(perturbedRobustness(task, clean, [])).toBeUndefined();
  });

  it('replaces the seed-spread proxy in scoreTask and moves the LES by its weight', () => {
    const proxy = scoreTask(task, clean);
    expect(proxy.categories.robustness).toBe(0.8889); // 0.8 / 0.9
    const robustness = perturbedRobustness(task, clean, [hurting, harmless, slower])!;
    const perturbed = scoreTask(task, clean, { robustness: robustness.byInstance });
    expect(perturbed.categories.robustness).toBe(0.7471);
    expect(perturbed.categories.effectiveness).toBe(proxy.categories.effectiveness);
    // Robustness weighs 0.13: 0.13 × (0.888889 − 0.7471) = 0.018433.
    expect(proxy.les_observed - perturbed.les_observed).toBeCloseTo(0.0184, 3);
  });
});
