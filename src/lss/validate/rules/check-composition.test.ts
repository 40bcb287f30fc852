import { describe, expect, it } from 'vitest';
import type { CompositionSpec } from '../../loop-spec.js';
import { baseSpec, summary, withComposition } from './__fixtures__/base-spec.js';
import { checkComposition } from './check-composition.js';

function composed(type: CompositionSpec['type'], change: (composition: CompositionSpec) => void): unknown {
  const spec = withComposition(type);
  change(spec.composition!);
  return spec;
}

const child = (
  id: string,
  role?: 'stage' | 'branch' | 'outer' | 'inner',
): CompositionSpec['children'][number] =>
  role === undefined ? { id, ref: `${id}.yaml` } : { id, ref: `${id}.yaml`, role };

describe('checkComposition', () => {
  it('finds nothing in a loop without composition, or in a valid composition of each type', () => {
    expect(checkComposition(baseSpec())).toEqual([]);
    for (const type of ['sequential', 'parallel', 'nested'] as const)
      expect(checkComposition(withComposition(type))).toEqual([]);
  });

  describe('sequential', () => {
    it('warns when there are fewer than n - 1 adapters', () => {
      const problems = checkComposition(composed('sequential', (c) => c.children.push(child('third'))));
      expect(problems).toEqual([
        {
          severity: 'warning',
          rule: 'composition',
          message:
            'A sequential composition of 3 children needs at least 2 adapters (one per hand-off); it has 1.',
          path: ['composition', 'adapters'],
          anchor: 'key',
          fix: 'Add an adapter for each hand-off, e.g. `- { from: children.<a>.outputs.<worker>, to: children.<b>.inputs.<field> }`.',
        },
      ]);
    });

    it('points at the composition when there is no `adapters` key', () => {
      const problems = checkComposition(composed('sequential', (c) => delete c.adapters));
      expect(summary(problems)).toEqual(['warning [composition] composition']);
      expect(problems[0]!.message).toContain('it has 0.');
    });

    it('warns about a role that has no meaning in a sequential composition', () => {
      const problems = checkComposition(composed('sequential', (c) => (c.children[1]!.role = 'branch')));
      expect(problems).toEqual([
        {
          severity: 'warning',
          rule: 'composition',
          message: 'Role `branch` has no meaning in a sequential composition.',
          path: ['composition', 'children', 1, 'role'],
          fix: 'Use `stage`.',
        },
      ]);
    });
  });

  describe('parallel', () => {
    it('reports a missing `merge` block', () => {
      const problems = checkComposition(composed('parallel', (c) => delete c.merge));
      expect(problems).toEqual([
        {
          severity: 'error',
          rule: 'composition',
          message: 'A parallel composition needs a `merge` block saying how the branches are combined.',
          path: ['composition'],
          anchor: 'key',
          fix: 'Add `merge: { strategy: synthesize }` (strategies: `synthesize`, `vote`, `first_pass`, `all_pass`).',
        },
      ]);
    });

    it('reports fewer than two branches, counting children without a role as branches', () => {
      const problems = checkComposition(
        composed('parallel', (c) => {
          c.children = [child('a'), child('b', 'stage')];
          delete c.merge!.min_branches_pass;
        }),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          message: 'A parallel composition needs at least two branches; it has 1.',
          path: ['composition', 'children'],
          fix: 'Add children with `role: branch` (the default role in a parallel composition).',
        }),
        expect.objectContaining({
          severity: 'warning',
          message: 'Role `stage` has no meaning in a parallel composition.',
          fix: 'Use `branch`.',
        }),
      ]);
    });

    it('reports `min_branches_pass` above the number of branches', () => {
      const problems = checkComposition(composed('parallel', (c) => (c.merge!.min_branches_pass = 3)));
      expect(problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          message: '`merge.min_branches_pass` is 3, but there are only 2 branches.',
          path: ['composition', 'merge', 'min_branches_pass'],
          fix: 'Make it at most 2.',
        }),
      ]);
    });
  });

  describe('nested', () => {
    it('reports a missing outer loop, and a missing inner loop', () => {
      const noOuter = checkComposition(composed('nested', (c) => (c.children[1]!.role = 'inner')));
      expect(noOuter).toEqual([
        expect.objectContaining({
          severity: 'error',
          message: 'A nested composition needs exactly one child with `role: outer`; it has 0.',
          path: ['composition', 'children'],
          fix: 'Mark the loop that drives the others with `role: outer`.',
        }),
      ]);
      const noInner = checkComposition(composed('nested', (c) => (c.children[0]!.role = 'outer')));
      expect(noInner.map((problem) => problem.message)).toEqual([
        'A nested composition needs exactly one child with `role: outer`; it has 2.',
        'A nested composition needs at least one child with `role: inner`.',
      ]);
      expect(noInner[0]!.fix).toBe('Keep `role: outer` on one child and make the others `inner`.');
    });

    it('reads children without a role as stages, which a nested composition has no use for', () => {
      const problems = checkComposition(
        composed('nested', (c) => (c.children = [child('first'), child('second')])),
      );
      expect(problems.map((problem) => problem.message)).toEqual([
        'A nested composition needs exactly one child with `role: outer`; it has 0.',
        'A nested composition needs at least one child with `role: inner`.',
      ]);
    });

    it('reports a nested composition without adapters', () => {
      const problems = checkComposition(composed('nested', (c) => (c.adapters = [])));
      expect(problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          message: 'A nested composition needs at least one adapter between its outer and inner loops.',
          path: ['composition', 'adapters'],
        }),
      ]);
    });

    it('accepts several inner loops', () => {
      expect(checkComposition(composed('nested', (c) => c.children.push(child('third', 'inner'))))).toEqual(
        [],
      );
    });
  });

  describe('adapters', () => {
    it('reports an adapter end naming an undeclared child, with the closest child', () => {
      const problems = checkComposition(
        composed('sequential', (c) => (c.adapters![0]!.to = 'children.secnd.inputs.query')),
      );
      expect(problems).toEqual([
        {
          severity: 'error',
          rule: 'composition',
          message:
            'Adapter `to: children.secnd.inputs.query` names the child `secnd`, which the composition does not declare.',
          path: ['composition', 'adapters', 0, 'to'],
          fix: 'Did you mean `children.second`?',
        },
      ]);
    });

    it('reads an end without the `children.` prefix as starting with the child id', () => {
      expect(
        checkComposition(composed('sequential', (c) => (c.adapters![0]!.from = 'first.outputs.writer'))),
      ).toEqual([]);
      const [problem] = checkComposition(
        composed('sequential', (c) => (c.adapters![0]!.from = 'inputs.query')),
      );
      expect(problem!.fix).toBe('Use a declared child: `first` or `second`.');
    });
  });

  it('skips compositions of unknown type and parts of the wrong shape', () => {
    for (const composition of [undefined, 'sequential', [], { type: 'loop' }, { type: 3, children: [] }]) {
      expect(checkComposition({ composition })).toEqual([]);
    }
    const odd = {
      composition: { type: 'sequential', children: [null, 'x'], adapters: [null, { from: 3 }, 'x'] },
    };
    expect(summary(checkComposition(odd))).toEqual([]);
  });
});
