// `branch_timeout` (LoopBench P2 of the composed tasks): a branch of a parallel composition never answers in time.
import { z } from 'zod';
import { createRng } from '../../core/random/rng.js';
import { deriveSeed } from '../derive-seed.js';
import { mapBackendModels, transformModel } from './map-backend-models.js';
import type { PerturbationDefinition } from './perturbation.js';
import { stringList } from './string-list.js';

const parameters = z.strictObject({
  /** The branches that time out (child ids); default: `count` branches drawn with the composition's seed. */
  branches: stringList().optional(),
  /** How many branches time out when `branches` is not given (default 1). */
  count: z.number().int().min(0).default(1),
});

/**
 * The branches that time out in a composition episode: those named (that exist), else `count` of them drawn with
 * the composition episode's seed, so every branch of the episode agrees on the draw.
 *
 * @example
 * ```ts
 * timedOutBranches(['falsifier', 'evidence', 'operator'], undefined, 1, 7); // e.g. ['evidence']
 * ```
 */
export function timedOutBranches(
  siblings: readonly string[],
  named: readonly string[] | undefined,
  count: number,
  compositionSeed: number,
): string[] {
  if (named !== undefined) return siblings.filter((id) => named.includes(id));
  const rng = createRng(deriveSeed(compositionSeed, 'branch_timeout'));
  const pool = [...siblings];
  const chosen: string[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(rng.integers(pool.length), 1)[0]!);
  return siblings.filter((id) => chosen.includes(id));
}

/**
 * `branch_timeout` (LoopBench P2 for composed loops): in a parallel composition, the chosen branches hang: every model
 * call of their workers outlasts the worker's `timeout_seconds`, so they fail with `timeout` and hand the merge no
 * answer; the merge decides with the others (`min_branches_pass`, `all_pass`, … feel it) and the synthesizer misses
 * what the lost branch would have said. Episodes that are not branches are left alone.
 *
 * @example
 * ```ts
 * make('loopbench/composed-swarm-v1', { perturbations: [{ name: 'branch_timeout', branches: ['evidence'] }] });
 * ```
 */
export const branchTimeout: PerturbationDefinition<z.infer<typeof parameters>> = {
  name: 'branch_timeout',
  description:
    'A branch of a parallel composition hangs: its calls outlast their timeouts and it hands in nothing.',
  parameters,
  apply(episode, { branches, count }) {
    const child = episode.child;
    if (child?.role !== 'branch') return { branch: null };
    const timedOut = timedOutBranches(child.siblings, branches, count, child.compositionSeed);
    if (!timedOut.includes(child.id))
      return { branch: child.id, timedOut: false, timedOutBranches: timedOut };
    const timeouts = new Map(episode.program.workers.map((worker) => [worker.id, worker.timeoutSeconds]));
    episode.backend = mapBackendModels(episode.backend, {
      model: (model, caller) =>
        caller.kind !== 'worker'
          ? model
          : transformModel(model, {
              after: (result) => ({
                ...result,
                latencySeconds: result.latencySeconds + (timeouts.get(caller.id) ?? 0) + 1,
              }),
            }),
    });
    return { branch: child.id, timedOut: true, timedOutBranches: timedOut };
  },
};
