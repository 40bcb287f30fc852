// Rule `reference` for the lists of worker ids: evaluator `runs_after` and safety `applies_to` (`*` means all).
import { asList, asString, declaredIds, listEntries } from './document-access.js';
import type { RuleProblem } from './spec-rule.js';
import { unknownReference } from './unknown-reference.js';

/**
 * Every entry of `evaluators[].runs_after` and `safety_constraints[].applies_to` is a declared worker id or `*`.
 *
 * @example
 * ```ts
 * checkWorkerLists(document); // [{ path: ['evaluators', 0, 'runs_after', 0], fix: 'Did you mean `writer`?', … }]
 * ```
 */
export function checkWorkerLists(document: unknown): RuleProblem[] {
  const workers = declaredIds(document, 'workers');
  const workerIds = new Set(workers);
  const problems: RuleProblem[] = [];
  const lists = [
    { key: 'evaluators', list: 'runs_after', what: 'Evaluator', verb: 'runs after' },
    { key: 'safety_constraints', list: 'applies_to', what: 'Safety constraint', verb: 'applies to' },
  ] as const;
  for (const { key, list, what, verb } of lists) {
    for (const entry of listEntries(document, key)) {
      const who = entry.id === undefined ? `${key}[${entry.index}]` : `${what} \`${entry.id}\``;
      asList(entry.value?.[list]).forEach((item, position) => {
        const id = asString(item);
        if (id === undefined || id === '*' || workerIds.has(id)) return;
        problems.push(
          unknownReference({
            path: [key, entry.index, list, position],
            message: `${who} ${verb} \`${id}\`, which is not a declared worker.`,
            name: id,
            candidates: [...workers, '*'],
            kind: 'worker (or `*` for all)',
          }),
        );
      });
    }
  }
  return problems;
}
