// The workers of a document and their `depends_on` edges, read defensively.
import { asList, asString, listEntries } from './document-access.js';

/** One worker of the graph: where it is declared and whom it depends on. */
export interface WorkerNode {
  id: string;
  index: number;
  /** Dependencies on declared workers, with their position in `depends_on`. */
  dependsOn: { id: string; position: number }[];
}

/**
 * The workers with a string id (the first declaration of a repeated id wins) and their dependencies on declared
 * workers (dependencies on unknown ids are left out: another rule reports them).
 *
 * @example
 * ```ts
 * workerGraph({ workers: [{ id: 'a' }, { id: 'b', depends_on: ['a'] }] }).get('b')?.dependsOn; // [{ id: 'a', position: 0 }]
 * ```
 */
export function workerGraph(document: unknown): Map<string, WorkerNode> {
  const nodes = new Map<string, WorkerNode>();
  const entries = listEntries(document, 'workers');
  for (const entry of entries) {
    if (entry.id !== undefined && !nodes.has(entry.id)) {
      nodes.set(entry.id, { id: entry.id, index: entry.index, dependsOn: [] });
    }
  }
  for (const node of nodes.values()) {
    const dependencies = asList(entries[node.index]?.value?.depends_on);
    dependencies.forEach((dependency, position) => {
      const id = asString(dependency);
      if (id !== undefined && nodes.has(id)) node.dependsOn.push({ id, position });
    });
  }
  return nodes;
}

/**
 * Every worker `id` depends on, directly or through others (never `id` itself unless it is on a cycle).
 *
 * @example
 * ```ts
 * ancestorsOf(workerGraph(document), 'writer'); // Set { 'outliner', 'researcher' }
 * ```
 */
export function ancestorsOf(graph: ReadonlyMap<string, WorkerNode>, id: string): Set<string> {
  const seen = new Set<string>();
  const pending = [...(graph.get(id)?.dependsOn ?? [])].map((edge) => edge.id);
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const edge of graph.get(next)?.dependsOn ?? []) pending.push(edge.id);
  }
  return seen;
}
