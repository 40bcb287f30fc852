import type { LearnerAlgorithm } from './learner.js';

/** A tested training setup: hyperparameters and how many episodes reach the documented result. */
export interface TrainingPreset {
  algorithm: LearnerAlgorithm;
  envId: string;
  /** Options for `make`/`makeSync`. */
  envOptions: Record<string, unknown>;
  hyperparameters: Record<string, unknown>;
  /** Training episodes (an upper bound where training stops at a target). */
  episodes: number;
  /** What it reaches, in words (see docs/agents.md for the measured figures). */
  result: string;
}

/**
 * The setups of the learning-target tests and the training benchmark: tuned hyperparameters that learn each task
 * quickly. `create-default` style tools can start from them.
 *
 * @example
 * ```ts
 * const preset = TRAINING_PRESETS.find((p) => p.envId === 'Taxi-v4')!;
 * const agent = createLearner({ algorithm: preset.algorithm, observationSpace, actionSpace, hyperparameters: preset.hyperparameters, seed: 0 });
 * ```
 */
export const TRAINING_PRESETS: readonly TrainingPreset[] = [
  {
    algorithm: 'q-learning',
    envId: 'FrozenLake-v1',
    envOptions: { isSlippery: false },
    hyperparameters: { learningRate: 0.5, epsilonDecayEpisodes: 200 },
    episodes: 300,
    result: 'greedy success 1.0 on the deterministic lake',
  },
  {
    algorithm: 'q-learning',
    envId: 'FrozenLake-v1',
    envOptions: { isSlippery: true },
    hyperparameters: {
      learningRate: 0.1,
      learningRateEnd: 0.01,
      learningRateDecayEpisodes: 20_000,
      epsilonDecayEpisodes: 5000,
      gamma: 0.99,
    },
    episodes: 20_000,
    result: 'greedy success about 0.74 on the slippery lake (the optimum is about 0.74 within 100 steps)',
  },
  {
    algorithm: 'q-learning',
    envId: 'Taxi-v4',
    envOptions: {},
    hyperparameters: { learningRate: 0.5, epsilonDecayEpisodes: 1000, epsilonEnd: 0.01 },
    episodes: 2000,
    result: 'greedy mean return about 7.8',
  },
  {
    algorithm: 'dqn',
    envId: 'CartPole-v1',
    envOptions: {},
    hyperparameters: { hiddenSizes: [64], epsilonDecaySteps: 5000, batchSize: 32, learningRate: 0.002 },
    episodes: 800,
    result: 'greedy mean return 500 (training stops once 10 greedy episodes all reach 500)',
  },
  {
    algorithm: 'ppo',
    envId: 'Pendulum-v1',
    envOptions: {},
    hyperparameters: {
      hiddenSizes: [32, 32],
      gamma: 0.9,
      learningRate: 1e-3,
      rewardScale: 0.1,
      rolloutSteps: 1024,
    },
    episodes: 250,
    result: 'greedy mean return about -170 (random: about -1200)',
  },
];
