import { z } from 'zod';

/**
 * Hyperparameters of {@link DqnAgent}, with their defaults (a set that solves CartPole-v1 in a few hundred episodes).
 *
 * @example
 * ```ts
 * const settings = dqnHyperparametersSchema.parse({ hiddenSizes: [128, 128] });
 * ```
 */
export const dqnHyperparametersSchema = z.strictObject({
  /** Units of each hidden layer (ReLU). */
  hiddenSizes: z.array(z.number().int().positive()).min(1).default([64]),
  learningRate: z.number().positive().default(1e-3),
  gamma: z.number().min(0).max(1).default(0.99),
  batchSize: z.number().int().positive().default(64),
  replayCapacity: z.number().int().positive().default(50_000),
  /** Steps collected (with exploration) before the first update. */
  learningStarts: z.number().int().nonnegative().default(1000),
  /** Environment steps between updates. */
  trainFrequency: z.number().int().positive().default(1),
  /** Gradient steps per update. */
  gradientSteps: z.number().int().positive().default(1),
  /** `hard`: copy the online network every `targetUpdateInterval` steps; `soft`: blend by `tau` every update. */
  targetUpdate: z.enum(['hard', 'soft']).default('hard'),
  targetUpdateInterval: z.number().int().positive().default(500),
  tau: z.number().gt(0).max(1).default(0.005),
  /** Choose the next action with the online network and value it with the target network (van Hasselt et al.). */
  doubleDqn: z.boolean().default(true),
  loss: z.enum(['huber', 'mse']).default('huber'),
  huberDelta: z.number().positive().default(1),
  /** Clip the gradient's global norm (0: no clipping). */
  maxGradientNorm: z.number().nonnegative().default(10),
  epsilonStart: z.number().min(0).max(1).default(1),
  epsilonEnd: z.number().min(0).max(1).default(0.05),
  /** Steps over which epsilon moves linearly from start to end. */
  epsilonDecaySteps: z.number().int().nonnegative().default(5000),
});

/** DQN hyperparameters with defaults filled in. */
export type DqnHyperparameters = z.output<typeof dqnHyperparametersSchema>;
/** DQN hyperparameters as given (every field optional). */
export type DqnHyperparametersInput = z.input<typeof dqnHyperparametersSchema>;
