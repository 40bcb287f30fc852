import { describe, expect, it } from 'vitest';
import type { LoopSpec, RubricDimensionSpec } from '../../loop-spec.js';
import { baseSpec, changed, summary } from './__fixtures__/base-spec.js';
import { checkRubrics } from './check-rubrics.js';

function dimensionsOf(spec: LoopSpec): RubricDimensionSpec[] {
  const judge = spec.evaluators[0]!;
  if (judge.type !== 'llm_rubric') throw new Error('The base judge has a rubric.');
  return judge.rubric.dimensions;
}

describe('checkRubrics', () => {
  it('finds nothing when weights sum to 1 and scales rise', () => {
    expect(checkRubrics(baseSpec())).toEqual([]);
    // 0.1 + 0.2 + 0.7 is not exactly 1 in binary.
    const spec = changed((s) => {
      const [first] = dimensionsOf(s);
      dimensionsOf(s).splice(
        0,
        2,
        { ...first!, weight: 0.1 },
        { ...first!, name: 'b', weight: 0.2 },
        { ...first!, name: 'c', weight: 0.7 },
      );
    });
    expect(checkRubrics(spec)).toEqual([]);
  });

  it('warns when weights do not sum to 1, suggesting the scaled weights', () => {
    const problems = checkRubrics(changed((spec) => (dimensionsOf(spec)[1]!.weight = 0.2)));
    expect(problems).toEqual([
      {
        severity: 'warning',
        rule: 'rubric',
        message: 'The dimension weights of the rubric of `judge` add up to 0.8, not 1.',
        path: ['evaluators', 0, 'rubric', 'dimensions'],
        anchor: 'key',
        fix: 'Scale them to sum to 1: `accuracy` 0.75, `clarity` 0.25.',
      },
    ]);
  });

  it('reports a scale that does not rise, with the fix for each case', () => {
    const problems = checkRubrics(
      changed((spec) => {
        dimensionsOf(spec)[0]!.scale = [5, 1];
        dimensionsOf(spec)[1]!.scale = [3, 3];
      }),
    );
    expect(summary(problems)).toEqual([
      'error [rubric] evaluators.0.rubric.dimensions.0.scale',
      'error [rubric] evaluators.0.rubric.dimensions.1.scale',
    ]);
    expect(problems[0]!.message).toBe(
      'The `scale` of a rubric dimension of `judge` is [5, 1]; it must go from a low to a higher score.',
    );
    expect(problems[0]!.fix).toBe('Write it as [1, 5].');
    expect(problems[1]!.fix).toBe('Use a range such as [3, 4].');
  });

  it('leaves weights alone when one is missing or not positive (the schema reports it)', () => {
    const spec = changed((s) => {
      (dimensionsOf(s)[0] as { weight: unknown }).weight = 'heavy';
      dimensionsOf(s)[1]!.weight = 0.1;
    });
    expect(checkRubrics(spec)).toEqual([]);
    expect(checkRubrics(changed((s) => (dimensionsOf(s)[0]!.weight = 0)))).toEqual([]);
  });

  it('names unnamed dimensions and evaluators by position, and skips odd shapes', () => {
    const problems = checkRubrics({
      evaluators: [
        { rubric: { dimensions: [{ weight: 0.5 }, { name: 'b', weight: 0.3, scale: [1, 0, 2] }] } },
      ],
    });
    expect(problems.map((problem) => [problem.message, problem.fix])).toEqual([
      [
        'The dimension weights of the rubric of evaluators[0] add up to 0.8, not 1.',
        'Scale them to sum to 1: #1 0.625, `b` 0.375.',
      ],
    ]);
    for (const rubric of [
      undefined,
      'x',
      { dimensions: 'x' },
      { dimensions: [] },
      { dimensions: [null, { scale: 'x' }] },
    ]) {
      expect(checkRubrics({ evaluators: [{ id: 'e', rubric }] })).toEqual([]);
    }
  });
});
