import { describe, expect, it } from 'vitest';
import { formatEvalBenchmark, runEvalBenchmark } from './eval-benchmarks.js';

describe('runEvalBenchmark', () => {
  it('measures the plain loop, the runner and the runner with the store, and memory per size', async () => {
    const report = await runEvalBenchmark({ episodes: 200, memoryEpisodes: [50, 100], repetitions: 1 });
    expect(report.episodes).toBe(200);
    for (const row of [report.bare, report.runner, report.runnerAndStore]) {
      expect(row.episodesPerSecond).toBeGreaterThan(0);
    }
    expect(report.overhead).toBeCloseTo(
      1 - report.runnerAndStore.episodesPerSecond / report.bare.episodesPerSecond,
      12,
    );
    expect(report.targetMet).toBe(report.overhead < 0.2);
    expect(report.memory.map((row) => row.episodes)).toEqual([50, 100]);
    expect(report.memory.every((row) => row.peakRssMb > 0)).toBe(true);
    const lines = formatEvalBenchmark(report);
    expect(lines[0]).toBe('Evaluation runner: scripted agent on FrozenLake-v1, 200 episodes per run');
    expect(lines.join('\n')).toMatch(/target: runner and store cost under 20% .*: -?\d+\.\d%, (met|MISSED)/);
    expect(lines.at(-1)).toMatch(
      /^memory at {4}100 episodes: peak RSS \d+ MB, heap growth -?\d+\.\d MB \(garbage included\), kept after the run -?\d+\.\d MB$/,
    );
  });
});
