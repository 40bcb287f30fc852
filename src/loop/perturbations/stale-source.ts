// `stale_source`: an outdated copy of the key source, its numbers changed, ranks first for workers.
import { z } from 'zod';
import { createRng } from '../../core/random/rng.js';
import type { LoopTask, TaskSource } from '../tasks/loop-task.js';
import { mapWorkerTaskView } from './map-backend-models.js';
import type { PerturbationDefinition } from './perturbation.js';
import { transformToolResults } from './filter-tool-results.js';
import { stringList } from './string-list.js';

const parameters = z.strictObject({
  /** The sources copied stale (ids); default: the task's key sources, else one source drawn with the seed. */
  sources: stringList().optional(),
});

/**
 * An outdated, conflicting copy of a source: the same text with every number changed (years moved back by
 * `shift`, other numbers scaled), marked `stale`, its id `STALE<n>` (a citation of it names no task source).
 *
 * @example
 * ```ts
 * staleCopyOf({ id: 'S1', title: 'Report', text: 'Pilots in 2027 at 40 sites.' }, 1, 2);
 * // { id: 'STALE1', title: 'Report (earlier edition)', text: 'Pilots in 2025 at 60 sites.', stale: true }
 * ```
 */
export function staleCopyOf(source: TaskSource, index: number, shift: number): TaskSource {
  const text = source.text.replace(/\d+(?:\.\d+)?/g, (number) => {
    const value = Number(number);
    if (Number.isInteger(value) && value >= 1900 && value <= 2100) return String(value - shift);
    const changed = value * 1.5;
    return number.includes('.') ? changed.toFixed(1) : String(Math.round(changed) + 1);
  });
  return {
    id: `STALE${index}`,
    title: `${source.title} (earlier edition)`,
    text,
    stale: true,
    ...(source.published === undefined ? {} : { published: olderDate(source.published, shift) }),
  };
}

/**
 * The task as workers see it with stale copies ranked before every other source.
 *
 * @example
 * ```ts
 * withStaleSources(task, [copy]).material.sources[0]; // copy
 * ```
 */
export function withStaleSources(task: LoopTask, copies: readonly TaskSource[]): LoopTask {
  return { ...task, material: { ...task.material, sources: [...copies, ...task.material.sources] } };
}

/**
 * `stale_source`: an outdated, conflicting copy of the key source (every source marked `key`, or those named by
 * `sources`; without either, one drawn with the seed) ranks first: workers' calls see the task with the copy before
 * every other source, and tool results that return passages get the copy's passage first. A simulated worker that
 * sees a stale source first repeats its outdated claims more often; graders judge against the real task, where the
 * copy's citations name no source.
 *
 * @example
 * ```ts
 * make('loopbench/rag-retrieval-v1', { perturbations: ['stale_source'] });
 * ```
 */
export const staleSource: PerturbationDefinition<z.infer<typeof parameters>> = {
  name: 'stale_source',
  description:
    'An outdated, conflicting copy of the key source ranks first in what workers read and retrieve.',
  parameters,
  apply(episode, { sources }, seed) {
    const chosen = chooseCopied(episode.task.material.sources, sources, seed);
    if (chosen.length === 0) return { copied: [] };
    const shift = 1 + createRng(seed).integers(3);
    const copies = chosen.map((source, index) => staleCopyOf(source, index + 1, shift));
    const view = withStaleSources(episode.task, copies);
    episode.backend = mapWorkerTaskView(episode.backend, (task) => (task === episode.task ? view : task));
    if (episode.services.tools.names().length > 0) {
      const passages = copies.map(passageOf).join('\n\n');
      episode.services = {
        ...episode.services,
        tools: transformToolResults(episode.services.tools, (text) =>
          /^\[[^\]\n]+\] /.test(text) ? `${passages}\n\n${text}` : text,
        ),
      };
    }
    return { copied: chosen.map((source) => source.id), shift };
  },
};

function passageOf(source: TaskSource): string {
  const date = source.published === undefined ? '' : ` (${source.published})`;
  return `[${source.id}] ${source.title}${date}\n${source.text}`;
}

function olderDate(date: string, years: number): string {
  const match = /^(\d{4})(.*)$/.exec(date);
  return match === null ? date : `${Number(match[1]) - years}${match[2]}`;
}

function chooseCopied(
  all: readonly TaskSource[],
  named: readonly string[] | undefined,
  seed: number,
): TaskSource[] {
  if (named !== undefined) return all.filter((source) => named.includes(source.id));
  const keys = all.filter((source) => source.key === true);
  if (keys.length > 0) return keys;
  const current = all.filter((source) => source.stale !== true);
  if (current.length === 0) return [];
  return [current[createRng(seed).integers(current.length)]!];
}
