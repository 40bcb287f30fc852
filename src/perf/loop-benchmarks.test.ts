import { describe, expect, it } from 'vitest';
import { formatLoopBenchmarks, measureLoopBenchmarks, PYTHON_SIM_ENV } from './loop-benchmarks.js';

describe('measureLoopBenchmarks', () => {
  it('measures each loop in each mode; graders cached, every verdict comes from the cache', async () => {
    const report = await measureLoopBenchmarks({
      envIds: ['loopbench/research-synthesis-v1'],
      episodes: 4,
      repetitions: 1,
    });
    expect(report.rows.map((row) => row.mode)).toEqual(['as-is', 'graders-cached']);
    for (const row of report.rows) {
      expect(row.envId).toBe('loopbench/research-synthesis-v1');
      expect(row.episodes).toBe(4);
      expect(row.steps).toBeGreaterThanOrEqual(4);
      expect(row.stepsPerSecond).toBeGreaterThan(0);
      expect(row.stepsPerSecond).toBeCloseTo((row.episodesPerSecond * row.steps) / row.episodes, 6);
    }
    expect(report.rows[1]!.graderCacheHitRate).toBe(1);
    expect(report.rows[0]!.graderCacheHitRate).toBeLessThan(1);
    expect(report.targetMet).toBe(report.rows[1]!.stepsPerSecond > PYTHON_SIM_ENV.stepsPerSecond);
  });

  it('prints each row beside the reference and the verdict on the target', () => {
    const lines = formatLoopBenchmarks({
      rows: [
        {
          envId: 'loopbench/code-repair-v1',
          mode: 'graders-cached',
          episodes: 10,
          steps: 20,
          episodesPerSecond: 1500,
          stepsPerSecond: 33_000,
          graderCacheHitRate: 1,
        },
      ],
      reference: PYTHON_SIM_ENV,
      targetMet: true,
    });
    expect(lines[0]).toContain('Python SimEnv: 15.0 k/s episodes, 22.0 k/s steps');
    expect(lines[1]).toMatch(
      /code-repair-v1 graders-cached .*episodes +1500\/s \(0\.10x\).*steps +33\.0 k\/s \(1\.50x\).*hits 100%/,
    );
    expect(lines.at(-1)).toMatch(/: met$/);
    const none = formatLoopBenchmarks({
      rows: [
        {
          envId: 'loopbench/multi-agent-debate-v1',
          mode: 'as-is',
          episodes: 10,
          steps: 30,
          episodesPerSecond: 100,
          stepsPerSecond: 300,
          graderCacheHitRate: null,
        },
      ],
      reference: PYTHON_SIM_ENV,
      targetMet: false,
    });
    expect(none[1]).toMatch(/no deterministic grader$/);
    expect(none.at(-1)).toMatch(/: MISSED$/);
  });
});
