import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseSpec, changed, summary, worker } from './__fixtures__/base-spec.js';
import { checkDependencyCycles } from './check-dependency-cycles.js';

/** A document whose only content is workers with the given `depends_on`. */
function graph(edges: Record<string, string[]>): unknown {
  return { workers: Object.entries(edges).map(([id, dependsOn]) => ({ id, depends_on: dependsOn })) };
}

/** The cycle a message shows, e.g. ['a', 'b', 'a']. */
function cycleOf(message: string): string[] {
  return [...message.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

describe('checkDependencyCycles', () => {
  it('finds nothing in a DAG', () => {
    expect(checkDependencyCycles(baseSpec())).toEqual([]);
    expect(checkDependencyCycles(graph({ a: [], b: ['a'], c: ['a', 'b'], d: ['c', 'a'] }))).toEqual([]);
  });

  it('reports a cycle of two workers with the cycle, at the dependency that closes it', () => {
    const problems = checkDependencyCycles(changed((spec) => (spec.workers[0]!.depends_on = ['writer'])));
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'dag',
        message: 'Workers depend on each other in a cycle: `researcher` → `writer` → `researcher`.',
        path: ['workers', 0, 'depends_on', 0],
        fix: 'Remove one of these dependencies (e.g. `writer` from the `depends_on` of `researcher`) so that `depends_on` forms a DAG.',
      },
    ]);
  });

  it('reports a worker that depends on itself', () => {
    const problems = checkDependencyCycles(
      changed((spec) => (spec.workers[1]!.depends_on = ['researcher', 'writer'])),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'dag',
        message: 'Worker `writer` depends on itself: `writer` → `writer`.',
        path: ['workers', 1, 'depends_on', 1],
        fix: expect.stringContaining('e.g. `writer` from the `depends_on` of `writer`'),
      }),
    ]);
  });

  it('shows the shortest cycle from the worker declared first', () => {
    // a → b → c → d → a, and a shortcut c → a.
    const problems = checkDependencyCycles(graph({ x: [], c: ['d', 'a'], d: ['a'], a: ['b'], b: ['c'] }));
    expect(problems).toHaveLength(1);
    expect(cycleOf(problems[0]!.message)).toEqual(['c', 'a', 'b', 'c']);
    expect(problems[0]!.path).toEqual(['workers', 1, 'depends_on', 1]);
  });

  it('reports separate cycles separately', () => {
    const problems = checkDependencyCycles(graph({ a: ['b'], b: ['a'], c: ['d'], d: ['c'], e: ['a', 'c'] }));
    expect(summary(problems)).toEqual([
      'error [dag] workers.0.depends_on.0',
      'error [dag] workers.2.depends_on.0',
    ]);
  });

  it('reports a self-dependency even when the worker is also on a longer cycle', () => {
    const problems = checkDependencyCycles(graph({ a: ['a', 'b'], b: ['a'] }));
    expect(problems.map((problem) => problem.message)).toEqual([
      'Worker `a` depends on itself: `a` → `a`.',
      'Workers depend on each other in a cycle: `a` → `b` → `a`.',
    ]);
    expect(summary(problems)).toEqual([
      'error [dag] workers.0.depends_on.0',
      'error [dag] workers.0.depends_on.1',
    ]);
  });

  it('reports every self-dependency of workers that depend on each other', () => {
    const problems = checkDependencyCycles(graph({ a: ['b'], b: ['a', 'b'] }));
    expect(problems.map((problem) => problem.message)).toEqual([
      'Workers depend on each other in a cycle: `a` → `b` → `a`.',
      'Worker `b` depends on itself: `b` → `b`.',
    ]);
  });

  it('ignores dependencies on undeclared workers and entries that are not strings', () => {
    expect(checkDependencyCycles(graph({ a: ['ghost', 'a'.repeat(3)], b: ['a'] }))).toEqual([]);
    expect(
      checkDependencyCycles({ workers: [{ id: 'a', depends_on: [null, 3, ['a'], { id: 'a' }] }] }),
    ).toEqual([]);
  });

  it('reads the first declaration of a repeated id (the unique-id rule reports the second)', () => {
    const spec = changed((s) => s.workers.push(worker('researcher', { depends_on: ['writer'] })));
    expect(checkDependencyCycles(spec)).toEqual([]);
  });

  it('does not exhaust the stack on a long chain', () => {
    const count = 20_000;
    const edges: Record<string, string[]> = {};
    for (let index = 0; index < count; index++) edges[`w${index}`] = [`w${(index + 1) % count}`];
    const problems = checkDependencyCycles(graph(edges));
    expect(problems).toHaveLength(1);
    expect(cycleOf(problems[0]!.message)).toHaveLength(count + 1);
  });

  it('reports a cycle exactly when there is one, and every reported cycle is real', () => {
    const graphs = fc
      .integer({ min: 1, max: 7 })
      .chain((count) =>
        fc.array(fc.uniqueArray(fc.nat(count - 1), { maxLength: 3 }), { minLength: count, maxLength: count }),
      );
    fc.assert(
      fc.property(graphs, (lists) => {
        const ids = lists.map((_, index) => `w${index}`);
        const edges = Object.fromEntries(lists.map((list, index) => [ids[index]!, list.map((j) => ids[j]!)]));
        const problems = checkDependencyCycles(graph(edges));
        expect(problems.length > 0).toBe(hasCycle(edges));
        for (const problem of problems) {
          const cycle = cycleOf(problem.message);
          expect(cycle[0]).toBe(cycle.at(-1));
          for (let step = 0; step + 1 < cycle.length; step++)
            expect(edges[cycle[step]!]).toContain(cycle[step + 1]);
          const [, index, , position] = problem.path as [string, number, string, number];
          expect(ids[index]).toBe(cycle[0]);
          expect(edges[cycle[0]!]![position]).toBe(cycle[1]);
        }
        // Never the same dependency twice.
        expect(new Set(summary(problems)).size).toBe(problems.length);
      }),
    );
  });
});

function hasCycle(edges: Record<string, string[]>): boolean {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 'open') return true;
    if (state.get(id) === 'done') return false;
    state.set(id, 'open');
    const found = (edges[id] ?? []).some(visit);
    state.set(id, 'done');
    return found;
  };
  return Object.keys(edges).some(visit);
}
