// Checks of a parsed condition against what the loop engine provides: known variable names and operand types.
import { closestMatches } from '../../registry/closest-matches.js';
import {
  CONDITION_VARIABLE_FAMILIES,
  CONDITION_VARIABLE_NAMES,
  CONDITION_VARIABLES,
} from './condition-variables.js';
import type { ConditionExpression, ConditionOperand } from './loop-program.js';
import type { ParseConditionOptions } from './parse-condition.js';

/**
 * What is wrong with a variable name (unknown, or naming a dimension or metric that does not exist), with the closest
 * known name as the fix; `undefined` when the name is fine.
 *
 * @example
 * ```ts
 * checkConditionVariable('scor', {}); // { message: 'Unknown variable `scor`.', fix: 'Did you mean `score`?' }
 * ```
 */
export function checkConditionVariable(
  name: string,
  options: ParseConditionOptions,
): { message: string; fix: string | undefined } | undefined {
  if (CONDITION_VARIABLE_NAMES.includes(name) || options.variables?.includes(name) === true) return undefined;
  for (const family of CONDITION_VARIABLE_FAMILIES) {
    if (!name.startsWith(family)) continue;
    const member = name.slice(family.length);
    const allowed = family === 'metrics.' ? options.metrics : options.dimensions;
    if (allowed === undefined || allowed.includes(member)) return undefined;
    const what = family === 'metrics.' ? 'metric' : 'rubric dimension';
    const suggestions = closestMatches(member, allowed, 1);
    const known =
      allowed.length === 0
        ? `there is no ${what} here`
        : `known: ${allowed.map((a) => `\`${a}\``).join(', ')}`;
    return {
      message: `\`${name}\` names no ${what} (${known}).`,
      fix: suggestions[0] === undefined ? undefined : `Did you mean \`${family}${suggestions[0]}\`?`,
    };
  }
  const candidates = [...CONDITION_VARIABLE_NAMES, ...(options.variables ?? [])];
  const suggestion = closestMatches(name, candidates, 1)[0];
  return {
    message: `Unknown variable \`${name}\`.`,
    fix:
      suggestion !== undefined
        ? `Did you mean \`${suggestion}\`?`
        : `Use one of ${CONDITION_VARIABLES.map((v) => `\`${v.name}\``).join(', ')}, or quote a text value.`,
  };
}

/**
 * Why a comparison can never hold, judging by the types of its operands, or `undefined` when it can.
 *
 * @example
 * ```ts
 * comparisonTypeMismatch({ kind: 'compare', operator: '<', left: { kind: 'variable', name: 'passed' }, right: { kind: 'number', value: 1 } });
 * // '`<` orders numbers and strings, not booleans; …'
 * ```
 */
export function comparisonTypeMismatch(
  comparison: ConditionExpression & { kind: 'compare' },
): string | undefined {
  const left = operandType(comparison.left);
  const right = operandType(comparison.right);
  if (left === undefined || right === undefined) return undefined;
  const ordering = comparison.operator !== '==' && comparison.operator !== '!=';
  if (ordering && (left === 'boolean' || right === 'boolean')) {
    return `\`${comparison.operator}\` orders numbers and strings, not booleans; use \`==\` or \`!=\`.`;
  }
  if (left !== right)
    return `This compares a ${left} with a ${right}; values of different types are never equal or ordered.`;
  return undefined;
}

function operandType(operand: ConditionOperand): 'number' | 'boolean' | 'string' | undefined {
  if (operand.kind !== 'variable') return operand.kind;
  const family = CONDITION_VARIABLE_FAMILIES.find((f) => operand.name.startsWith(f));
  const declared = CONDITION_VARIABLES.find(
    (v) => v.name === (family === undefined ? operand.name : `${family}*`),
  );
  return declared?.type;
}
