import { describe, expect, it } from 'vitest';
import { baseSpec, changed, summary } from './__fixtures__/base-spec.js';
import { checkWorkerLists } from './check-worker-lists.js';

describe('checkWorkerLists', () => {
  it('finds nothing when `runs_after` and `applies_to` name workers or `*`', () => {
    expect(checkWorkerLists(baseSpec())).toEqual([]);
    expect(
      checkWorkerLists(changed((spec) => (spec.safety_constraints[0]!.applies_to = ['*', 'researcher']))),
    ).toEqual([]);
  });

  it('reports an evaluator running after an undeclared worker', () => {
    const problems = checkWorkerLists(
      changed((spec) => (spec.evaluators[0]!.runs_after = ['writer', 'writr'])),
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'reference',
        message: 'Evaluator `judge` runs after `writr`, which is not a declared worker.',
        path: ['evaluators', 0, 'runs_after', 1],
        fix: 'Did you mean `writer`?',
      },
    ]);
  });

  it('reports a safety constraint applied to an undeclared worker', () => {
    const problems = checkWorkerLists(
      changed((spec) => (spec.safety_constraints[0]!.applies_to = ['editor'])),
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'reference',
        message: 'Safety constraint `no-pii` applies to `editor`, which is not a declared worker.',
        path: ['safety_constraints', 0, 'applies_to', 0],
        fix: 'Use a declared worker (or `*` for all): `researcher`, `writer` or `*`.',
      },
    ]);
  });

  it('suggests the closest worker for a near miss', () => {
    const problems = checkWorkerLists(
      changed((spec) => (spec.evaluators[1]!.runs_after = ['**', 'writers'])),
    );
    expect(summary(problems)).toEqual([
      'error [reference] evaluators.1.runs_after.0',
      'error [reference] evaluators.1.runs_after.1',
    ]);
    expect(problems[0]!.fix).toBe('Did you mean `*`?');
    expect(problems[1]!.fix).toBe('Did you mean `writer`?');
  });

  it('suggests `*` only for what looks like a wildcard, never for a short worker id', () => {
    const problems = checkWorkerLists(
      changed((spec) => (spec.evaluators[1]!.runs_after = ['w', 'all', 'ALL', '.*'])),
    );
    expect(problems.map((problem) => problem.fix)).toEqual([
      'Use a declared worker (or `*` for all): `researcher`, `writer` or `*`.',
      'Did you mean `*`?',
      'Did you mean `*`?',
      'Did you mean `*`?',
    ]);
  });

  it('names entries without an id by their position and skips items that are not strings', () => {
    const problems = checkWorkerLists({
      workers: [{ id: 'a' }],
      evaluators: [{ runs_after: ['b', 3, null] }, null],
      safety_constraints: [{ id: 's', applies_to: 'b' }],
    });
    expect(problems.map((problem) => problem.message)).toEqual([
      'evaluators[0] runs after `b`, which is not a declared worker.',
    ]);
  });
});
