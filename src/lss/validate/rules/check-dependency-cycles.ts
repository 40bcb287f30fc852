// Rule `dag`: `depends_on` must not loop back on itself.
import type { RuleProblem } from './spec-rule.js';
import { workerGraph, type WorkerNode } from './worker-graph.js';

/**
 * Reports every cycle of `depends_on` once, as `a → b → a`, at the dependency that starts it (from the worker of
 * the cycle declared first).
 *
 * @example
 * ```ts
 * checkDependencyCycles({ workers: [{ id: 'a', depends_on: ['b'] }, { id: 'b', depends_on: ['a'] }] });
 * // [{ rule: 'dag', message: 'Workers depend on each other in a cycle: `a` → `b` → `a`.', … }]
 * ```
 */
export function checkDependencyCycles(document: unknown): RuleProblem[] {
  const graph = workerGraph(document);
  const problems: RuleProblem[] = [];
  for (const component of stronglyConnectedComponents(graph)) {
    const members = new Set(component);
    const start = component.reduce((a, b) => (graph.get(a)!.index <= graph.get(b)!.index ? a : b));
    const cycle = shortestCycle(graph, members, start);
    if (cycle === undefined) continue;
    const next = cycle[1]!;
    const startNode = graph.get(start)!;
    const edge = startNode.dependsOn.find((e) => e.id === next)!;
    const shown = cycle.map((id) => `\`${id}\``).join(' → ');
    problems.push({
      severity: 'error',
      rule: 'dag',
      message:
        cycle.length === 2
          ? `Worker \`${start}\` depends on itself: ${shown}.`
          : `Workers depend on each other in a cycle: ${shown}.`,
      path: ['workers', startNode.index, 'depends_on', edge.position],
      fix: `Remove one of these dependencies (e.g. \`${next}\` from the \`depends_on\` of \`${start}\`) so that \`depends_on\` forms a DAG.`,
    });
  }
  return problems;
}

/** The cycle `start → … → start` with the fewest steps inside `members`, by breadth-first search. */
function shortestCycle(
  graph: ReadonlyMap<string, WorkerNode>,
  members: ReadonlySet<string>,
  start: string,
): string[] | undefined {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head]!;
    for (const { id } of graph.get(current)?.dependsOn ?? []) {
      if (!members.has(id)) continue;
      if (id === start) {
        const path = [current];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(id)) {
        previous.set(id, current);
        queue.push(id);
      }
    }
  }
  return undefined;
}

/** Tarjan's algorithm, iterative; only components that hold a cycle (several members, or a self-edge). */
function stronglyConnectedComponents(graph: ReadonlyMap<string, WorkerNode>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { id: string; edge: number }[] = [{ id: root, edge: 0 }];
    index.set(root, counter);
    lowLink.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const edges = graph.get(frame.id)!.dependsOn;
      if (frame.edge < edges.length) {
        const next = edges[frame.edge++]!.id;
        if (!index.has(next)) {
          index.set(next, counter);
          lowLink.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ id: next, edge: 0 });
        } else if (onStack.has(next)) {
          lowLink.set(frame.id, Math.min(lowLink.get(frame.id)!, index.get(next)!));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent !== undefined) {
        lowLink.set(parent.id, Math.min(lowLink.get(parent.id)!, lowLink.get(frame.id)!));
      }
      if (lowLink.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const selfEdge = graph.get(frame.id)!.dependsOn.some((e) => e.id === frame.id);
        if (component.length > 1 || selfEdge) components.push(component);
      }
    }
  }
  return components;
}
