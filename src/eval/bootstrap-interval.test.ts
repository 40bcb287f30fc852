import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapIntervals } from './bootstrap-interval.js';
import { mean, median } from './descriptive-statistics.js';

const values = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 60 });

describe('bootstrapIntervals', () => {
  it('is a point for constant data, at that value', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((value) => value + 0), // no -0
        fc.integer({ min: 1, max: 50 }),
        (value, n) => {
          const { mean: meanInterval, median: medianInterval } = bootstrapIntervals(Array(n).fill(value), {
            resamples: 50,
          });
          expect(meanInterval!.low).toBeCloseTo(value, 6);
          expect(meanInterval!.high).toBeCloseTo(value, 6);
          expect(medianInterval).toEqual({ low: value, high: value, confidence: 0.95 });
        },
      ),
    );
  });

  it('lies within the range of the data and is ordered', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 1000 }), (data, seed) => {
        const { mean: m, median: d } = bootstrapIntervals(data, { resamples: 100, seed });
        const low = Math.min(...data) - 1e-9;
        const high = Math.max(...data) + 1e-9;
        for (const interval of [m!, d!]) {
          expect(interval.low).toBeLessThanOrEqual(interval.high);
          expect(interval.low).toBeGreaterThanOrEqual(low);
          expect(interval.high).toBeLessThanOrEqual(high);
        }
      }),
    );
  });

  it('is deterministic for a seed, and another seed moves it a little', () => {
    const data = Array.from({ length: 200 }, (_, i) => (i * 7919) % 13);
    expect(bootstrapIntervals(data, { seed: 3 })).toEqual(bootstrapIntervals(data, { seed: 3 }));
    expect(bootstrapIntervals(data, { seed: 3 }).mean).not.toEqual(
      bootstrapIntervals(data, { seed: 4 }).mean,
    );
  });

  it('contains the sample mean and median of a large sample, with a width near 4 standard errors', () => {
    const data = Array.from({ length: 2000 }, (_, i) => ((i * 2654435761) >>> 0) % 2);
    const { mean: m, median: d } = bootstrapIntervals(data, { seed: 1 });
    const sampleMean = mean(data)!;
    expect(m!.low).toBeLessThan(sampleMean);
    expect(m!.high).toBeGreaterThan(sampleMean);
    const standardError = Math.sqrt((sampleMean * (1 - sampleMean)) / data.length);
    expect(m!.high - m!.low).toBeGreaterThan(3 * standardError);
    expect(m!.high - m!.low).toBeLessThan(5 * standardError);
    expect(d!.low).toBeLessThanOrEqual(median(data)!);
    expect(d!.high).toBeGreaterThanOrEqual(median(data)!);
  });

  it('gives null for no data and refuses bad options', () => {
    expect(bootstrapIntervals([])).toEqual({ mean: null, median: null });
    expect(() => bootstrapIntervals([1], { confidence: 1 })).toThrow(/between 0 and 1/);
    expect(() => bootstrapIntervals([1], { resamples: 0 })).toThrow(/≥ 1/);
  });
});
