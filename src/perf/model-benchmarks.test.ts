import { describe, expect, it } from 'vitest';
import { formatModelBenchmark, runModelBenchmark } from './model-benchmarks.js';

describe('runModelBenchmark', () => {
  it('measures calls per second and CPU per call (a small in-process run)', async () => {
    const result = await runModelBenchmark({
      server: 'in-process',
      latencyMs: 20,
      concurrency: 8,
      calls: 32,
      cpuCalls: 200,
      repetitions: 1,
    });
    expect(result.boundCallsPerSecond).toBe(400);
    // Calls take at least the server's latency: never above the bound (a little timer slack allowed).
    expect(result.callsPerSecond).toBeGreaterThan(0);
    expect(result.callsPerSecond).toBeLessThanOrEqual(400 * 1.05);
    expect(result.rawHttpCallsPerSecond).toBeLessThanOrEqual(400 * 1.05);
    expect(result.clientCpuMsPerCall).toBeGreaterThan(0);
    expect(Number.isNaN(result.serverCpuMsPerCall)).toBe(true);
    expect(result.frameworkCpuMsPerCall).toBeGreaterThanOrEqual(0);
    expect(result.targets.throughput.text).toBe('>= 95% of 400 calls/s');
    const lines = formatModelBenchmark(result);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('server n/a');
  });
});
