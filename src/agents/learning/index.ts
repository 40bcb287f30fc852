// The learning agents: a Learner interface over Agent, training and evaluation loops, checkpoints, and the
// algorithms (tabular Q-learning and SARSA, DQN, PPO) with their small neural-network toolkit.
export type {
  Learner,
  LearnerAlgorithm,
  LearnerMode,
  LearnerProgress,
  LearnerTransition,
} from './learner.js';
export { isLearner } from './learner.js';
export { trainAgent, type EpisodeMetrics, type TrainOptions, type TrainResult } from './train-agent.js';
export {
  evaluateAgent,
  evaluateAgentSync,
  type EvaluateAgentOptions,
  type EvaluationResult,
} from './evaluate-agent.js';
export { solvedCheck, type SolvedCheckOptions } from './solved-check.js';
export {
  createLearner,
  loadLearner,
  LEARNER_ALGORITHMS,
  learnerHyperparameterSchemas,
  type CreateLearnerOptions,
} from './create-learner.js';
export { TRAINING_PRESETS, type TrainingPreset } from './recommended-hyperparameters.js';
export {
  agentCheckpointSchema,
  CHECKPOINT_ALGORITHMS,
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  parseCheckpoint,
  type AgentCheckpoint,
  type CheckpointOptions,
} from './checkpoint.js';
export { CheckpointError } from './checkpoint-error.js';
export {
  decodeFloat32Array,
  decodeFloat64Array,
  encodeFloatArray,
  type EncodedFloatArray,
} from './typed-array-codec.js';
export { QLearningAgent } from './tabular/q-learning-agent.js';
export { SarsaAgent } from './tabular/sarsa-agent.js';
export type { TabularLearnerOptions } from './tabular/tabular-learner.js';
export {
  tabularHyperparametersSchema,
  type TabularHyperparameters,
  type TabularHyperparametersInput,
} from './tabular/tabular-hyperparameters.js';
export { DqnAgent, type DqnAgentOptions } from './dqn/dqn-agent.js';
export {
  dqnHyperparametersSchema,
  type DqnHyperparameters,
  type DqnHyperparametersInput,
} from './dqn/dqn-hyperparameters.js';
export { ReplayBuffer } from './dqn/replay-buffer.js';
export { PpoAgent, type PpoAgentOptions } from './ppo/ppo-agent.js';
export {
  ppoHyperparametersSchema,
  type PpoHyperparameters,
  type PpoHyperparametersInput,
} from './ppo/ppo-hyperparameters.js';
export { RolloutBuffer } from './ppo/rollout-buffer.js';
export { Mlp, clipGradientNorm, type Activation } from './nn/mlp.js';
export { Adam, type AdamOptions, type AdamState } from './nn/adam.js';
