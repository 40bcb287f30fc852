import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairedPermutationTest, unpairedPermutationTest } from './permutation-test.js';

describe('pairedPermutationTest', () => {
  it('is exact for few pairs: 5 positive differences give 2/32', () => {
    const result = pairedPermutationTest([1, 0.5, 2, 1.5, 1]);
    expect(result.exact).toBe(true);
    expect(result.pValue).toBeCloseTo(2 / 32, 12);
    expect(result.difference).toBeCloseTo(1.2, 12);
  });

  it('finds no difference in zeros, and a clear one in many consistent pairs (Monte Carlo, seeded)', () => {
    expect(pairedPermutationTest([0, 0, 0]).pValue).toBe(1);
    const differences = Array.from({ length: 40 }, (_, i) => 1 + (i % 3) * 0.1);
    const first = pairedPermutationTest(differences, { seed: 1 });
    expect(first.exact).toBe(false);
    expect(first.pValue).toBeLessThan(0.001);
    expect(pairedPermutationTest(differences, { seed: 1 })).toEqual(first);
  });

  it('gives p-values in (0, 1] that do not depend on the sign of every difference', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 10 }), (values) => {
        const p = pairedPermutationTest(values).pValue;
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(pairedPermutationTest(values.map((v) => -v)).pValue).toBeCloseTo(p, 12);
      }),
    );
  });
});

describe('unpairedPermutationTest', () => {
  it('tells clearly different samples apart, and not identical ones', () => {
    const a = Array.from({ length: 30 }, (_, i) => i % 5);
    const b = a.map((v) => v + 10);
    const different = unpairedPermutationTest(a, b, { seed: 0 });
    expect(different.difference).toBeCloseTo(10, 12);
    expect(different.pValue).toBeLessThan(0.001);
    expect(unpairedPermutationTest(a, [...a], { seed: 0 }).pValue).toBeGreaterThan(0.9);
    expect(unpairedPermutationTest(a, b, { seed: 0 })).toEqual(different);
  });
});
