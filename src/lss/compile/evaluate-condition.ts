// Evaluates a parsed `when` condition against the values of its variables.
import type { ConditionExpression, ConditionOperand } from './loop-program.js';

/**
 * The values a condition reads, by name: flat (`{'dimension_scores.coverage': 0.7}`) or nested
 * (`{dimension_scores: {coverage: 0.7}}`); a flat key wins over a nested path.
 */
export type ConditionVariableValues = Readonly<Record<string, unknown>>;

type Value = number | boolean | string | undefined;

/**
 * Whether a condition holds. Pure. Comparisons take operands of one type (numbers, or strings by code unit; booleans
 * only with `==`/`!=`); a comparison with a missing variable (or a value that is not a number, boolean or string) or
 * with operands of different types is false, whatever the operator, so `not` of it is true. A lone operand holds when
 * it is `true`, a number other than 0 (and not NaN) or a non-empty string.
 *
 * @example
 * ```ts
 * const { expression } = parseCondition('score < pass_threshold and not passed');
 * evaluateCondition(expression!, { score: 0.6, pass_threshold: 0.8, passed: false }); // true
 * ```
 */
export function evaluateCondition(
  expression: ConditionExpression,
  variables: ConditionVariableValues,
): boolean {
  switch (expression.kind) {
    case 'and':
      return expression.operands.every((operand) => evaluateCondition(operand, variables));
    case 'or':
      return expression.operands.some((operand) => evaluateCondition(operand, variables));
    case 'not':
      return !evaluateCondition(expression.operand, variables);
    case 'truthy': {
      const value = valueOf(expression.operand, variables);
      if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
      if (typeof value === 'string') return value.length > 0;
      return value === true;
    }
    case 'compare':
      return compare(
        expression.operator,
        valueOf(expression.left, variables),
        valueOf(expression.right, variables),
      );
  }
}

/**
 * The variable names a condition reads, each once, in order of appearance.
 *
 * @example
 * ```ts
 * conditionVariables(parseCondition('score < pass_threshold').expression!); // ['score', 'pass_threshold']
 * ```
 */
export function conditionVariables(expression: ConditionExpression): string[] {
  const names = new Set<string>();
  const visit = (node: ConditionExpression): void => {
    switch (node.kind) {
      case 'and':
      case 'or':
        node.operands.forEach(visit);
        break;
      case 'not':
        visit(node.operand);
        break;
      case 'truthy':
        if (node.operand.kind === 'variable') names.add(node.operand.name);
        break;
      case 'compare':
        if (node.left.kind === 'variable') names.add(node.left.name);
        if (node.right.kind === 'variable') names.add(node.right.name);
        break;
    }
  };
  visit(expression);
  return [...names];
}

function compare(operator: string, left: Value, right: Value): boolean {
  if (left === undefined || right === undefined) return false;
  if (operator === '==' || operator === '!=') {
    if (typeof left !== typeof right) return false;
    return (left === right) === (operator === '==');
  }
  if (typeof left === 'number' && typeof right === 'number') return ordered(operator, left, right);
  if (typeof left === 'string' && typeof right === 'string') return ordered(operator, left, right);
  return false;
}

/** `<`, `<=`, `>`, `>=` on two numbers or two strings (every ordering with NaN is false). */
function ordered<T extends number | string>(operator: string, left: T, right: T): boolean {
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    default:
      return false;
  }
}

function valueOf(operand: ConditionOperand, variables: ConditionVariableValues): Value {
  if (operand.kind !== 'variable') return operand.value;
  const value = Object.hasOwn(variables, operand.name)
    ? variables[operand.name]
    : lookupPath(operand.name, variables);
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string'
    ? value
    : undefined;
}

function lookupPath(name: string, variables: ConditionVariableValues): unknown {
  let current: unknown = variables;
  for (const segment of name.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
