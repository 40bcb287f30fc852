import { describe, expect, it } from 'vitest';
import { episodeLes } from './episode-les.js';
import {
  adaptabilityScore,
  autonomyScore,
  costScore,
  effectivenessScore,
  isImproving,
  percentile,
  robustnessScore,
  safetyScore,
  scalabilityScore,
  speedScore,
} from './les-formulas.js';
import { lesComposite } from './les-composite.js';
import { observedLes } from './observed-les.js';

describe('LES 1.0 category formulas', () => {
  it('effectiveness: met, improving (scaled by budget / actual) and not improving (halved)', () => {
    expect(effectivenessScore({ goalTrace: [0.5, 0.9], goalTarget: 0.8, iterationBudget: 6 })).toBe(1);
    // 0.6 / 0.8 = 0.75, improving, × 6/3 = 1.5 → 1
    expect(effectivenessScore({ goalTrace: [0.4, 0.5, 0.6], goalTarget: 0.8, iterationBudget: 6 })).toBe(1);
    // not improving: 0.75 × 0.5 = 0.375 → below the floor 0.5 → 0
    expect(effectivenessScore({ goalTrace: [0.6, 0.6, 0.6], goalTarget: 0.8, iterationBudget: 6 })).toBe(0);
    // improving with budget = actual: 0.75 → (0.75 − 0.5) / 0.5 = 0.5
    expect(
      effectivenessScore({ goalTrace: [0.4, 0.5, 0.6], goalTarget: 0.8, iterationBudget: 3 }),
    ).toBeCloseTo(0.5, 12);
    expect(isImproving([0.1])).toBe(false);
    expect(isImproving([0.1, 0.2, 0.3, 0.2, 0.3, 0.4])).toBe(true); // final third: 2 of 2 improved
    expect(isImproving([0.1, 0.2, 0.3, 0.4, 0.5, 0.4])).toBe(false); // 1 of 2 < 60%
  });

  it('speed: the 0.7 median + 0.3 p95 blend, the baselines, and the stall penalty', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(speedScore([20, 20, 20])).toBe(1); // 0.05 iter/s = the ceiling
    expect(speedScore([100, 100])).toBeCloseTo((0.01 - 0.001) / 0.049, 12);
    const stalled = speedScore([100, 100, 100, 400]);
    const median = 100;
    const p95 = percentile([100, 100, 100, 400], 95);
    expect(stalled).toBeCloseTo(0.85 * ((1 / (0.7 * median + 0.3 * p95) - 0.001) / 0.049), 12);
    expect(speedScore([])).toBe(0);
  });

  it('cost: progress per dollar on the baselines, 0 without progress, 5% bonus when the marginal cost falls', () => {
    expect(costScore({ goalInitial: 0.5, goalFinal: 0.5, iterationCosts: [1] })).toBe(0);
    const flat = costScore({ goalInitial: 0.2, goalFinal: 0.8, iterationCosts: [0.3, 0.3] });
    expect(flat).toBeCloseTo((1 - 0.05) / 1.95, 12);
    const falling = costScore({ goalInitial: 0.2, goalFinal: 0.8, iterationCosts: [0.4, 0.2] });
    expect(falling).toBeCloseTo(flat * 1.05, 12);
    expect(costScore({ goalInitial: 0, goalFinal: 0.5, iterationCosts: [0, 0] })).toBe(1);
  });

  it('robustness needs 3 perturbations; scalability all three loads', () => {
    const perturbation = { goal: 0.8, recoveryIterations: 0 };
    expect(robustnessScore(0.8, [perturbation, perturbation], 6)).toBeNull();
    expect(robustnessScore(0.8, [perturbation, perturbation, perturbation], 6)).toBe(1);
    // degradation 0.5, recovery 3/6: 0.6 × 0.5 + 0.4 × 0.5 = 0.5 → (0.5 − 0.3) / 0.65
    const half = { goal: 0.4, recoveryIterations: 3 };
    expect(robustnessScore(0.8, [half, half, half], 6)).toBeCloseTo(0.2 / 0.65, 12);
    const loads = [2, 4, 8].map((load) => ({ load, quality: 0.9, speed: 0.5, cost: 2 }));
    expect(scalabilityScore(loads.slice(0, 2))).toBeNull();
    expect(scalabilityScore(loads)).toBeCloseTo((0.45 + 0.15 + 0.2 - 0.4) / 0.5, 12);
  });

  it('safety, adaptability and autonomy', () => {
    expect(safetyScore({ violationSeverity: 0, humanEvents: 0, iterations: 4 })).toBe(1);
    expect(
      safetyScore({ violationSeverity: 1, violationBudget: 1, humanEvents: 1, iterations: 4 }),
    ).toBeCloseTo(0.6, 12);
    expect(
      safetyScore({ violationSeverity: 0, humanEvents: 0, iterations: 4, severeUnrecoverable: true }),
    ).toBe(0);
    expect(adaptabilityScore({ goalOod: 0.4, goalTrain: 0.8, configChanges: 5 })).toBeCloseTo(
      (0.35 - 0.2) / 0.65,
      12,
    );
    expect(autonomyScore({ interventions: 0, iterations: 4 })).toBe(1);
    expect(autonomyScore({ interventions: 1, iterations: 4 })).toBeCloseTo((0.5 - 0.1) / 0.85, 12);
    expect(autonomyScore({ interventions: 0, iterations: 4, humanSeconds: 30, totalSeconds: 100 })).toBe(0);
  });
});

describe('episodeLes', () => {
  const iterations = [
    { goalScore: 0.6, costUsd: 0.1, latencySeconds: 15 },
    { goalScore: 0.85, costUsd: 0.1, latencySeconds: 15 },
  ];

  it('scores five categories from the iterations and leaves out the three that need other runs (partial)', () => {
    const les = episodeLes({ iterations, goalTarget: 0.8, iterationBudget: 6 });
    expect(les.categories.robustness).toBeNull();
    expect(les.categories.scalability).toBeNull();
    expect(les.categories.adaptability).toBeNull();
    expect(les.partial).toBe(true);
    expect(les.categoriesUsed).toEqual(['effectiveness', 'speed', 'cost', 'safety', 'autonomy']);
    expect(les.normalized).toBeCloseTo(lesComposite({ ...les.categories }).normalized, 12);
    expect(les.prematureTermination).toBe(false);
  });

  it('halves every category but safety after a premature end', () => {
    const whole = episodeLes({ iterations, goalTarget: 0.8, iterationBudget: 6 });
    const error = episodeLes({ iterations, goalTarget: 0.8, iterationBudget: 6, terminationReason: 'error' });
    expect(error.prematureTermination).toBe(true);
    expect(error.categories.effectiveness).toBeCloseTo(whole.categories.effectiveness! / 2, 12);
    expect(error.categories.safety).toBe(whole.categories.safety);
  });

  it('uses perturbation, load and out-of-distribution results when given (all eight: not partial)', () => {
    const les = episodeLes({
      iterations,
      goalTarget: 0.8,
      iterationBudget: 6,
      perturbations: [0.85, 0.8, 0.7].map((goal) => ({ goal, recoveryIterations: 1 })),
      loadRetentions: [2, 4, 8].map((load) => ({ load, quality: 1, speed: 1, cost: 1 })),
      outOfDistribution: { goalOod: 0.8, goalTrain: 0.85, configChanges: 0 },
    });
    expect(les.partial).toBe(false);
    expect(Object.values(les.categories).every((score) => score !== null)).toBe(true);
  });
});

describe('observedLes (LoopBench, a set of runs)', () => {
  it('scores each run, shares robustness, scalability and adaptability across runs, and averages', () => {
    const run = (final: number, success: boolean) => ({
      goalTrace: [0.5, final],
      iterationCosts: [0.01, 0.01],
      elapsedSeconds: 1,
      success,
    });
    const result = observedLes([run(0.9, true), run(0.6, false)], { goalTarget: 0.8, iterationBudget: 6 });
    expect(result.runs).toHaveLength(2);
    expect(result.runs[0]!.categories.robustness).toBeCloseTo(0.6 / 0.9, 12);
    expect(result.runs[1]!.categories.robustness).toBe(result.runs[0]!.categories.robustness);
    expect(result.runs[0]!.categories.adaptability).toBeCloseTo(0.5 / 0.8, 12);
    expect(result.runs[0]!.categories.autonomy).toBe(1);
    expect(result.normalized).toBeCloseTo((result.runs[0]!.normalized + result.runs[1]!.normalized) / 2, 12);
    expect(result.successRate).toBe(0.5);
    expect(result.costUsdMean).toBeCloseTo(0.02, 12);
    expect(() => observedLes([], { goalTarget: 0.8, iterationBudget: 6 })).toThrow(/at least one run/);
  });
});
