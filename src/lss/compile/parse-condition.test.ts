import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CONDITION_VARIABLES } from './condition-variables.js';
import { conditionVariables, evaluateCondition } from './evaluate-condition.js';
import type { ConditionExpression, ConditionOperand } from './loop-program.js';
import { conditionProblem, parseCondition, type ParseConditionOptions } from './parse-condition.js';

type CompareOperator = Extract<ConditionExpression, { kind: 'compare' }>['operator'];
import { printCondition } from './print-condition.js';

const variable = (name: string): ConditionOperand => ({ kind: 'variable', name });
const number = (value: number): ConditionOperand => ({ kind: 'number', value });
const truthy = (name: string): ConditionExpression => ({ kind: 'truthy', operand: variable(name) });

function parsed(text: string, options?: ParseConditionOptions): ConditionExpression {
  const result = parseCondition(text, options);
  expect(result.errors).toEqual([]);
  return result.expression!;
}

function firstError(text: string, options?: ParseConditionOptions) {
  const result = parseCondition(text, options);
  expect(result.ok).toBe(false);
  expect(result.expression).toBeUndefined();
  return result.errors[0]!;
}

describe('parseCondition', () => {
  it('parses the conditions of the real specs', () => {
    expect(parsed('score < pass_threshold')).toEqual({
      kind: 'compare',
      operator: '<',
      left: variable('score'),
      right: variable('pass_threshold'),
    });
    expect(parsed('passed == false')).toEqual({
      kind: 'compare',
      operator: '==',
      left: variable('passed'),
      right: { kind: 'boolean', value: false },
    });
  });

  it('reads every comparison operator, literal and dotted name', () => {
    for (const operator of ['<', '<=', '>', '>=', '==', '!='] as const) {
      expect(parsed(`iteration ${operator} -2.5e1`)).toEqual({
        kind: 'compare',
        operator,
        left: variable('iteration'),
        right: number(-25),
      });
    }
    expect(parsed('\'high\' != "lo\\"w\\u0041"')).toMatchObject({
      left: { kind: 'string', value: 'high' },
      right: { kind: 'string', value: 'lo"wA' },
    });
    expect(parsed('dimension_scores.coverage >= .5')).toMatchObject({
      left: variable('dimension_scores.coverage'),
      right: number(0.5),
    });
    expect(parsed('dimension_scores.2-step > 0')).toMatchObject({
      left: variable('dimension_scores.2-step'),
    });
  });

  it('gives `not` over `and` over `or`, and keeps parenthesised groups as written', () => {
    expect(parsed('passed or score > 0.5 and not iteration < 2')).toEqual({
      kind: 'or',
      operands: [
        truthy('passed'),
        {
          kind: 'and',
          operands: [
            { kind: 'compare', operator: '>', left: variable('score'), right: number(0.5) },
            {
              kind: 'not',
              operand: { kind: 'compare', operator: '<', left: variable('iteration'), right: number(2) },
            },
          ],
        },
      ],
    });
    expect(parsed('!passed && (tokens > 1 || cost_usd > 2) && iteration')).toEqual({
      kind: 'and',
      operands: [
        { kind: 'not', operand: truthy('passed') },
        {
          kind: 'or',
          operands: [
            { kind: 'compare', operator: '>', left: variable('tokens'), right: number(1) },
            { kind: 'compare', operator: '>', left: variable('cost_usd'), right: number(2) },
          ],
        },
        truthy('iteration'),
      ],
    });
    expect(parsed('passed AND NOT (score > 1) Or True')).toMatchObject({
      kind: 'or',
      operands: [{ kind: 'and' }, { kind: 'truthy', operand: { kind: 'boolean', value: true } }],
    });
  });

  it('reports unknown variables with their column and the closest known name', () => {
    const error = firstError('passed == false and scor < 0.8');
    expect(error).toMatchObject({ line: 1, column: 21, offset: 20, fix: 'Did you mean `score`?' });
    expect(error.message).toContain('`scor`');
    expect(firstError('wibble > 1').fix).toContain('`pass_threshold`');
    const both = parseCondition('scroe < 1 or itertion > 2');
    expect(both.errors.map((e) => e.column)).toEqual([1, 14]);
    expect(parseCondition('custom > 1', { variables: ['custom'] }).ok).toBe(true);
  });

  it('checks dimension and metric names when it knows them', () => {
    const options = { dimensions: ['coverage', 'evidence'], metrics: ['primary_quality'] };
    expect(parseCondition('dimension_scores.coverage < 0.5', options).ok).toBe(true);
    expect(firstError('dimension_scores.coverag < 0.5', options)).toMatchObject({
      column: 1,
      fix: 'Did you mean `dimension_scores.coverage`?',
    });
    expect(firstError('metrics.primary_qualty > 0.5', options).fix).toBe(
      'Did you mean `metrics.primary_quality`?',
    );
    expect(firstError('metrics.cost > 1', { metrics: [] }).message).toContain('there is no metric');
    expect(parseCondition('metrics.anything > 1').ok).toBe(true);
  });

  it('explains syntax errors at their column', () => {
    const cases: [string, number, RegExp][] = [
      ['score = 0.8', 7, /==/],
      ['score === 0.8', 7, /==/],
      ['score <> 0.8', 7, /!=/],
      ['score => 0.8', 7, />=/],
      ['score & passed', 7, /and/],
      ['score <', 8, /Complete/],
      ['', 1, /Write a condition/],
      ['(score < 1', 1, /\)/],
      ['score < 1)', 10, /matching `\(`/],
      ['score < 1 passed', 11, /and/],
      ['0 < score < 1', 11, /and/],
      ['(score) < 1', 9, /parentheses/],
      ['score < 0.8.1', 9, /numbers/],
      ['score < 1x', 9, /numbers/],
      ['score + 1 > 2', 7, /Compare/],
      ['score < "open', 9, /closing "/],
      ["score < 'a\\q'", 11, /Escape/],
      ['score < 1e999', 9, undefined as unknown as RegExp],
      ['dimension_scores. > 1', 1, /after the dot/],
      ['and passed', 1, /Write a condition/],
      ['score < #', 9, /compares variables/],
    ];
    for (const [text, column, fix] of cases) {
      const error = firstError(text);
      expect({ text, column: error.column }).toEqual({ text, column });
      if (fix !== undefined) expect(error.fix, text).toMatch(fix);
    }
  });

  it('refuses comparisons whose types can never match', () => {
    expect(firstError('passed < 1').message).toMatch(/booleans/);
    expect(firstError('score == "high"')).toMatchObject({
      column: 7,
      message: expect.stringMatching(/number with a string/),
    });
    expect(parseCondition('"a" < "b"').ok).toBe(true);
    expect(parseCondition('custom == "x"', { variables: ['custom'] }).ok).toBe(true);
  });

  it('counts lines and columns inside a multi-line condition', () => {
    expect(firstError('passed == false\n  and scor < 1')).toMatchObject({ line: 2, column: 7, offset: 22 });
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(firstError(`${'('.repeat(100)}passed${')'.repeat(100)}`).message).toMatch(/deeper/);
    expect(firstError(`${'not '.repeat(5000)}passed`).message).toMatch(/deeper/);
    expect(parseCondition(`${'('.repeat(60)}passed${')'.repeat(60)}`).ok).toBe(true);
  });

  it('never throws, and every error points inside the text', () => {
    const alphabet = fc.constantFrom(
      ...[
        'score',
        'passed',
        ' ',
        '(',
        ')',
        '<',
        '=',
        '!',
        '&',
        '|',
        'and',
        'or',
        'not',
        '"',
        "'",
        '\\',
        '.',
        '-',
        '1',
      ],
      ...['0.5', 'e', 'true', 'x', '\n', 'dimension_scores.', '\u00e9', '\ud800'],
    );
    const text = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.array(alphabet, { maxLength: 25 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, (condition) => {
        const result = parseCondition(condition);
        expect(result.ok).toBe(result.errors.length === 0);
        expect(result.ok).toBe(result.expression !== undefined);
        for (const error of result.errors) {
          expect(error.offset).toBeGreaterThanOrEqual(0);
          expect(error.offset).toBeLessThanOrEqual(condition.length);
          expect(error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('conditionProblem', () => {
  const error = parseCondition('score < 0.8 and scor > 0').errors[0]!;

  it('places the error in the file, after the opening quote of a quoted value', () => {
    const path = ['feedback_channels', 2, 'when'];
    expect(
      conditionProblem(error, { path, file: 'a.yaml', location: { line: 9, column: 11 }, quoted: true }),
    ).toEqual({
      severity: 'error',
      rule: 'condition',
      message: expect.stringContaining('`scor`'),
      path,
      file: 'a.yaml',
      line: 9,
      column: 28,
      fix: 'Did you mean `score`?',
    });
    expect(conditionProblem(error, { path, location: { line: 9, column: 11 } }).column).toBe(27);
    expect(conditionProblem(error, { path })).toMatchObject({ line: undefined, column: undefined });
  });
});

// Expressions whose comparisons are well-typed (the parser refuses the others), over known and extra variables.
const EXTRA = ['label', 'stage.name'];
const name = (names: readonly string[]) =>
  fc.constantFrom(...names).map((n): ConditionOperand => ({ kind: 'variable', name: n }));
const numberNames = CONDITION_VARIABLES.filter((v) => v.type === 'number' && !v.name.endsWith('*')).map(
  (v) => v.name,
);
const numeric = fc.oneof(
  name([...numberNames, 'dimension_scores.coverage', 'dimension_scores.9-lives', 'metrics.primary_quality']),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((value): ConditionOperand => ({ kind: 'number', value })),
);
const textual = fc.oneof(
  name(EXTRA),
  fc.string({ maxLength: 8, unit: 'binary' }).map((value): ConditionOperand => ({ kind: 'string', value })),
);
const logical = fc.oneof(
  name(['passed']),
  fc.boolean().map((value): ConditionOperand => ({ kind: 'boolean', value })),
);
const allOperators = fc.constantFrom(
  '<' as const,
  '<=' as const,
  '>' as const,
  '>=' as const,
  '==' as const,
  '!=' as const,
);
const comparison = (operator: fc.Arbitrary<CompareOperator>, side: fc.Arbitrary<ConditionOperand>) =>
  fc
    .record({ operator, left: side, right: side })
    .map((parts): ConditionExpression => ({ kind: 'compare', ...parts }));
const expressions = fc.letrec<{ expression: ConditionExpression }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(numeric, textual, logical).map((operand): ConditionExpression => ({ kind: 'truthy', operand })),
    comparison(allOperators, numeric),
    comparison(allOperators, textual),
    comparison(fc.constantFrom('==' as const, '!=' as const), logical),
    tie('expression').map((operand): ConditionExpression => ({ kind: 'not', operand })),
    fc
      .record({
        kind: fc.constantFrom('and' as const, 'or' as const),
        operands: fc.array(tie('expression'), { minLength: 2, maxLength: 4 }),
      })
      .map((node): ConditionExpression => node),
  ),
})).expression;

describe('printCondition', () => {
  it('prints with the fewest parentheses', () => {
    expect(printCondition(parsed('(passed) or ((score<1) and !(iteration>=2))'))).toBe(
      'passed or score < 1 and not iteration >= 2',
    );
    expect(printCondition(parsed('not (passed or score < 1)'))).toBe('not (passed or score < 1)');
    expect(printCondition(parsed('passed and (passed and passed)'))).toBe('passed and (passed and passed)');
    expect(printCondition(parsed('score != -0'))).toBe('score != -0');
  });

  it('round-trips: parsing the printed text gives the expression back', () => {
    fc.assert(
      fc.property(expressions, (expression) => {
        expect(parsed(printCondition(expression), { variables: EXTRA })).toEqual(expression);
      }),
      { numRuns: 3000 },
    );
  });
});

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
