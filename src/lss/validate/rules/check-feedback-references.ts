// Rule `reference` for feedback channels: `source` and `destination` name things the loop declares.
import { asString, declaredIds, field, listEntries, splitReference } from './document-access.js';
import type { RuleProblem } from './spec-rule.js';
import { unknownReference } from './unknown-reference.js';

/**
 * A channel's `source` names a declared evaluator (`evaluators.X`) or worker (`workers.X`); its `destination` a
 * declared worker or the optimizer. A destination `optimization_strategy.<type>` whose type is not the loop's
 * `optimization_strategy.type` reaches no optimizer (warning).
 *
 * @example
 * ```ts
 * checkFeedbackReferences(document); // [{ message: 'Feedback channel `to_writer` goes to `workers.writr`, …', fix: 'Did you mean `workers.writer`?' }]
 * ```
 */
export function checkFeedbackReferences(document: unknown): RuleProblem[] {
  const workers = declaredIds(document, 'workers');
  const evaluators = declaredIds(document, 'evaluators');
  const workerIds = new Set(workers);
  const evaluatorIds = new Set(evaluators);
  const strategyType = asString(field(document, 'optimization_strategy', 'type'));
  const problems: RuleProblem[] = [];
  for (const channel of listEntries(document, 'feedback_channels')) {
    const who =
      channel.id === undefined ? `feedback_channels[${channel.index}]` : `Feedback channel \`${channel.id}\``;
    const source = asString(channel.value?.source);
    if (source !== undefined) {
      const { root, name } = splitReference(source);
      const own = root === 'evaluators' ? evaluators : root === 'workers' ? workers : undefined;
      const ownIds = root === 'evaluators' ? evaluatorIds : workerIds;
      if (own !== undefined && name !== '' && !ownIds.has(name)) {
        const other = root === 'evaluators' ? 'workers' : 'evaluators';
        const problem = unknownReference({
          path: ['feedback_channels', channel.index, 'source'],
          message: `${who} comes from \`${source}\`, which is not a declared ${root === 'evaluators' ? 'evaluator' : 'worker'}.`,
          name,
          candidates: own,
          prefix: `${root}.`,
          kind: root === 'evaluators' ? 'evaluator' : 'worker',
        });
        if ((other === 'workers' ? workerIds : evaluatorIds).has(name))
          problem.fix = `Did you mean \`${other}.${name}\`?`;
        problems.push(problem);
      }
    }
    const destination = asString(channel.value?.destination);
    if (destination === undefined) continue;
    const { root, name, rest } = splitReference(destination);
    const path = ['feedback_channels', channel.index, 'destination'];
    if (root === 'workers' && name !== '' && !workerIds.has(name)) {
      problems.push(
        unknownReference({
          path,
          message: `${who} goes to \`${destination}\`, which is not a declared worker.`,
          name,
          candidates: workers,
          prefix: 'workers.',
          kind: 'worker',
        }),
      );
    } else if (
      root === 'optimization_strategy' &&
      name !== '' &&
      rest.length === 0 &&
      strategyType !== undefined &&
      name !== strategyType
    ) {
      problems.push({
        severity: 'warning',
        rule: 'reference',
        message: `${who} goes to the \`${name}\` optimizer, but the loop's \`optimization_strategy.type\` is \`${strategyType}\`.`,
        path,
        fix: `Write \`optimization_strategy\` or \`optimization_strategy.${strategyType}\`.`,
      });
    }
  }
  return problems;
}
