import { describe, expect, it } from 'vitest';
import { formatReplayBenchmarks, measureReplayBenchmarks, REPLAY_STEPS_TARGET } from './replay-benchmarks.js';

describe('measureReplayBenchmarks', () => {
  it('measures replay steps, reading a generated corpus with its memory, and formats the report', async () => {
    const report = await measureReplayBenchmarks({
      scale: Number(process.env['LOOPGYM_REPLAY_BENCH_SCALE'] ?? '0.004'),
      repetitions: 1,
    });
    console.info(formatReplayBenchmarks(report).join('\n'));
    expect(report.steps.map((row) => row.name)).toEqual([
      'ReplayEnv.stepSync (545 records, cached replays)',
      'make() stack, stepSync',
      'ReplayEnv async step()',
    ]);
    for (const row of report.steps) {
      expect(row.stepsPerSecond).toBeGreaterThan(0);
      expect(row.episodes).toBeGreaterThan(1);
    }
    expect(report.corpusBytes).toBeGreaterThan(4_000_000);
    expect(report.reads).toHaveLength(2);
    for (const row of report.reads) {
      expect(row.records).toBeGreaterThan(1500);
      expect(row.megabytesPerSecond).toBeGreaterThan(0);
      expect(row.rssByTenthMiB.length).toBeGreaterThanOrEqual(1);
    }
    expect(report.reads[0]!.records).toBe(report.reads[1]!.records);
    expect(report.targetMet).toBe(
      Math.max(report.steps[0]!.stepsPerSecond, report.steps[1]!.stepsPerSecond) >= REPLAY_STEPS_TARGET,
    );
    const lines = formatReplayBenchmarks(report);
    expect(lines.at(-1)).toMatch(/^target: at least 1.00 M\/s replayed steps, synchronous: (met|MISSED)$/);
  });
});
