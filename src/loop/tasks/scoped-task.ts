// A task as one child of a composition sees it: the sources its material's `scopes` give that child.
import type { LoopTask } from './loop-task.js';

/**
 * The task narrowed to the sources `material.scopes[childId]` lists: those sources, and the reference facts one of
 * them supports (facts without sources stay). The child works on it and is graded on it. The task itself when the
 * material has no scope for the child.
 *
 * @example
 * ```ts
 * scopedTask(task, 'falsifier').material.sources.map((source) => source.id); // ['F1']
 * ```
 */
export function scopedTask(task: LoopTask, childId: string): LoopTask {
  const scope = task.material.scopes?.[childId];
  if (scope === undefined) return task;
  const sources = task.material.sources.filter((source) => scope.includes(source.id));
  const referenceFacts = task.material.referenceFacts.filter(
    (fact) => fact.sourceIds.length === 0 || fact.sourceIds.some((id) => scope.includes(id)),
  );
  return { ...task, material: { ...task.material, sources, referenceFacts } };
}
