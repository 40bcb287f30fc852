import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ConditionExpression, ConditionOperand } from './loop-program.js';
import { conditionProblem, parseCondition, type ParseConditionOptions } from './parse-condition.js';

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
