// Writes a ConditionExpression back as text that parseCondition reads into the same expression.
import type { ConditionExpression, ConditionOperand } from './loop-program.js';

const PRECEDENCE: Readonly<Record<ConditionExpression['kind'], number>> = {
  or: 1,
  and: 2,
  not: 3,
  compare: 4,
  truthy: 4,
};

/**
 * The canonical text of a condition: keywords `and`/`or`/`not`, double-quoted strings, and parentheses only where
 * the structure needs them. `parseCondition(printCondition(e))` gives back `e`.
 *
 * @example
 * ```ts
 * printCondition({ kind: 'not', operand: { kind: 'truthy', operand: { kind: 'variable', name: 'passed' } } });
 * // 'not passed'
 * ```
 */
export function printCondition(expression: ConditionExpression): string {
  return print(expression, 0);
}

function print(expression: ConditionExpression, minimum: number): string {
  let text: string;
  switch (expression.kind) {
    case 'or':
      // A nested `or` (or `and` below `and`) keeps its parentheses, so the tree reads back unchanged.
      text = expression.operands.map((operand) => print(operand, PRECEDENCE.or + 1)).join(' or ');
      break;
    case 'and':
      text = expression.operands.map((operand) => print(operand, PRECEDENCE.and + 1)).join(' and ');
      break;
    case 'not':
      text = `not ${print(expression.operand, PRECEDENCE.not)}`;
      break;
    case 'compare':
      text = `${printOperand(expression.left)} ${expression.operator} ${printOperand(expression.right)}`;
      break;
    case 'truthy':
      text = printOperand(expression.operand);
      break;
  }
  return PRECEDENCE[expression.kind] < minimum ? `(${text})` : text;
}

/**
 * The text of one operand: a number as JavaScript writes it (`-0` kept), a string in double quotes with JSON escapes,
 * a boolean as `true`/`false`, a variable by its name.
 *
 * @example
 * ```ts
 * printOperand({ kind: 'string', value: 'say "hi"' }); // '"say \\"hi\\""'
 * ```
 */
export function printOperand(operand: ConditionOperand): string {
  switch (operand.kind) {
    case 'number':
      return Object.is(operand.value, -0) ? '-0' : String(operand.value);
    case 'string':
      return JSON.stringify(operand.value);
    case 'boolean':
      return operand.value ? 'true' : 'false';
    case 'variable':
      return operand.name;
  }
}
