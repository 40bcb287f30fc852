// Rule `dag`: `depends_on` must not loop back on itself.
import type { RuleProblem } from './spec-rule.js';
import { workerGraph, type WorkerNode } from './worker-graph.js';

/**
 * Reports each worker that depends on itself, and one cycle of every group of workers that depend on each other
 * (a strongly connected component of `depends_on`): the shortest one through the worker of the group declared first,
 * shown as `a → b → a` at the dependency that starts it. Fixing one cycle may reveal another in the same group;
 * listing every cycle could take exponential time. Problems come in the order of their paths.
 *
 * @example
 * ```ts
 * checkDependencyCycles({ workers: [{ id: 'a', depends_on: ['b'] }, { id: 'b', depends_on: ['a'] }] });
 * // [{ rule: 'dag', message: 'Workers depend on each other in a cycle: `a` → `b` → `a`.', … }]
 * ```
 */
export function checkDependencyCycles(document: unknown): RuleProblem[] {
  const graph = workerGraph(document);
  const found: { index: number; position: number; problem: RuleProblem }[] = [];
  const report = (start: WorkerNode, cycle: readonly string[]): void => {
    const next = cycle[1]!;
    const position = start.dependsOn.find((edge) => edge.id === next)!.position;
    const shown = cycle.map((id) => `\`${id}\``).join(' → ');
    found.push({
      index: start.index,
      position,
      problem: {
        severity: 'error',
        rule: 'dag',
        message:
          cycle.length === 2
            ? `Worker \`${start.id}\` depends on itself: ${shown}.`
            : `Workers depend on each other in a cycle: ${shown}.`,
        path: ['workers', start.index, 'depends_on', position],
        fix: `Remove one of these dependencies (e.g. \`${next}\` from the \`depends_on\` of \`${start.id}\`) so that \`depends_on\` forms a DAG.`,
      },
    });
  };
  for (const node of graph.values()) {
    if (node.dependsOn.some((edge) => edge.id === node.id)) report(node, [node.id, node.id]);
  }
  for (const component of stronglyConnectedComponents(graph)) {
    const start = component.reduce((a, b) => (graph.get(a)!.index <= graph.get(b)!.index ? a : b));
    const cycle = shortestCycle(graph, new Set(component), start);
    if (cycle !== undefined) report(graph.get(start)!, cycle);
  }
  return found.sort((a, b) => a.index - b.index || a.position - b.position).map((entry) => entry.problem);
}

/** The cycle `start → … → start` with the fewest steps (at least two) inside `members`, by breadth-first search. */
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
      if (!members.has(id) || id === current) continue;
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

/** Tarjan's algorithm, iterative; only components of several members (a self-edge alone is no component here). */
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
        if (component.length > 1) components.push(component);
      }
    }
  }
  return components;
}
