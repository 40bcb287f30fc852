import { describe, expect, it } from 'vitest';
import { baseSpec, changed, summary } from './__fixtures__/base-spec.js';
import { checkMemoryAccess } from './check-memory-access.js';

describe('checkMemoryAccess', () => {
  it('finds nothing when each worker reads only what the read policy grants it', () => {
    expect(checkMemoryAccess(baseSpec())).toEqual([]);
  });

  it('reports a memory key missing from the worker entry, suggesting the closest granted key', () => {
    const problems = checkMemoryAccess(changed((spec) => (spec.workers[1]!.inputs[1]!.from = 'memory.note')));
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'memory-access',
        message: 'Worker `writer` reads `memory.note`, but `memory.read_policy.writer` does not list `note`.',
        path: ['workers', 1, 'inputs', 1, 'from'],
        fix: 'Did you mean `memory.notes`?',
      },
    ]);
  });

  it('says to grant the key when no granted key is close', () => {
    const problems = checkMemoryAccess(
      changed((spec) => (spec.workers[1]!.inputs[1]!.from = 'memory.outline')),
    );
    expect(problems[0]!.fix).toBe('Add `outline` to `memory.read_policy.writer`.');
  });

  it('reports a worker without an entry in the read policy, which may read nothing', () => {
    const problems = checkMemoryAccess(
      changed((spec) => spec.workers[0]!.inputs.push({ from: 'memory.notes.latest' })),
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'memory-access',
        message:
          'Worker `researcher` reads `memory.notes.latest`, but `memory.read_policy` has no entry for `researcher`, so it may read nothing.',
        path: ['workers', 0, 'inputs', 2, 'from'],
        fix: 'Add `researcher: [notes]` to `memory.read_policy`, or remove this input.',
      },
    ]);
  });

  it('reports a read policy entry for an undeclared worker, at its key', () => {
    const problems = checkMemoryAccess(
      changed((spec) => (spec.memory.read_policy = { writer: ['notes'], writter: [] })),
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'reference',
        message: '`memory.read_policy` grants reads to `writter`, which is not a declared worker.',
        path: ['memory', 'read_policy', 'writter'],
        fix: 'Did you mean `writer`?',
        anchor: 'key',
      },
    ]);
  });

  it('warns about an allowed writer that is neither a worker nor `optimizer`', () => {
    const problems = checkMemoryAccess(
      changed((spec) => (spec.memory.write_policy = { allowed_writers: ['optimizer', 'writter', 'judge'] })),
    );
    expect(summary(problems)).toEqual([
      'warning [reference] memory.write_policy.allowed_writers.1',
      'warning [reference] memory.write_policy.allowed_writers.2',
    ]);
    expect(problems[0]!.fix).toBe('Did you mean `writer`?');
    expect(problems[1]!.message).toBe(
      '`memory.write_policy.allowed_writers` names `judge`, which is not a declared worker (nor `optimizer`).',
    );
    expect(problems[1]!.fix).toBe('Use a declared worker: `researcher`, `writer` or `optimizer`.');
  });

  it('does not restrict memory reads when there is no read policy', () => {
    const spec = changed((s) => {
      delete s.memory.read_policy;
      s.workers[0]!.inputs.push({ from: 'memory.anything' });
    });
    expect(checkMemoryAccess(spec)).toEqual([]);
  });

  it('treats an entry that is not a list as granting nothing, and skips odd inputs', () => {
    const document = {
      memory: { read_policy: { a: 'notes' }, write_policy: { allowed_writers: [3, null] } },
      workers: [{ id: 'a', inputs: [{ from: 'memory.notes' }, { from: 'memory.' }, { from: 3 }, null] }],
    };
    expect(summary(checkMemoryAccess(document))).toEqual(['error [memory-access] workers.0.inputs.0.from']);
    expect(
      checkMemoryAccess({
        memory: { read_policy: [] },
        workers: [{ id: 'a', inputs: [{ from: 'memory.x' }] }],
      }),
    ).toEqual([]);
  });
});
