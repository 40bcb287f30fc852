// A composition's own loop knows the task's facts only as far as its children handed them over.
import type { LoopBackend } from '../loop-backend.js';
import type { ResolvedInput } from '../engine/worker-prompt.js';
import { mapWorkerTaskView } from '../perturbations/map-backend-models.js';
import type { LoopTask } from '../tasks/loop-task.js';
import { keywordMatcher } from '../tasks/matches-keywords.js';

/**
 * The task as a worker that knows only what its inputs say sees it: the reference facts its inputs' text states
 * (sources and everything else kept). The task itself when it has no reference facts.
 *
 * @example
 * ```ts
 * handedView(task, 'Completion rose from 64% to 71% …').material.referenceFacts.length; // the facts that text states
 * ```
 */
export function handedView(task: LoopTask, handed: string): LoopTask {
  const facts = task.material.referenceFacts;
  if (facts.length === 0) return task;
  const shows = keywordMatcher(handed);
  const known = facts.filter((fact) => shows(fact.keywords));
  return known.length === facts.length
    ? task
    : { ...task, material: { ...task.material, referenceFacts: known } };
}

/**
 * The backend of a composition's own loop: each worker call's task (what a simulated model reads; graders keep the
 * whole task) narrowed to the facts the worker's inputs state ({@link handedView}), so a synthesizer can only write
 * what its children found. Live models read the prompt alone and are unaffected.
 *
 * @example
 * ```ts
 * const own = knowsWhatIsHanded(backend);
 * ```
 */
export function knowsWhatIsHanded(backend: LoopBackend): LoopBackend {
  return mapWorkerTaskView(backend, (task, context) => {
    if (task.material.referenceFacts.length === 0) return task;
    const inputs = (context.inputs as readonly ResolvedInput[] | undefined) ?? [];
    const handed = inputs
      .map((input) =>
        typeof input.value === 'string' ? input.value : (input.text ?? JSON.stringify(input.value ?? '')),
      )
      .join('\n\n');
    return handedView(task, handed);
  });
}
