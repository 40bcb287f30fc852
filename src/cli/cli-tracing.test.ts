import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureCli } from './capture-cli.js';
import { startCliTracing } from './cli-tracing.js';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'loopgym-cli-tracing-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(directory, { recursive: true, force: true });
});

describe('tracing from the command line', () => {
  it('is off, and free, without a trace variable', async () => {
    const tracing = startCliTracing({ envId: 'x' }, {});
    expect(tracing.onEvent).toBeUndefined();
    expect(tracing.destinations).toEqual([]);
    await tracing.close();
  });

  it('writes the spans of a loop run to LOOPGYM_TRACE_FILE', async () => {
    const file = join(directory, 'traces.jsonl');
    vi.stubEnv('LOOPGYM_TRACE_FILE', file);
    const result = await captureCli('run', 'loopbench/code-repair-v1', '--task', 'cr-001', '--seed', '0');
    expect(result.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const names = new Set<string>();
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value !== null && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record['name'] === 'string' && 'spanId' in record) names.add(record['name']);
        Object.values(record).forEach(visit);
      }
    };
    for (const line of readFileSync(file, 'utf8').trim().split('\n')) visit(JSON.parse(line));
    expect(names).toContain('loop.run');
    expect(names).toContain('loop.iteration');
    expect(names).toContain('loopgym.run');
  });
});
