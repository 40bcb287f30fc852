import { z } from 'zod';

/**
 * Hyperparameters of {@link PpoAgent}, with their defaults.
 *
 * @example
 * ```ts
 * const settings = ppoHyperparametersSchema.parse({ rolloutSteps: 1024 });
 * ```
 */
export const ppoHyperparametersSchema = z.strictObject({
  /** Units of each hidden layer (tanh) of the policy and of the value network. */
  hiddenSizes: z.array(z.number().int().positive()).min(1).default([64, 64]),
  learningRate: z.number().positive().default(3e-4),
  gamma: z.number().min(0).max(1).default(0.99),
  /** λ of generalised advantage estimation. */
  gaeLambda: z.number().min(0).max(1).default(0.95),
  /** Steps collected between updates. */
  rolloutSteps: z.number().int().positive().default(2048),
  /** Passes over each rollout. */
  epochs: z.number().int().positive().default(10),
  minibatchSize: z.number().int().positive().default(64),
  /** The probability ratio is clipped to [1 − clipRange, 1 + clipRange]. */
  clipRange: z.number().positive().default(0.2),
  entropyCoefficient: z.number().nonnegative().default(0),
  /** Clip each network's gradient norm (0: no clipping). */
  maxGradientNorm: z.number().nonnegative().default(0.5),
  /** Initial log standard deviation of the Gaussian policy, in units of half the action range. */
  initialLogStd: z.number().default(0),
  /** Rewards are multiplied by this before learning (returns reported unscaled). */
  rewardScale: z.number().positive().default(1),
  normalizeAdvantages: z.boolean().default(true),
});

/** PPO hyperparameters with defaults filled in. */
export type PpoHyperparameters = z.output<typeof ppoHyperparametersSchema>;
/** PPO hyperparameters as given (every field optional). */
export type PpoHyperparametersInput = z.input<typeof ppoHyperparametersSchema>;
