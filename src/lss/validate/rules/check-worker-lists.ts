// Rule `reference` for the lists of worker ids: evaluator `runs_after` and safety `applies_to` (`*` means all).
import { asList, asString, declaredIds, listEntries, quoteList } from './document-access.js';
import type { RuleProblem } from './spec-rule.js';
import { unknownReference } from './unknown-reference.js';

/** Entries meant as "every worker": `all`, `any`, or punctuation such as `**` or `.*`. */
const WILDCARD_LIKE = /^(?:all|any|every|\W+)$/i;

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
        const problem = unknownReference({
          path: [key, entry.index, list, position],
          message: `${who} ${verb} \`${id}\`, which is not a declared worker.`,
          name: id,
          candidates: workers,
          kind: 'worker',
        });
        // `*` is one character away from any one-letter id: suggest it only for what looks like a wildcard.
        if (WILDCARD_LIKE.test(id)) problem.fix = 'Did you mean `*`?';
        else if (problem.fix?.startsWith('Did you mean') !== true) {
          const more = workers.length > 12 ? ', …' : '';
          problem.fix = `Use a declared worker (or \`*\` for all): ${quoteList([...workers.slice(0, 12), '*'], 'or')}${more}.`;
        }
        problems.push(problem);
      });
    }
  }
  return problems;
}
