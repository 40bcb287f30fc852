// Rule `unique-id`: ids and names that other parts refer to are declared once.
import { asList, asRecord, asString, field, listEntries } from './document-access.js';
import { formatPath, type PathSegment } from '../../spec-problem.js';
import type { RuleProblem } from './spec-rule.js';

const LISTS = [
  { key: ['workers'], idKey: 'id', what: 'Worker id' },
  { key: ['evaluators'], idKey: 'id', what: 'Evaluator id' },
  { key: ['feedback_channels'], idKey: 'id', what: 'Feedback channel id' },
  { key: ['safety_constraints'], idKey: 'id', what: 'Safety constraint id' },
  { key: ['metrics'], idKey: 'name', what: 'Metric name' },
  { key: ['composition', 'children'], idKey: 'id', what: 'Composition child id' },
] as const;

/**
 * Worker, evaluator, feedback channel, safety constraint and composition child ids, metric names, and the dimension
 * names of each rubric are unique; each repetition is reported where it is repeated.
 *
 * @example
 * ```ts
 * checkUniqueIds({ workers: [{ id: 'a' }, { id: 'a' }] }); // [{ path: ['workers', 1, 'id'], message: 'Worker id `a` is used twice …' }]
 * ```
 */
export function checkUniqueIds(document: unknown): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const { key, idKey, what } of LISTS) {
    const items = asList(field(document, ...key));
    problems.push(...repeated(items, idKey, [...key], what));
  }
  for (const evaluator of listEntries(document, 'evaluators')) {
    const dimensions = asList(field(evaluator.value, 'rubric', 'dimensions'));
    const base = ['evaluators', evaluator.index, 'rubric', 'dimensions'];
    const name = evaluator.id === undefined ? '' : ` of evaluator \`${evaluator.id}\``;
    problems.push(...repeated(dimensions, 'name', base, `Rubric dimension${name}:`));
  }
  return problems;
}

function repeated(
  items: readonly unknown[],
  idKey: string,
  base: PathSegment[],
  what: string,
): RuleProblem[] {
  const first = new Map<string, number>();
  const problems: RuleProblem[] = [];
  items.forEach((item, index) => {
    const id = asString(asRecord(item)?.[idKey]);
    if (id === undefined) return;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
      return;
    }
    const label = what.endsWith(':') ? `${what} the name \`${id}\`` : `${what} \`${id}\``;
    problems.push({
      severity: 'error',
      rule: 'unique-id',
      message: `${label} is declared twice (first at \`${formatPath([...base, earlier])}\`).`,
      path: [...base, index, idKey],
      fix: `Give each one its own ${idKey === 'name' ? 'name' : 'id'}, and update the references to the one you rename.`,
    });
  });
  return problems;
}
