import { describe, expect, it } from 'vitest';
import {
  formatTrainingBenchmarks,
  measureTrainingBenchmarks,
  TRAINING_TARGET_NAMES,
} from './training-benchmarks.js';

describe('training benchmarks', () => {
  it('trains the chosen targets and reports time, speed and the reached figure', async () => {
    const report = await measureTrainingBenchmarks({
      only: ['q-learning FrozenLake-v1 (not slippery)', 'q-learning Taxi-v4'],
    });
    expect(report.rows.map((row) => row.name)).toEqual([
      'q-learning FrozenLake-v1 (not slippery)',
      'q-learning Taxi-v4',
    ]);
    expect(report.targetMet).toBe(true);
    for (const row of report.rows) {
      expect(row.trainMs).toBeGreaterThan(0);
      expect(row.stepsPerSecond).toBeGreaterThan(0);
    }
    const lines = formatTrainingBenchmarks(report);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/q-learning Taxi-v4 .* mean return \d+\.\d over 100 \(target >= 7\) met/);
  });

  it('names the known targets when given an unknown one', async () => {
    expect(TRAINING_TARGET_NAMES).toContain('dqn CartPole-v1');
    await expect(measureTrainingBenchmarks({ only: ['dqn Pong'] })).rejects.toThrow(/known: q-learning/);
  });
});
