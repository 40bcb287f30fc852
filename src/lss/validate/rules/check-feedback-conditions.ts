// Rule `condition`: the `when` of each feedback channel parses and names variables that exist.
import { parseCondition, type ParseConditionResult } from '../../compile/parse-condition.js';
import {
  asList,
  asString,
  declaredIds,
  field,
  listEntries,
  splitReference,
  type ListEntry,
} from './document-access.js';
import type { RuleProblem } from './spec-rule.js';

/**
 * Parses each `feedback_channels[].when` with the compiler's condition parser: `dimension_scores.<name>` must name
 * a dimension of the source's rubric, `metrics.<name>` a declared metric, and other variables must be known. The
 * problem points at the start of the condition and says at which character the error is.
 *
 * @example
 * ```ts
 * checkFeedbackConditions(document); // [{ rule: 'condition', message: 'The `when` condition `scor < 0.8` …', fix: 'Did you mean `score`?' }]
 * ```
 */
export function checkFeedbackConditions(document: unknown): RuleProblem[] {
  const metrics = declaredIds(document, 'metrics', 'name');
  // The first declaration of each evaluator id (the unique-id rule reports the others).
  const evaluators = new Map<string, ListEntry>();
  for (const evaluator of listEntries(document, 'evaluators')) {
    if (evaluator.id !== undefined && !evaluators.has(evaluator.id)) evaluators.set(evaluator.id, evaluator);
  }
  const problems: RuleProblem[] = [];
  for (const channel of listEntries(document, 'feedback_channels')) {
    const text = asString(channel.value?.when);
    if (text === undefined || text.trim() === '') continue;
    const { root, name } = splitReference(asString(channel.value?.source) ?? '');
    const source = root === 'evaluators' ? evaluators.get(name) : undefined;
    // Dimensions are known for a rubric source, absent for any other source; an unknown source leaves them open.
    const dimensions =
      root === 'evaluators' && source === undefined
        ? undefined
        : asList(field(source?.value, 'rubric', 'dimensions'))
            .map((dimension) => asString(field(dimension, 'name')))
            .filter((dimension) => dimension !== undefined);
    let result: ParseConditionResult;
    try {
      result = parseCondition(text, { dimensions, metrics });
    } catch (error) {
      problems.push({
        severity: 'error',
        rule: 'condition',
        message: `The \`when\` condition \`${text}\` could not be read (${error instanceof Error ? error.message : String(error)}).`,
        path: ['feedback_channels', channel.index, 'when'],
        fix: 'Simplify it, e.g. `score < pass_threshold`.',
      });
      continue;
    }
    for (const error of result.errors) {
      const where = text.includes('\n')
        ? `line ${error.line}, character ${error.column}`
        : `character ${error.column}`;
      problems.push({
        severity: 'error',
        rule: 'condition',
        message: `The \`when\` condition \`${text}\` is wrong at ${where}: ${error.message}`,
        path: ['feedback_channels', channel.index, 'when'],
        fix: error.fix,
      });
    }
  }
  return problems;
}
