import { z } from 'zod';
import { InvalidArgumentError } from '../../../core/errors.js';
import { createRng, type Rng } from '../../../core/random/rng.js';
import type { Space } from '../../../core/space.js';
import { parseWith, type AgentCheckpoint } from '../checkpoint.js';
import { CheckpointError } from '../checkpoint-error.js';
import { parseHyperparameters } from '../hyperparameters.js';
import { boxShape, observationScales } from '../problem-shape.js';
import {
  ppoHyperparametersSchema,
  type PpoHyperparameters,
  type PpoHyperparametersInput,
} from './ppo-hyperparameters.js';

/** Options of {@link PpoAgent}. */
export interface PpoAgentOptions {
  /** A float `Box` observation space. */
  observationSpace: Space<unknown, unknown>;
  /** A float `Box` action space with finite bounds. */
  actionSpace: Space<unknown, unknown>;
  hyperparameters?: PpoHyperparametersInput | undefined;
  /** Seed of the learner's generator (initial weights, action noise, minibatch order); omitted, drawn from the OS. */
  seed?: number | undefined;
}

export const ppoProblemSchema = z.strictObject({
  observationSize: z.number().int().positive(),
  actionSize: z.number().int().positive(),
  actionLow: z.array(z.number()),
  actionHigh: z.array(z.number()),
  observationScales: z.array(z.number()),
});
/** The sizes and bounds a PPO agent is built for (the checkpoint's `problem`). */
export type PpoProblem = z.output<typeof ppoProblemSchema>;

/** What a PPO agent is built from: new (spaces, seed) or restored (checkpoint). */
export interface PpoSetup {
  problem: PpoProblem;
  hyperparameters: PpoHyperparameters;
  rng: Rng;
  /** The checkpoint to restore the learned state from, if any. */
  checkpoint: AgentCheckpoint | undefined;
}

/**
 * Checks a PPO agent's options (spaces and hyperparameters, or a checkpoint of the right algorithm) and derives its
 * problem sizes, settings and generator.
 *
 * @example
 * ```ts
 * const { problem } = resolvePpoSetup({ observationSpace, actionSpace, seed: 0 });
 * ```
 */
export function resolvePpoSetup(options: PpoAgentOptions | { checkpoint: AgentCheckpoint }): PpoSetup {
  if ('checkpoint' in options) {
    const checkpoint = options.checkpoint;
    if (checkpoint.algorithm !== 'ppo') {
      throw new CheckpointError(
        `This is a ${checkpoint.algorithm} checkpoint, not ppo; load it with loadLearner().`,
        { path: 'algorithm' },
      );
    }
    return {
      problem: parseWith(ppoProblemSchema, checkpoint.problem, 'problem'),
      hyperparameters: parseHyperparameters(ppoHyperparametersSchema, checkpoint.hyperparameters, 'ppo'),
      rng: createRng(0),
      checkpoint,
    };
  }
  const observation = boxShape(options.observationSpace, 'observation', 'ppo');
  const action = boxShape(options.actionSpace, 'action', 'ppo');
  if (![...action.low, ...action.high].every(Number.isFinite)) {
    throw new InvalidArgumentError('ppo needs an action space with finite bounds (e.g. Box(-2, 2, (1,))).');
  }
  return {
    problem: {
      observationSize: observation.size,
      actionSize: action.size,
      actionLow: action.low,
      actionHigh: action.high,
      observationScales: Array.from(observationScales(observation)),
    },
    hyperparameters: parseHyperparameters(ppoHyperparametersSchema, options.hyperparameters, 'ppo'),
    rng: createRng(options.seed),
    checkpoint: undefined,
  };
}
