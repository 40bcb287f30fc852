import { InvalidArgumentError } from '../../core/errors.js';
import type { Space } from '../../core/space.js';
import { parseCheckpoint, type AgentCheckpoint } from './checkpoint.js';
import { DqnAgent } from './dqn/dqn-agent.js';
import { dqnHyperparametersSchema } from './dqn/dqn-hyperparameters.js';
import type { Learner, LearnerAlgorithm } from './learner.js';
import { PpoAgent } from './ppo/ppo-agent.js';
import { ppoHyperparametersSchema } from './ppo/ppo-hyperparameters.js';
import { QLearningAgent } from './tabular/q-learning-agent.js';
import { SarsaAgent } from './tabular/sarsa-agent.js';
import { tabularHyperparametersSchema } from './tabular/tabular-hyperparameters.js';

/** Every algorithm {@link createLearner} builds. */
export const LEARNER_ALGORITHMS: readonly LearnerAlgorithm[] = ['q-learning', 'sarsa', 'dqn', 'ppo'];

/**
 * The zod schema of each algorithm's hyperparameters (strict objects with defaults), for validating run configs.
 *
 * @example
 * ```ts
 * const result = learnerHyperparameterSchemas.dqn.safeParse({ batchSize: 32 });
 * ```
 */
export const learnerHyperparameterSchemas = {
  'q-learning': tabularHyperparametersSchema,
  sarsa: tabularHyperparametersSchema,
  dqn: dqnHyperparametersSchema,
  ppo: ppoHyperparametersSchema,
} as const;

/** Options of {@link createLearner}. */
export interface CreateLearnerOptions {
  algorithm: LearnerAlgorithm;
  observationSpace: Space<unknown, unknown>;
  actionSpace: Space<unknown, unknown>;
  /** The algorithm's hyperparameters; unknown names are refused, missing ones take their defaults. */
  hyperparameters?: Record<string, unknown> | undefined;
  /** Seed of the learner's generator; omitted, drawn from the OS (not reproducible). */
  seed?: number | undefined;
}

/**
 * Builds a learner by algorithm name for an environment's spaces: `q-learning`/`sarsa` (Discrete observations and
 * actions), `dqn` (Box observations, Discrete actions), `ppo` (Box observations, bounded Box actions).
 *
 * @example
 * ```ts
 * const env = makeSync('CartPole-v1');
 * const agent = createLearner({ algorithm: 'dqn', observationSpace: env.observationSpace, actionSpace: env.actionSpace, seed: 0 });
 * ```
 */
export function createLearner(options: CreateLearnerOptions): Learner<unknown, unknown> {
  const { algorithm, observationSpace, actionSpace, seed } = options;
  const hyperparameters = options.hyperparameters;
  const common = { observationSpace, actionSpace, seed };
  switch (algorithm) {
    case 'q-learning':
      return asLearner(new QLearningAgent({ ...common, hyperparameters }));
    case 'sarsa':
      return asLearner(new SarsaAgent({ ...common, hyperparameters }));
    case 'dqn':
      return asLearner(new DqnAgent({ ...common, hyperparameters }));
    case 'ppo':
      return asLearner(new PpoAgent({ ...common, hyperparameters }));
    default:
      throw new InvalidArgumentError(
        `Unknown learning algorithm ${JSON.stringify(algorithm)}; choose one of ${LEARNER_ALGORITHMS.join(', ')}.`,
      );
  }
}

/**
 * Rebuilds a learner from a checkpoint (the parsed JSON of `toCheckpoint()`), whatever its algorithm; the result
 * continues exactly where the saved one stopped. Throws a `CheckpointError` for anything else.
 *
 * @example
 * ```ts
 * const agent = loadLearner(JSON.parse(await readFile('checkpoint.json', 'utf8')));
 * agent.mode = 'evaluate';
 * ```
 */
export function loadLearner(value: unknown): Learner<unknown, unknown> {
  const checkpoint: AgentCheckpoint = parseCheckpoint(value);
  switch (checkpoint.algorithm) {
    case 'q-learning':
      return asLearner(QLearningAgent.fromCheckpoint(checkpoint));
    case 'sarsa':
      return asLearner(SarsaAgent.fromCheckpoint(checkpoint));
    case 'dqn':
      return asLearner(DqnAgent.fromCheckpoint(checkpoint));
    case 'ppo':
      return asLearner(PpoAgent.fromCheckpoint(checkpoint));
  }
}

function asLearner<Obs, Act>(learner: Learner<Obs, Act>): Learner<unknown, unknown> {
  return learner;
}
