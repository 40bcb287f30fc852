// Rule `reachability`: a worker reads only the outputs of workers that run before it.
import { asList, asString, field, splitReference } from './document-access.js';
import type { RuleProblem } from './spec-rule.js';
import { ancestorsOf, workerGraph } from './worker-graph.js';

/**
 * A worker reading `workers.Y` must depend on `Y`, directly or through other workers; otherwise `Y` has not
 * necessarily run when it starts. Reading its own output is reported too. (References to undeclared workers are
 * the `reference` rule's.)
 *
 * @example
 * ```ts
 * checkReachability({ workers: [{ id: 'a', inputs: [{ from: 'workers.b' }] }, { id: 'b', inputs: [] }] });
 * // [{ rule: 'reachability', fix: 'Add `b` to the `depends_on` of `a`.', … }]
 * ```
 */
export function checkReachability(document: unknown): RuleProblem[] {
  const graph = workerGraph(document);
  const workers = asList(field(document, 'workers'));
  const problems: RuleProblem[] = [];
  for (const node of graph.values()) {
    const direct = new Set(node.dependsOn.map((edge) => edge.id));
    // Computed only for a read that is not of a direct dependency: computing it for every worker is quadratic.
    let ancestors: Set<string> | undefined;
    asList(field(workers[node.index], 'inputs')).forEach((input, position) => {
      const from = asString(field(input, 'from'));
      if (from === undefined) return;
      const { root, name } = splitReference(from);
      if (root !== 'workers' || !graph.has(name)) return;
      const path = ['workers', node.index, 'inputs', position, 'from'];
      // Checked first: a worker on a dependency cycle is among its own ancestors.
      if (name === node.id) {
        problems.push({
          severity: 'error',
          rule: 'reachability',
          message: `Worker \`${node.id}\` reads its own output (\`${from}\`).`,
          path,
          fix: 'Remove this input; a worker hears about its earlier output through `feedback_channels`.',
        });
        return;
      }
      if (direct.has(name)) return;
      ancestors ??= ancestorsOf(graph, node.id);
      if (ancestors.has(name)) return;
      const downstream = ancestorsOf(graph, name).has(node.id);
      problems.push({
        severity: 'error',
        rule: 'reachability',
        message: downstream
          ? `Worker \`${node.id}\` reads \`${from}\`, but \`${name}\` runs after \`${node.id}\` (it depends on it).`
          : `Worker \`${node.id}\` reads \`${from}\` but does not depend on \`${name}\`, so \`${name}\` may not have run yet.`,
        path,
        fix: downstream
          ? `Remove this input, or reverse the dependency so that \`${node.id}\` depends on \`${name}\`.`
          : `Add \`${name}\` to the \`depends_on\` of \`${node.id}\`.`,
      });
    });
  }
  return problems;
}
