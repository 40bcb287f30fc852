import { describe, expect, it } from 'vitest';
import { baseSpec, changed, summary, worker } from './__fixtures__/base-spec.js';
import { checkReachability } from './check-reachability.js';

describe('checkReachability', () => {
  it('finds nothing when each worker depends on the workers it reads', () => {
    expect(checkReachability(baseSpec())).toEqual([]);
  });

  it('accepts a dependency through other workers', () => {
    const spec = changed((s) => {
      s.workers.push(worker('editor', { depends_on: ['writer'], inputs: [{ from: 'workers.researcher' }] }));
    });
    expect(checkReachability(spec)).toEqual([]);
  });

  it('reports a worker reading a worker it does not depend on, with the dependency to add', () => {
    const problems = checkReachability(changed((spec) => delete spec.workers[1]!.depends_on));
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'reachability',
        message:
          'Worker `writer` reads `workers.researcher` but does not depend on `researcher`, so `researcher` may not have run yet.',
        path: ['workers', 1, 'inputs', 0, 'from'],
        fix: 'Add `researcher` to the `depends_on` of `writer`.',
      },
    ]);
  });

  it('reports a worker reading a worker that runs after it', () => {
    const problems = checkReachability(
      changed((spec) => spec.workers[0]!.inputs.push({ from: 'workers.writer' })),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'reachability',
        message:
          'Worker `researcher` reads `workers.writer`, but `writer` runs after `researcher` (it depends on it).',
        path: ['workers', 0, 'inputs', 2, 'from'],
        fix: 'Remove this input, or reverse the dependency so that `researcher` depends on `writer`.',
      }),
    ]);
  });

  it('reports a worker reading its own output', () => {
    const problems = checkReachability(
      changed((spec) => spec.workers[1]!.inputs.push({ from: 'workers.writer' })),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'reachability',
        message: 'Worker `writer` reads its own output (`workers.writer`).',
        path: ['workers', 1, 'inputs', 2, 'from'],
        fix: 'Remove this input; a worker hears about its earlier output through `feedback_channels`.',
      }),
    ]);
  });

  it('reports a worker reading its own output even when it is on a dependency cycle', () => {
    const spec = changed((s) => {
      s.workers[0]!.depends_on = ['writer'];
      s.workers[1]!.inputs.push({ from: 'workers.writer' });
    });
    expect(summary(checkReachability(spec))).toEqual(['error [reachability] workers.1.inputs.2.from']);
  });

  it('reads sub-paths of a worker output as the worker (`workers.researcher.notes`)', () => {
    const spec = changed((s) => {
      s.workers[1]!.inputs = [{ from: 'workers.researcher.notes' }];
      delete s.workers[1]!.depends_on;
    });
    expect(summary(checkReachability(spec))).toEqual(['error [reachability] workers.1.inputs.0.from']);
  });

  it('leaves undeclared workers, other roots and odd entries to other rules', () => {
    const spec = changed((s) => {
      s.workers[0]!.inputs = [{ from: 'workers.ghost' }, { from: 'memory.notes' }, { from: 'workers.' }];
    });
    expect(checkReachability(spec)).toEqual([]);
    expect(
      checkReachability({
        workers: [
          { id: 'a', inputs: [null, { from: 1 }] },
          { id: 'b', inputs: 'x' },
        ],
      }),
    ).toEqual([]);
  });
  it('stays fast on a long chain where each worker reads the one before it', () => {
    const count = 20_000;
    const workers = Array.from({ length: count }, (_, index) => ({
      id: `w${index}`,
      depends_on: index === 0 ? [] : [`w${index - 1}`],
      inputs: index === 0 ? [] : [{ from: `workers.w${index - 1}` }],
    }));
    const start = performance.now();
    expect(checkReachability({ workers })).toEqual([]);
    // Computing every worker's ancestors would take seconds (quadratic); direct reads need no search.
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
