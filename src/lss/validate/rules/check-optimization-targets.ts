// Rule `reference` for the optimizer: `config.refinement_target` and `config.secondary_targets` name workers.
import { asList, asString, declaredIds, field, splitReference } from './document-access.js';
import type { RuleProblem } from './spec-rule.js';
import { unknownReference } from './unknown-reference.js';

/**
 * `optimization_strategy.config.refinement_target` and each of `secondary_targets` is `workers.X` for a declared
 * worker `X`.
 *
 * @example
 * ```ts
 * checkOptimizationTargets(document); // [{ path: ['optimization_strategy', 'config', 'refinement_target'], … }]
 * ```
 */
export function checkOptimizationTargets(document: unknown): RuleProblem[] {
  const workers = declaredIds(document, 'workers');
  const workerIds = new Set(workers);
  const config = field(document, 'optimization_strategy', 'config');
  const targets: { path: (string | number)[]; value: unknown }[] = [
    {
      path: ['optimization_strategy', 'config', 'refinement_target'],
      value: field(config, 'refinement_target'),
    },
    ...asList(field(config, 'secondary_targets')).map((value, index) => ({
      path: ['optimization_strategy', 'config', 'secondary_targets', index],
      value,
    })),
  ];
  const problems: RuleProblem[] = [];
  for (const { path, value } of targets) {
    const target = asString(value);
    if (target === undefined) continue;
    const { root, name } = splitReference(target);
    // Other shapes (`writer`, `workers.writer.prompt`) break the schema's pattern, which reports them.
    if (root !== 'workers' || name === '' || workerIds.has(name)) continue;
    problems.push(
      unknownReference({
        path,
        message: `The optimizer refines \`${target}\`, which is not a declared worker.`,
        name,
        candidates: workers,
        prefix: 'workers.',
        kind: 'worker',
      }),
    );
  }
  return problems;
}
