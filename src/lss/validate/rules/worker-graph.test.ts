import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseSpec } from './__fixtures__/base-spec.js';
import { ancestorsOf, workerGraph } from './worker-graph.js';

describe('workerGraph', () => {
  it('has a node per worker with its dependencies and their positions', () => {
    const graph = workerGraph(baseSpec());
    expect([...graph.values()]).toEqual([
      { id: 'researcher', index: 0, dependsOn: [] },
      { id: 'writer', index: 1, dependsOn: [{ id: 'researcher', position: 0 }] },
    ]);
  });

  it('keeps the first declaration of a repeated id and leaves out unknown or odd dependencies', () => {
    const graph = workerGraph({
      workers: [
        { id: 'a', depends_on: ['ghost', 3, 'b'] },
        { id: 'b' },
        { id: 'a', depends_on: ['b'] },
        { depends_on: ['a'] },
        'c',
        null,
      ],
    });
    expect([...graph.keys()]).toEqual(['a', 'b']);
    expect(graph.get('a')).toEqual({ id: 'a', index: 0, dependsOn: [{ id: 'b', position: 2 }] });
  });

  it('is empty for documents without a list of workers', () => {
    for (const document of [undefined, null, 'x', [], {}, { workers: {} }, { workers: 'a' }]) {
      expect(workerGraph(document).size).toBe(0);
    }
  });
});

describe('ancestorsOf', () => {
  const document = {
    workers: [
      { id: 'source' },
      { id: 'left', depends_on: ['source'] },
      { id: 'right', depends_on: ['source'] },
      { id: 'merge', depends_on: ['left', 'right'] },
      { id: 'solo' },
    ],
  };

  it('collects direct and indirect dependencies, without the worker itself', () => {
    const graph = workerGraph(document);
    expect([...ancestorsOf(graph, 'merge')].sort()).toEqual(['left', 'right', 'source']);
    expect(ancestorsOf(graph, 'source').size).toBe(0);
    expect(ancestorsOf(graph, 'solo').size).toBe(0);
    expect(ancestorsOf(graph, 'ghost').size).toBe(0);
  });

  it('includes the worker itself when it is on a cycle, and terminates', () => {
    const graph = workerGraph({
      workers: [
        { id: 'a', depends_on: ['b'] },
        { id: 'b', depends_on: ['a'] },
        { id: 'c', depends_on: ['a'] },
      ],
    });
    expect([...ancestorsOf(graph, 'a')].sort()).toEqual(['a', 'b']);
    expect([...ancestorsOf(graph, 'c')].sort()).toEqual(['a', 'b']);
  });

  it('is transitive: the ancestors of an ancestor are ancestors', () => {
    const graphs = fc.array(fc.uniqueArray(fc.nat(5), { maxLength: 3 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(graphs, (lists) => {
        const graph = workerGraph({
          workers: lists.map((list, index) => ({ id: `w${index}`, depends_on: list.map((j) => `w${j}`) })),
        });
        for (const id of graph.keys()) {
          const ancestors = ancestorsOf(graph, id);
          for (const ancestor of ancestors)
            for (const further of ancestorsOf(graph, ancestor)) expect(ancestors).toContain(further);
          for (const edge of graph.get(id)!.dependsOn) expect(ancestors).toContain(edge.id);
        }
      }),
    );
  });
});
