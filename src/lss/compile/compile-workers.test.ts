import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minimalSpec, problemsOf, worker } from './__fixtures__/minimal-spec.js';
import { compileSpec } from './compile-spec.js';
import { toInputBinding } from './compile-workers.js';
import type { LoopSpec, WorkerSpec } from '../loop-spec.js';

function withWorkers(workers: WorkerSpec[], change: (spec: LoopSpec) => void = () => undefined): LoopSpec {
  const spec = minimalSpec();
  spec.workers = workers;
  spec.evaluators[0]!.runs_after = ['*'];
  spec.feedback_channels[0]!.destination = `workers.${workers[0]!.id}`;
  change(spec);
  return spec;
}

describe('worker order and levels', () => {
  it('puts each worker after its dependencies, ties in declaration order', () => {
    const program = compileSpec(
      withWorkers([
        worker('merge', { depends_on: ['left', 'right'] }),
        worker('right', { depends_on: ['source'] }),
        worker('left', { depends_on: ['source'] }),
        worker('source'),
        worker('solo'),
        worker('late', { depends_on: ['merge', 'solo'] }),
      ]),
    );
    expect(program.workers.map((w) => [w.id, w.order, w.level])).toEqual([
      ['source', 0, 0],
      ['right', 1, 1],
      ['left', 2, 1],
      ['merge', 3, 2],
      ['solo', 4, 0],
      ['late', 5, 3],
    ]);
    expect(program.workers[3]!.dependsOn).toEqual(['left', 'right']);
  });

  it('keeps declaration order when nothing depends on anything', () => {
    const program = compileSpec(withWorkers([worker('c'), worker('a'), worker('b')]));
    expect(program.workers.map((w) => `${w.id}@${w.level}`)).toEqual(['c@0', 'a@0', 'b@0']);
  });

  it('gives a topological order and longest-path levels for any DAG', () => {
    const dags = fc.integer({ min: 1, max: 9 }).chain((count) =>
      fc.tuple(
        fc.constant(count),
        fc.array(fc.array(fc.boolean(), { minLength: count, maxLength: count }), {
          minLength: count,
          maxLength: count,
        }),
        fc.shuffledSubarray([...Array(count).keys()], { minLength: count, maxLength: count }),
      ),
    );
    fc.assert(
      fc.property(dags, ([count, edges, permutation]) => {
        // Worker k may depend on workers j < k (a DAG); they are declared in a shuffled order.
        const dependencies = (k: number) =>
          [...Array(k).keys()].filter((j) => edges[k]![j]).map((j) => `w${j}`);
        const declared = permutation.map((k) => worker(`w${k}`, { depends_on: dependencies(k) }));
        const program = compileSpec(withWorkers(declared));
        const position = new Map(program.workers.map((w, index) => [w.id, index]));
        const level = new Map(program.workers.map((w) => [w.id, w.level]));
        expect(program.workers).toHaveLength(count);
        for (const compiled of program.workers) {
          for (const dependency of compiled.dependsOn) {
            expect(position.get(dependency)!).toBeLessThan(position.get(compiled.id)!);
          }
          const expected = Math.max(-1, ...compiled.dependsOn.map((d) => level.get(d)!)) + 1;
          expect(compiled.level).toBe(expected);
        }
        // Among workers whose dependencies are met, the first declared goes first.
        const placed = new Set<string>();
        for (const compiled of program.workers) {
          const ready = declared.filter(
            (w) => !placed.has(w.id) && (w.depends_on ?? []).every((d) => placed.has(d)),
          );
          expect(compiled.id).toBe(ready[0]!.id);
          placed.add(compiled.id);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports a dependency cycle with its workers', () => {
    const problems = problemsOf(
      withWorkers([
        worker('start'),
        worker('a', { depends_on: ['start', 'c'] }),
        worker('b', { depends_on: ['a'] }),
        worker('c', { depends_on: ['b'] }),
      ]),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'dag',
        path: ['workers', 1, 'depends_on'],
        message: 'Workers depend on each other in a cycle: `a` → `c` → `b` → `a`.',
      }),
    ]);
    expect(problemsOf(withWorkers([worker('self', { depends_on: ['self'] })]))[0]!.message).toContain(
      '`self` → `self`',
    );
  });

  it('reports unknown dependencies and duplicate ids', () => {
    const problems = problemsOf(
      withWorkers([worker('writer'), worker('editor', { depends_on: ['writter'] }), worker('writer')]),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ path: ['workers', 1, 'depends_on', 0], fix: 'Did you mean `writer`?' }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ path: ['workers', 2, 'id'] }));
  });
});

describe('worker inputs and bounds', () => {
  it('resolves input bindings', () => {
    expect(toInputBinding('inputs.repo.url')).toEqual({
      kind: 'input',
      ref: 'inputs.repo.url',
      name: 'repo',
      path: ['repo', 'url'],
    });
    expect(toInputBinding('memory.notes')).toEqual({
      kind: 'memory',
      ref: 'memory.notes',
      key: 'notes',
      path: ['notes'],
    });
    expect(toInputBinding('workers.writer')).toEqual({
      kind: 'worker',
      ref: 'workers.writer',
      workerId: 'writer',
    });
    expect(toInputBinding('workers.writer.output')).toBeUndefined();
    expect(toInputBinding('outputs.x')).toBeUndefined();
    expect(toInputBinding('inputs')).toBeUndefined();
  });

  it('reports inputs that point nowhere, with the closest name', () => {
    const spec = withWorkers([
      worker('writer', {
        inputs: [
          { from: 'inputs.mesage' },
          { from: 'workers.writr' },
          { from: 'inputs.nope' },
          { from: 'outputs.x' },
        ],
      }),
    ]);
    expect(problemsOf(spec).map((p) => [p.rule, p.path.at(-2), p.fix])).toEqual([
      ['reference', 0, 'Did you mean `inputs.message`?'],
      ['reference', 1, 'Did you mean `workers.writer`?'],
      ['reference', 2, 'Declare it in `inputs.schema`.'],
      ['reference', 3, 'Write `inputs.X`, `memory.X` or `workers.X`.'],
    ]);
  });

  it('resolves timeouts, retries and budgets once', () => {
    const program = compileSpec(
      withWorkers([
        worker('plain'),
        worker('tuned', { timeout_seconds: 30, retries: 2, cost_budget_usd: 0.5, tools: ['grep'] }),
      ]),
    );
    expect(program.workers.map((w) => [w.timeoutSeconds, w.retries, w.costBudgetUsd, w.tools])).toEqual([
      [120, 0, undefined, []],
      [30, 2, 0.5, ['grep']],
    ]);
    expect(program.cost.workerBudgetsUsd).toEqual({ tuned: 0.5 });
  });

  it('applies the memory policies to each worker', () => {
    const open = compileSpec(withWorkers([worker('a'), worker('b')]));
    expect(open.workers.map((w) => [w.memoryReads, w.memoryWrite])).toEqual([
      [undefined, false],
      [undefined, false],
    ]);
    const policed = compileSpec(
      withWorkers([worker('a'), worker('b')], (spec) => {
        spec.memory = {
          type: 'session',
          write_policy: { allowed_writers: ['b', 'optimizer'] },
          read_policy: { a: ['notes'] },
        };
      }),
    );
    expect(policed.workers.map((w) => [w.memoryReads, w.memoryWrite])).toEqual([
      [['notes'], false],
      [[], true],
    ]);
    expect(policed.memory).toMatchObject({
      allowedWriters: ['b', 'optimizer'],
      readPolicy: { a: ['notes'] },
    });
  });
});
