import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lesComposite, lesDisplay, weightedLes } from './les-composite.js';
import { effectivenessScore, speedScore } from './les-formulas.js';
import {
  LES_CATEGORIES,
  LES_WEIGHTS,
  LOOPGYM_0_1_4_EXPORT_WEIGHTS,
  type LesCategory,
} from './les-weights.js';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const categories = fc.record(
  Object.fromEntries(LES_CATEGORIES.map((c) => [c, unit])) as Record<LesCategory, typeof unit>,
);
const category = fc.constantFrom(...LES_CATEGORIES);

describe('LES properties', () => {
  it('the canonical weights are the standard’s and sum to 1', () => {
    expect(LES_WEIGHTS).toEqual({
      effectiveness: 0.2,
      speed: 0.15,
      cost: 0.12,
      robustness: 0.13,
      scalability: 0.1,
      safety: 0.12,
      adaptability: 0.1,
      autonomy: 0.08,
    });
    const sum = (weights: typeof LES_WEIGHTS) => LES_CATEGORIES.reduce((total, c) => total + weights[c], 0);
    expect(sum(LES_WEIGHTS)).toBeCloseTo(1, 12);
    expect(sum(LOOPGYM_0_1_4_EXPORT_WEIGHTS)).toBeCloseTo(1, 12);
  });

  it('the score is in [0, 1] and its display in [0, 100], also with categories missing (property)', () => {
    const maybe = fc.option(unit, { nil: null });
    const partial = fc.record(
      Object.fromEntries(LES_CATEGORIES.map((c) => [c, maybe])) as Record<LesCategory, typeof maybe>,
    );
    fc.assert(
      fc.property(partial, (scores) => {
        fc.pre(LES_CATEGORIES.some((c) => scores[c] !== null));
        const les = lesComposite(scores);
        expect(les.normalized).toBeGreaterThanOrEqual(0);
        expect(les.normalized).toBeLessThanOrEqual(1);
        expect(les.display).toBeGreaterThanOrEqual(0);
        expect(les.display).toBeLessThanOrEqual(100);
        expect(les.partial).toBe(LES_CATEGORIES.some((c) => scores[c] === null));
        const weights = Object.values(les.effectiveWeights);
        expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('is monotone in each category: raising one score never lowers the LES (property)', () => {
    fc.assert(
      fc.property(categories, category, unit, (scores, which, raise) => {
        const higher = { ...scores, [which]: Math.min(1, scores[which] + raise) };
        expect(lesComposite(higher).normalized).toBeGreaterThanOrEqual(
          lesComposite(scores).normalized - 1e-15,
        );
        expect(weightedLes(higher)).toBeGreaterThanOrEqual(weightedLes(scores) - 1e-15);
      }),
    );
  });

  it('with all eight categories, the composite is the plain weighted sum (property)', () => {
    fc.assert(
      fc.property(categories, (scores) => {
        const les = lesComposite(scores);
        expect(les.partial).toBe(false);
        expect(les.normalized).toBeCloseTo(weightedLes(scores), 12);
        expect(Math.abs(les.display - les.normalized * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });

  it('effectiveness grows with the final goal, and speed falls as iterations slow down (property)', () => {
    const trace = fc.array(unit, { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(trace, unit, unit, (goals, raise, target) => {
        fc.pre(target > 0.05);
        const input = { goalTrace: goals, goalTarget: target, iterationBudget: 12 };
        const higher = [...goals.slice(0, -1), Math.min(1, goals.at(-1)! + raise)];
        const score = effectivenessScore(input);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        // Raising the final goal keeps or improves the "improving" test and the ratio.
        expect(effectivenessScore({ ...input, goalTrace: higher })).toBeGreaterThanOrEqual(score - 1e-12);
      }),
    );
    const latencies = fc.array(fc.double({ min: 0.1, max: 1000, noNaN: true }), {
      minLength: 1,
      maxLength: 10,
    });
    fc.assert(
      fc.property(latencies, fc.double({ min: 1, max: 10, noNaN: true }), (seconds, factor) => {
        const slower = seconds.map((s) => s * factor);
        expect(speedScore(slower)).toBeLessThanOrEqual(speedScore(seconds) + 1e-12);
      }),
    );
  });

  it('displays as Python rounds the binary product', () => {
    expect(lesDisplay(0.5125)).toBe(51.2);
    expect(lesDisplay(0.5645)).toBe(56.5);
    expect(lesDisplay(1)).toBe(100);
  });
});
