import { z } from 'zod';

/**
 * Hyperparameters of the tabular learners (`q-learning`, `sarsa`), with their defaults. Exploration is epsilon-greedy
 * with epsilon moved linearly from `epsilonStart` to `epsilonEnd` over `epsilonDecayEpisodes` episodes; the learning
 * rate likewise from `learningRate` to `learningRateEnd` (default: constant) over `learningRateDecayEpisodes`.
 *
 * @example
 * ```ts
 * const settings = tabularHyperparametersSchema.parse({ gamma: 0.95 });
 * ```
 */
export const tabularHyperparametersSchema = z.strictObject({
  learningRate: z.number().gt(0).max(1).default(0.1),
  learningRateEnd: z.number().gt(0).max(1).optional(),
  learningRateDecayEpisodes: z.number().int().nonnegative().default(0),
  gamma: z.number().min(0).max(1).default(0.99),
  epsilonStart: z.number().min(0).max(1).default(1),
  epsilonEnd: z.number().min(0).max(1).default(0.05),
  epsilonDecayEpisodes: z.number().int().nonnegative().default(1000),
  initialValue: z.number().default(0),
});

/** The tabular hyperparameters with defaults filled in. */
export type TabularHyperparameters = z.output<typeof tabularHyperparametersSchema>;
/** The tabular hyperparameters as given (every field optional). */
export type TabularHyperparametersInput = z.input<typeof tabularHyperparametersSchema>;
