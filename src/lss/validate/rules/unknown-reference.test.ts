import { describe, expect, it } from 'vitest';
import { unknownReference } from './unknown-reference.js';

const base = {
  path: ['evaluators', 0, 'runs_after', 0],
  message: 'Evaluator `judge` runs after `writr`.',
  kind: 'worker',
};

describe('unknownReference', () => {
  it('is an error of the `reference` rule whose fix names the closest candidate, with its prefix', () => {
    expect(
      unknownReference({ ...base, name: 'writr', candidates: ['writer', 'editor'], prefix: 'workers.' }),
    ).toEqual({
      severity: 'error',
      rule: 'reference',
      message: 'Evaluator `judge` runs after `writr`.',
      path: ['evaluators', 0, 'runs_after', 0],
      fix: 'Did you mean `workers.writer`?',
    });
  });

  it('lists the candidates when none is close, and says to declare one when there are none', () => {
    expect(unknownReference({ ...base, name: 'zzz', candidates: ['writer', 'editor'] }).fix).toBe(
      'Use a declared worker: `writer` or `editor`.',
    );
    expect(unknownReference({ ...base, name: 'zzz', candidates: [] }).fix).toBe(
      'Declare a worker named `zzz`, or remove this reference.',
    );
  });

  it('lists at most twelve candidates', () => {
    const candidates = Array.from({ length: 15 }, (_, index) => `worker_${String.fromCharCode(97 + index)}`);
    const fix = unknownReference({ ...base, name: 'zzz', candidates, prefix: 'workers.' }).fix!;
    expect(fix).toMatch(/^Use a declared worker: `workers\.worker_a`, .* or `workers\.worker_l`, …\.$/);
    expect(fix).not.toContain('worker_m');
  });

  it('takes the severity and rule it is given', () => {
    const problem = unknownReference({
      ...base,
      name: 'x',
      candidates: [],
      severity: 'warning',
      rule: 'memory-access',
    });
    expect(problem).toMatchObject({ severity: 'warning', rule: 'memory-access' });
  });
});
