// fast-check arbitraries of condition expressions, shared by the condition tests.
import fc from 'fast-check';
import { CONDITION_VARIABLES } from '../condition-variables.js';
import type { ConditionExpression, ConditionOperand } from '../loop-program.js';
import { parseCondition, type ParseConditionOptions } from '../parse-condition.js';

type CompareOperator = Extract<ConditionExpression, { kind: 'compare' }>['operator'];

/** Parses a condition that must be valid. */
export function parsed(text: string, options?: ParseConditionOptions): ConditionExpression {
  const result = parseCondition(text, options);
  if (!result.ok) throw new Error(`${text}: ${result.errors.map((e) => e.message).join(' ')}`);
  return result.expression;
}

// Expressions whose comparisons are well-typed (the parser refuses the others), over known and extra variables.
export const EXTRA = ['label', 'stage.name'];
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
export const expressions = fc.letrec<{ expression: ConditionExpression }>((tie) => ({
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

