import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXTRA, expressions, parsed } from './__fixtures__/condition-arbitraries.js';
import { printCondition, printOperand } from './print-condition.js';

describe('printCondition', () => {
  it('prints with the fewest parentheses', () => {
    expect(printCondition(parsed('(passed) or ((score<1) and !(iteration>=2))'))).toBe(
      'passed or score < 1 and not iteration >= 2',
    );
    expect(printCondition(parsed('not (passed or score < 1)'))).toBe('not (passed or score < 1)');
    expect(printCondition(parsed('passed and (passed and passed)'))).toBe('passed and (passed and passed)');
    expect(printCondition(parsed('score != -0'))).toBe('score != -0');
  });

  it('prints operands so that they read back', () => {
    expect(printOperand({ kind: 'string', value: 'say "hi"\n' })).toBe('"say \\"hi\\"\\n"');
    expect(printOperand({ kind: 'number', value: -0 })).toBe('-0');
    expect(printOperand({ kind: 'number', value: 1e21 })).toBe('1e+21');
    expect(printOperand({ kind: 'boolean', value: false })).toBe('false');
    expect(printOperand({ kind: 'variable', name: 'dimension_scores.a-b' })).toBe('dimension_scores.a-b');
    expect(parsed('"say \\"hi\\"\\n" == label', { variables: ['label'] })).toMatchObject({
      left: { value: 'say "hi"\n' },
    });
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
