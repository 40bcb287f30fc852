import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompositionPlan } from '../../lss/compile/loop-program.js';
import { mergeBranches, type BranchResult } from './merge-branches.js';

type Merge = NonNullable<CompositionPlan['merge']>;

function merge(strategy: Merge['strategy'], extra: Partial<Merge> = {}): Merge {
  return { strategy, minBranchesPass: undefined, preserveDissent: false, attributes: {}, ...extra };
}

function branch(id: string, passed: boolean, finishedAt = 0, output = `${id} answer`): BranchResult {
  return { id, passed, primary: passed ? 0.9 : 0.4, output, finishedAt };
}

// a passes late, b fails, c passes early.
const branches = [branch('a', true, 9), branch('b', false, 1), branch('c', true, 4)];

describe('mergeBranches', () => {
  it('synthesize: every answer goes on; it fails only when no branch answered', () => {
    expect(mergeBranches(branches, merge('synthesize'))).toMatchObject({
      passed: true,
      selected: ['a', 'b', 'c'],
      dissent: [],
    });
    const silent = branches.map((b) => ({ ...b, output: ' ' }));
    expect(mergeBranches(silent, merge('synthesize')).passed).toBe(false);
  });

  it('vote: more than half must pass; the majority side goes on', () => {
    expect(mergeBranches(branches, merge('vote'))).toMatchObject({ passed: true, selected: ['a', 'c'] });
    const tie = [branch('a', true), branch('b', false)];
    expect(mergeBranches(tie, merge('vote'))).toMatchObject({ passed: false, selected: [] });
  });

  it('first_pass: the earliest passing branch alone; ties by declaration order', () => {
    expect(mergeBranches(branches, merge('first_pass'))).toMatchObject({ passed: true, selected: ['c'] });
    const tied = [branch('x', true, 2), branch('y', true, 2)];
    expect(mergeBranches(tied, merge('first_pass')).selected).toEqual(['x']);
    expect(mergeBranches([branch('z', false)], merge('first_pass')).passed).toBe(false);
  });

  it('all_pass: one failing branch fails the merge', () => {
    expect(mergeBranches(branches, merge('all_pass')).passed).toBe(false);
    expect(mergeBranches([branches[0]!, branches[2]!], merge('all_pass')).passed).toBe(true);
  });

  it('min_branches_pass: at least n passing branches; the passing ones go on', () => {
    expect(mergeBranches(branches, merge('min_branches_pass', { minBranchesPass: 2 }))).toMatchObject({
      passed: true,
      selected: ['a', 'c'],
    });
    expect(mergeBranches(branches, merge('min_branches_pass', { minBranchesPass: 3 })).passed).toBe(false);
  });

  it('min_branches_pass with another strategy is an extra condition', () => {
    expect(mergeBranches(branches, merge('synthesize', { minBranchesPass: 3 }))).toMatchObject({
      passed: false,
      explanation: expect.stringContaining('min_branches_pass is 3'),
    });
    expect(mergeBranches(branches, merge('synthesize', { minBranchesPass: 2 })).passed).toBe(true);
  });

  it('preserve_dissent keeps the answers that disagree with the verdict, and only with it', () => {
    expect(mergeBranches(branches, merge('vote', { preserveDissent: true })).dissent).toEqual(['b']);
    expect(mergeBranches(branches, merge('first_pass', { preserveDissent: true })).dissent).toEqual(['b']);
    expect(mergeBranches(branches, merge('vote')).dissent).toEqual([]);
  });

  it('holds its rules for any branches', () => {
    const arbitraryBranches = fc
      .array(fc.tuple(fc.boolean(), fc.nat(100)), { minLength: 1, maxLength: 8 })
      .map((list) => list.map(([passed, at], index) => branch(`b${index}`, passed, at)));
    const strategies = fc.constantFrom<Merge['strategy']>(
      'synthesize',
      'vote',
      'first_pass',
      'all_pass',
      'min_branches_pass',
    );
    fc.assert(
      fc.property(
        arbitraryBranches,
        strategies,
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        (list, strategy, n, keep) => {
          const result = mergeBranches(list, merge(strategy, { minBranchesPass: n, preserveDissent: keep }));
          const passing = list.filter((b) => b.passed).length;
          const ids = list.map((b) => b.id);
          expect(result.passedCount).toBe(passing);
          expect(result.selected.every((id) => ids.includes(id))).toBe(true);
          expect(result.dissent.some((id) => result.selected.includes(id))).toBe(false);
          if (!keep) expect(result.dissent).toEqual([]);
          if (passing < n) expect(result.passed).toBe(false);
          if (strategy === 'all_pass' && result.passed) expect(passing).toBe(list.length);
          if (strategy === 'vote' && result.passed) expect(passing * 2).toBeGreaterThan(list.length);
          if (strategy === 'first_pass') expect(result.selected.length).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
