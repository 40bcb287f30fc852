import { describe, expect, it } from 'vitest';
import { baseSpec, changed, summary, worker } from './__fixtures__/base-spec.js';
import { checkWorkerReferences } from './check-worker-references.js';

describe('checkWorkerReferences', () => {
  it('finds nothing when every worker reference resolves', () => {
    expect(checkWorkerReferences(baseSpec())).toEqual([]);
  });

  it('reports a `depends_on` entry that names no worker, with the closest worker as the fix', () => {
    const problems = checkWorkerReferences(changed((spec) => (spec.workers[1]!.depends_on = ['reseacher'])));
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'reference',
        message: 'Worker `writer` depends on `reseacher`, which is not a declared worker.',
        path: ['workers', 1, 'depends_on', 0],
        fix: 'Did you mean `researcher`?',
      },
    ]);
  });

  it('lists the declared workers (never the worker itself) when no name is close', () => {
    const problems = checkWorkerReferences(changed((spec) => (spec.workers[1]!.depends_on = ['planner'])));
    expect(problems[0]!.fix).toBe('Use a declared worker: `researcher`.');
  });

  it('says to declare the worker when there is no other worker', () => {
    const problems = checkWorkerReferences(
      changed((spec) => (spec.workers = [worker('solo', { depends_on: ['helper'] })])),
    );
    expect(problems[0]!.fix).toBe('Declare a worker named `helper`, or remove this reference.');
  });

  it('reports `workers.X` inputs that name no worker', () => {
    const problems = checkWorkerReferences(
      changed((spec) => (spec.workers[1]!.inputs[0]!.from = 'workers.researchr')),
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'reference',
        message: 'Worker `writer` reads `workers.researchr`, which is not a declared worker.',
        path: ['workers', 1, 'inputs', 0, 'from'],
        fix: 'Did you mean `workers.researcher`?',
      },
    ]);
  });

  it('reports `inputs.X` that `inputs.schema` does not declare, reading only the first segment', () => {
    const problems = checkWorkerReferences(
      changed((spec) => {
        spec.workers[0]!.inputs = [
          { from: 'inputs.qurey' },
          { from: 'inputs.query.text' },
          { from: 'inputs.topic' },
        ];
      }),
    );
    expect(summary(problems)).toEqual([
      'error [reference] workers.0.inputs.0.from',
      'error [reference] workers.0.inputs.2.from',
    ]);
    expect(problems[0]!.message).toBe(
      'Worker `researcher` reads `inputs.qurey`, which `inputs.schema` does not declare.',
    );
    expect(problems[0]!.fix).toBe('Did you mean `inputs.query`?');
    expect(problems[1]!.fix).toBe(
      'Declare `topic` in `inputs.schema` (with `type` and `description`), or read a declared field.',
    );
  });

  it('leaves `memory.X`, other roots and a worker reading itself to other rules', () => {
    const spec = changed((s) => {
      s.workers[0]!.inputs = [
        { from: 'memory.anything' },
        { from: 'input.query' },
        { from: 'workers.researcher' },
      ];
    });
    expect(checkWorkerReferences(spec)).toEqual([]);
  });

  it('does not check `inputs.X` when `inputs.schema` is missing or not a mapping (the schema reports that)', () => {
    for (const schema of [undefined, [], 'query']) {
      const spec = changed((s) => {
        (s.inputs as { schema: unknown }).schema = schema;
        s.workers[0]!.inputs = [{ from: 'inputs.anything' }];
      });
      expect(checkWorkerReferences(spec)).toEqual([]);
    }
  });

  it('names a worker without an id by its position', () => {
    const problems = checkWorkerReferences({ workers: [{ id: 'a' }, { depends_on: ['b'] }] });
    expect(problems[0]!.message).toBe('workers[1] depends on `b`, which is not a declared worker.');
    expect(problems[0]!.fix).toBe('Did you mean `a`?');
  });

  it('skips entries of the wrong shape', () => {
    const document = {
      inputs: { schema: { query: {} } },
      workers: [
        {
          id: 'a',
          depends_on: 'b',
          inputs: [null, 3, { from: 7 }, { from: 'workers.' }, { from: 'inputs.' }],
        },
      ],
    };
    expect(checkWorkerReferences(document)).toEqual([]);
  });
});
