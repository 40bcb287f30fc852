// `missing_source`: the retriever (and the task material workers read) no longer returns the key source.
import { z } from 'zod';
import { stringList } from './string-list.js';
import { createRng } from '../../core/random/rng.js';
import { matchesKeywords } from '../tasks/matches-keywords.js';
import type { LoopTask, TaskSource } from '../tasks/loop-task.js';
import { mapWorkerTaskView } from './map-backend-models.js';
import type { PerturbationDefinition } from './perturbation.js';
import { filterToolResults } from './filter-tool-results.js';

const parameters = z.strictObject({
  /** The sources removed (ids); default: the task's key sources, else one source drawn with the episode's seed. */
  sources: stringList().optional(),
});

/**
 * The task as workers see it without some sources: those sources gone, and the reference facts no remaining
 * (current) source states dropped from what a simulated worker can know. Graders keep the whole task.
 *
 * @example
 * ```ts
 * withoutSources(task, ['S1']).material.sources.some((source) => source.id === 'S1'); // false
 * ```
 */
export function withoutSources(task: LoopTask, removed: readonly string[]): LoopTask {
  const sources = task.material.sources.filter((source) => !removed.includes(source.id));
  const current = sources.filter((source) => source.stale !== true);
  const referenceFacts = task.material.referenceFacts.filter(
    (fact) =>
      fact.sourceIds.length === 0 || current.some((source) => matchesKeywords(fact.keywords, source.text)),
  );
  return { ...task, material: { ...task.material, sources, referenceFacts } };
}

/**
 * `missing_source`: the key source (every source marked `key`, or those named by `sources`; without either, one
 * drawn with the episode's seed) is gone. Workers' calls see the task without it (a simulated worker cannot state
 * what only that source says), and tool results lose the passages that name it (its id, title or URL). The graders
 * still judge against the whole task, so answers lose the facts only it supported.
 *
 * @example
 * ```ts
 * make('loopbench/research-synthesis-v1', { perturbations: ['missing_source'] });
 * ```
 */
export const missingSource: PerturbationDefinition<z.infer<typeof parameters>> = {
  name: 'missing_source',
  description: 'The key source document is no longer returned to workers (task material and tool results).',
  parameters,
  apply(episode, { sources }, seed) {
    const all = episode.task.material.sources;
    const removed = chooseRemoved(all, sources, seed);
    if (removed.length === 0) return { removed: [] };
    const view = withoutSources(episode.task, removed);
    episode.backend = mapWorkerTaskView(episode.backend, (task) => (task === episode.task ? view : task));
    const gone = all.filter((source) => removed.includes(source.id));
    episode.services = {
      ...episode.services,
      tools: filterToolResults(episode.services.tools, (text) => !namesAny(text, gone)),
    };
    return {
      removed,
      factsLost: episode.task.material.referenceFacts.length - view.material.referenceFacts.length,
    };
  },
};

function chooseRemoved(
  all: readonly TaskSource[],
  named: readonly string[] | undefined,
  seed: number,
): string[] {
  if (named !== undefined)
    return all.filter((source) => named.includes(source.id)).map((source) => source.id);
  const keys = all.filter((source) => source.key === true).map((source) => source.id);
  if (keys.length > 0) return keys;
  const current = all.filter((source) => source.stale !== true);
  if (current.length === 0) return [];
  return [current[createRng(seed).integers(current.length)]!.id];
}

function namesAny(text: string, sources: readonly TaskSource[]): boolean {
  return sources.some(
    (source) =>
      new RegExp(`\\b${escape(source.id)}\\b`).test(text) ||
      text.includes(source.title) ||
      (source.url !== undefined && text.includes(source.url)),
  );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
