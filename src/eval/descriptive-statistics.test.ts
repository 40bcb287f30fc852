import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, median, quantile, standardDeviation } from './descriptive-statistics.js';

describe('descriptive statistics', () => {
  it('agree with hand-computed values', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8, 12);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
  });

  it('give null for no values', () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(standardDeviation([])).toBeNull();
  });

  it('do not reorder the input, and the median lies between min and max', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { minLength: 1 }), (values) => {
        const copy = [...values];
        const middle = median(values)!;
        expect(values).toEqual(copy);
        expect(middle).toBeGreaterThanOrEqual(Math.min(...values));
        expect(middle).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });
});
