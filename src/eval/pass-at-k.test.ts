import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanPassAtK, passAtK, passAtKValues } from './pass-at-k.js';

/** The estimator straight from its definition with exact binomials (small n only). */
function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

const example = fc
  .integer({ min: 1, max: 40 })
  .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }), fc.integer({ min: 1, max: n })));

describe('passAtK', () => {
  it('equals 1 - C(n-c, k) / C(n, k)', () => {
    fc.assert(
      fc.property(example, ([n, correct, k]) => {
        expect(passAtK(n, correct, k)).toBeCloseTo(1 - binomial(n - correct, k) / binomial(n, k), 10);
      }),
    );
  });

  it('lies in [0, 1], is 0 without successes and 1 when k exceeds the failures', () => {
    fc.assert(
      fc.property(example, ([n, correct, k]) => {
        const value = passAtK(n, correct, k);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        if (correct === 0) expect(value).toBe(0);
        if (n - correct < k) expect(value).toBe(1);
      }),
    );
  });

  it('is the success rate at k = 1 and grows with k and with successes', () => {
    fc.assert(
      fc.property(example, ([n, correct, k]) => {
        expect(passAtK(n, correct, 1)).toBeCloseTo(correct / n, 12);
        if (k < n) expect(passAtK(n, correct, k + 1)).toBeGreaterThanOrEqual(passAtK(n, correct, k) - 1e-12);
        if (correct < n)
          expect(passAtK(n, correct + 1, k)).toBeGreaterThanOrEqual(passAtK(n, correct, k) - 1e-12);
      }),
    );
  });

  it('refuses impossible arguments with the reason', () => {
    expect(() => passAtK(3, 1, 4)).toThrow(/1 ≤ k ≤ n/);
    expect(() => passAtK(3, 4, 1)).toThrow(/0 ≤ correct ≤ n/);
    expect(() => passAtK(2.5, 1, 1)).toThrow(/whole numbers/);
  });
});

describe('meanPassAtK', () => {
  it('averages over the examples with at least k rollouts', () => {
    expect(
      meanPassAtK(
        [
          { n: 4, correct: 1 },
          { n: 4, correct: 0 },
          { n: 1, correct: 1 },
        ],
        2,
      ),
    ).toBeCloseTo(0.25, 12);
    expect(meanPassAtK([{ n: 1, correct: 1 }], 2)).toBeNull();
  });
});

describe('passAtKValues', () => {
  it('gives 1, powers of two and k itself', () => {
    expect(passAtKValues(1)).toEqual([1]);
    expect(passAtKValues(8)).toEqual([1, 2, 4, 8]);
    expect(passAtKValues(10)).toEqual([1, 2, 4, 8, 10]);
  });
});
