// P5 `budget_minus_one`: the loop gets fewer iterations than its spec allows.
import { z } from 'zod';
import type { PerturbationDefinition } from './perturbation.js';

const parameters = z.strictObject({
  /** How many iterations fewer (default 1); the bound never goes below 1. */
  iterations: z.number().int().min(1).default(1),
});

/**
 * `budget_minus_one` (LoopBench P5): the iteration bound (`termination.maxIterations`) lowered by `iterations`
 * (default 1, never below 1), so a loop that needed its last iteration runs out of budget.
 *
 * @example
 * ```ts
 * make('loopbench/research-synthesis-v1', { perturbations: ['budget_minus_one'] }); // 5 iterations → 4
 * ```
 */
export const budgetMinusOne: PerturbationDefinition<z.infer<typeof parameters>> = {
  name: 'budget_minus_one',
  description: 'One iteration less (or `iterations` fewer) than the spec allows.',
  parameters,
  apply(episode, { iterations }) {
    const termination = episode.program.termination;
    const maxIterations = Math.max(1, termination.maxIterations - iterations);
    episode.program = { ...episode.program, termination: { ...termination, maxIterations } };
    return { maxIterations: { from: termination.maxIterations, to: maxIterations } };
  },
};
