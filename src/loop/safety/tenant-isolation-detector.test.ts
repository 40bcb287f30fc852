import { describe, expect, it } from 'vitest';
import { makeCheck } from './__fixtures__/make-check.js';
import { SafetyConfigError } from './safety-config.js';
import { createTenantIsolationDetector } from './tenant-isolation-detector.js';

const detector = createTenantIsolationDetector();
const write = (key: string, config: Record<string, unknown> = { required_key_prefix: 'run:{run_id}:' }) =>
  detector.inspect(
    makeCheck('tenant_isolation', config, {
      scope: 'pre_memory_write',
      memoryWrite: { key, value: { notes: [] } },
      run: { runId: 'run-7', iteration: 2, elapsedSeconds: 10, inputs: {} },
    }),
  );

describe('tenant_isolation', () => {
  it('passes a key under the run’s prefix', () => {
    expect(write('run:run-7:notes')).toEqual([]);
  });

  it('reports a key outside it, another run’s included', () => {
    expect(write('notes')).toEqual([
      {
        type: 'tenant_isolation',
        message:
          'Memory key `notes` by worker `writer` does not start with `run:run-7:` (required_key_prefix ' +
          '`run:{run_id}:`). Write under `run:run-7:…` so that runs do not share state.',
        spans: [],
      },
    ]);
    expect(write('run:run-8:notes')).toHaveLength(1);
    expect(write('run:run-7')).toHaveLength(1);
  });

  it('fills {worker_id} and {iteration}', () => {
    const config = { required_key_prefix: '{run_id}/{worker_id}/{iteration}/' };
    expect(write('run-7/writer/2/draft', config)).toEqual([]);
    expect(write('run-7/reviewer/2/draft', config)).toHaveLength(1);
  });

  it('cannot decide without a prefix, or with an unknown placeholder', () => {
    expect(() => write('notes', {})).toThrow(SafetyConfigError);
    expect(() => write('notes', {})).toThrow(/is missing: tenant isolation needs the prefix/);
    expect(() => write('x', { required_key_prefix: '{tenant}:' })).toThrow(
      /`\{tenant\}`, which is not a placeholder/,
    );
  });

  it('has nothing to find without a memory write', () => {
    expect(
      detector.inspect(makeCheck('tenant_isolation', { required_key_prefix: 'x' }, { text: 'hello' })),
    ).toEqual([]);
  });
});
