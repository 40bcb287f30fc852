import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXTRA, expressions, parsed } from './__fixtures__/condition-arbitraries.js';
import { conditionVariables, evaluateCondition } from './evaluate-condition.js';
import { printCondition } from './print-condition.js';

describe('evaluateCondition', () => {
  const values = {
    score: 0.6,
    pass_threshold: 0.8,
    passed: false,
    iteration: 3,
    failure_count: 0,
    dimension_scores: { coverage: 0.9 },
    'metrics.primary_quality': 0.5,
    label: 'beta',
  };
  const holds = (text: string) =>
    evaluateCondition(parsed(text, { variables: ['label', 'missing'] }), values);

  it('compares numbers, strings and booleans', () => {
    expect(holds('score < pass_threshold')).toBe(true);
    expect(holds('score >= pass_threshold')).toBe(false);
    expect(holds('score <= 0.6 and score >= 0.6 and score == 0.6 and score != 0.7')).toBe(true);
    expect(holds('passed == false and not passed')).toBe(true);
    expect(holds('label > "alpha" and label < "gamma" and label == \'beta\'')).toBe(true);
    expect(holds('iteration > 5 or dimension_scores.coverage > 0.8')).toBe(true);
    expect(holds('metrics.primary_quality == 0.5')).toBe(true);
  });

  it('tests the truth of a lone operand', () => {
    expect(holds('iteration')).toBe(true);
    expect(holds('failure_count')).toBe(false);
    expect(holds('label')).toBe(true);
    expect(holds('passed')).toBe(false);
    expect(holds('missing')).toBe(false);
    expect(evaluateCondition(parsed('"" or 0'), {})).toBe(false);
  });

  it('makes every comparison with a missing or mistyped value false', () => {
    expect(holds('missing < 1')).toBe(false);
    expect(holds('missing != 1')).toBe(false);
    expect(holds('not missing == 1')).toBe(true);
    expect(holds('label != 1 or label < 1')).toBe(false);
    expect(evaluateCondition(parsed('score < 1'), { score: 'low' })).toBe(false);
    expect(evaluateCondition(parsed('score < 1 or score >= 1'), { score: Number.NaN })).toBe(false);
    expect(evaluateCondition(parsed('score < 1'), { score: { value: 0 } })).toBe(false);
    expect(evaluateCondition(parsed('dimension_scores.a < 1'), { dimension_scores: null })).toBe(false);
  });

  it('prefers a flat key to a nested path', () => {
    const expression = parsed('dimension_scores.coverage > 0.5');
    expect(
      evaluateCondition(expression, { 'dimension_scores.coverage': 0.9, dimension_scores: { coverage: 0 } }),
    ).toBe(true);
  });

  it('lists the variables a condition reads', () => {
    expect(
      conditionVariables(parsed('score < pass_threshold or not passed and score > 0 or iteration')),
    ).toEqual(['score', 'pass_threshold', 'passed', 'iteration']);
  });

  it('agrees with its printed and re-parsed self, and `not` negates', () => {
    const samples = fc.record({
      score: fc.oneof(fc.double(), fc.constant(undefined)),
      passed: fc.oneof(fc.boolean(), fc.constant(undefined)),
      iteration: fc.integer({ min: 0, max: 5 }),
      label: fc.string({ maxLength: 3 }),
    });
    fc.assert(
      fc.property(expressions, samples, (expression, sample) => {
        const value = evaluateCondition(expression, sample);
        expect(evaluateCondition(parsed(printCondition(expression), { variables: EXTRA }), sample)).toBe(
          value,
        );
        expect(evaluateCondition({ kind: 'not', operand: expression }, sample)).toBe(!value);
      }),
      { numRuns: 2000 },
    );
  });
});
