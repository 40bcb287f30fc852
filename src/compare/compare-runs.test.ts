import { describe, expect, it } from 'vitest';
import { openRunStore, type RunStore } from '../store/run-store.js';
import { compareRuns } from './compare-runs.js';

function storeRun(store: RunStore, seeds: readonly number[], returnOf: (seed: number) => number): string {
  const id = store.startRun({ kind: 'eval', envId: 'FrozenLake-v1', agent: 'scripted', seeds });
  seeds.forEach((seed, index) => {
    const value = returnOf(seed);
    store.recordEpisode(id, {
      index,
      seed,
      return: value,
      length: 5,
      terminated: true,
      truncated: false,
      metrics: { success: value > 0 ? 1 : 0 },
      costUsd: 0.01,
    });
  });
  store.finishRun(id, {});
  return id;
}

describe('compareRuns', () => {
  it('pairs runs on the same seeds and finds a consistent improvement', () => {
    const store = openRunStore(':memory:');
    const seeds = Array.from({ length: 12 }, (_, i) => i);
    const base = storeRun(store, seeds, (seed) => (seed % 3 === 0 ? 1 : 0));
    const better = storeRun(store, seeds, (seed) => (seed % 3 === 0 ? 1 : 0) + 0.5 + (seed % 2) * 0.1);
    const { runs, comparisons } = compareRuns(store, [base.slice(0, 8), better]);
    expect(runs[0]!.meanReturn).toBeCloseTo(4 / 12, 12);
    expect(runs[0]!.successRate).toBeCloseTo(4 / 12, 12);
    expect(runs[1]!.meanSteps).toBe(5);
    expect(runs[1]!.meanCostUsd).toBeCloseTo(0.01, 12);
    expect(runs[0]!.meanReturnInterval!.low).toBeLessThanOrEqual(runs[0]!.meanReturn!);
    expect(comparisons[0]).toMatchObject({ paired: true, reason: 'paired on 12 seeds' });
    expect(comparisons[0]!.result.test).toMatch(/paired/);
    // Every one of the 12 differences is positive: only the all-positive and all-negative arrangements reach it.
    expect(comparisons[0]!.result.pValue).toBeCloseTo(2 / 4096, 12);
    store.close();
  });

  it('falls back to an unpaired test when the seeds differ, and sees no difference between equal runs', () => {
    const store = openRunStore(':memory:');
    const a = storeRun(store, [0, 1, 2, 3, 4, 5, 6, 7], (seed) => seed % 2);
    const b = storeRun(store, [100, 101, 102, 103, 104, 105, 106, 107], (seed) => seed % 2);
    const c = storeRun(store, [200, 201, 202, 203, 204, 205, 206, 207], () => 5);
    const { comparisons } = compareRuns(store, [a, b, c]);
    expect(comparisons[0]).toMatchObject({
      paired: false,
      reason: 'unpaired: the runs played different seeds',
    });
    expect(comparisons[0]!.result.pValue).toBe(1);
    expect(comparisons[1]!.result.pValue).toBeLessThan(0.01);
    expect(comparisons[1]!.result.difference).toBeCloseTo(4.5, 12);
    expect(() => compareRuns(store, [a])).toThrow(/at least two/);
    store.close();
  });
});
