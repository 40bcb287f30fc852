import { z } from 'zod';
import { createRng, type Rng } from '../../../core/random/rng.js';
import type { Space } from '../../../core/space.js';
import type { ActContext } from '../../agent.js';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  parseWith,
  type AgentCheckpoint,
  type CheckpointOptions,
} from '../checkpoint.js';
import { CheckpointError } from '../checkpoint-error.js';
import { linearSchedule, parseHyperparameters } from '../hyperparameters.js';
import type { Learner, LearnerMode, LearnerProgress, LearnerTransition } from '../learner.js';
import { Adam } from '../nn/adam.js';
import { clipGradientNorm, Mlp } from '../nn/mlp.js';
import { boxShape, discreteShape, observationScales } from '../problem-shape.js';
import {
  dqnHyperparametersSchema,
  type DqnHyperparameters,
  type DqnHyperparametersInput,
} from './dqn-hyperparameters.js';
import { decodeDqnState, encodeDqnState } from './dqn-checkpoint-state.js';
import { ReplayBuffer } from './replay-buffer.js';

/** Options of {@link DqnAgent}. */
export interface DqnAgentOptions {
  /** A float `Box` observation space (flattened into the network's input). */
  observationSpace: Space<unknown, unknown>;
  /** A `Discrete` action space. */
  actionSpace: Space<unknown, unknown>;
  hyperparameters?: DqnHyperparametersInput | undefined;
  /** Seed of the learner's generator (initial weights, exploration, replay sampling); omitted, drawn from the OS. */
  seed?: number | undefined;
}

const problemSchema = z.strictObject({
  observationSize: z.number().int().positive(),
  actions: z.number().int().positive(),
  actionStart: z.number().int(),
  observationScales: z.array(z.number()),
});
type DqnProblem = z.output<typeof problemSchema>;

/**
 * Deep Q-network (Mnih et al.) with a replay buffer, a target network (hard or soft updates), double DQN, a Huber or
 * squared TD loss, gradient-norm clipping, Adam and a linear epsilon schedule over steps. The network is an
 * {@link Mlp} on `Float64Array`s; observations are scaled by their finite bounds. Each update samples a batch,
 * computes targets and back-propagates in preallocated buffers.
 *
 * @example
 * ```ts
 * const env = makeSync<Float32Array, number>('CartPole-v1');
 * const agent = new DqnAgent({ observationSpace: env.observationSpace, actionSpace: env.actionSpace, seed: 0 });
 * await trainAgent(agent, env, { episodes: 300, seed: 0 });
 * ```
 */
export class DqnAgent implements Learner<ArrayLike<number>, number> {
  readonly algorithm = 'dqn' as const;
  readonly name = 'dqn';
  mode: LearnerMode = 'train';
  readonly hyperparameters: Readonly<DqnHyperparameters>;
  readonly rng: Rng;
  readonly online: Mlp;
  readonly target: Mlp;
  readonly optimizer: Adam;
  readonly replay: ReplayBuffer;
  private readonly problem: DqnProblem;
  private readonly scales: Float64Array;
  private readonly progressCounts: LearnerProgress = { episodes: 0, steps: 0, updates: 0 };
  // Preallocated batch buffers.
  private readonly input: Float64Array;
  private readonly batchStates: Float64Array;
  private readonly batchNextStates: Float64Array;
  private readonly batchIndices: Int32Array;
  private readonly nextActions: Int32Array;
  private readonly targets: Float64Array;
  private readonly outputGradient: Float64Array;
  private lossSum = 0;
  private lossCount = 0;

  constructor(options: DqnAgentOptions | { checkpoint: AgentCheckpoint }) {
    let checkpoint: AgentCheckpoint | undefined;
    if ('checkpoint' in options) {
      checkpoint = options.checkpoint;
      if (checkpoint.algorithm !== 'dqn') {
        throw new CheckpointError(
          `This is a ${checkpoint.algorithm} checkpoint, not dqn; load it with loadLearner().`,
          { path: 'algorithm' },
        );
      }
      this.problem = parseWith(problemSchema, checkpoint.problem, 'problem');
      this.hyperparameters = parseHyperparameters(
        dqnHyperparametersSchema,
        checkpoint.hyperparameters,
        'dqn',
      );
      this.rng = createRng(0);
    } else {
      const observation = boxShape(options.observationSpace, 'observation', 'dqn');
      const action = discreteShape(options.actionSpace, 'action', 'dqn');
      this.problem = {
        observationSize: observation.size,
        actions: action.n,
        actionStart: action.start,
        observationScales: Array.from(observationScales(observation)),
      };
      this.hyperparameters = parseHyperparameters(dqnHyperparametersSchema, options.hyperparameters, 'dqn');
      this.rng = createRng(options.seed);
    }
    const { observationSize, actions } = this.problem;
    const settings = this.hyperparameters;
    const sizes = [observationSize, ...settings.hiddenSizes, actions];
    this.online = new Mlp(sizes, { activation: 'relu', maxBatchSize: settings.batchSize });
    this.target = new Mlp(sizes, { activation: 'relu', maxBatchSize: settings.batchSize });
    this.optimizer = new Adam(this.online.parameters.length, { learningRate: settings.learningRate });
    this.replay = new ReplayBuffer(settings.replayCapacity, observationSize);
    this.scales = Float64Array.from(this.problem.observationScales);
    this.input = new Float64Array(observationSize);
    this.batchStates = new Float64Array(settings.batchSize * observationSize);
    this.batchNextStates = new Float64Array(settings.batchSize * observationSize);
    this.batchIndices = new Int32Array(settings.batchSize);
    this.nextActions = new Int32Array(settings.batchSize);
    this.targets = new Float64Array(settings.batchSize);
    this.outputGradient = new Float64Array(settings.batchSize * actions);
    if (checkpoint === undefined) {
      this.online.initialize(this.rng);
      this.target.copyFrom(this.online);
    } else {
      decodeDqnState(checkpoint.state, this);
      Object.assign(this.progressCounts, checkpoint.progress);
      this.rng.setState(checkpoint.rng);
    }
  }

  /**
   * A DQN agent from its checkpoint (checked with `parseCheckpoint`), continuing where it stopped.
   *
   * @example
   * ```ts
   * const agent = DqnAgent.fromCheckpoint(parseCheckpoint(JSON.parse(text)));
   * ```
   */
  static fromCheckpoint(checkpoint: AgentCheckpoint): DqnAgent {
    return new DqnAgent({ checkpoint });
  }

  get progress(): Readonly<LearnerProgress> {
    return this.progressCounts;
  }

  /** The exploration rate at the current step. */
  get epsilon(): number {
    const { epsilonStart, epsilonEnd, epsilonDecaySteps } = this.hyperparameters;
    return linearSchedule(epsilonStart, epsilonEnd, epsilonDecaySteps, this.progressCounts.steps);
  }

  act(observation: ArrayLike<number>, _context?: ActContext): number {
    if (this.mode === 'train' && this.rng.random() < this.epsilon) {
      return this.problem.actionStart + this.rng.integers(this.problem.actions);
    }
    return this.problem.actionStart + this.greedyColumn(observation);
  }

  /** The action values of one observation (a fresh array). */
  actionValues(observation: ArrayLike<number>): Float64Array {
    for (let i = 0; i < this.input.length; i++) this.input[i] = observation[i]! * this.scales[i]!;
    return Float64Array.from(this.online.forward(this.input, 1));
  }

  observe(transition: LearnerTransition<ArrayLike<number>, number>): void {
    if (this.mode !== 'train') return;
    this.replay.add(
      transition.observation,
      transition.action - this.problem.actionStart,
      transition.reward,
      transition.nextObservation,
      transition.terminated,
    );
    const steps = (this.progressCounts.steps += 1);
    const settings = this.hyperparameters;
    if (steps >= settings.learningStarts && steps % settings.trainFrequency === 0) {
      for (let i = 0; i < settings.gradientSteps; i++) this.update();
    }
    if (settings.targetUpdate === 'hard' && steps % settings.targetUpdateInterval === 0) {
      this.target.copyFrom(this.online);
    }
  }

  reset(): void {
    // DQN keeps nothing per episode.
  }

  endEpisode(): Record<string, number> {
    const metrics: Record<string, number> = { epsilon: this.epsilon, replaySize: this.replay.size };
    if (this.lossCount > 0) metrics['loss'] = this.lossSum / this.lossCount;
    this.lossSum = 0;
    this.lossCount = 0;
    this.progressCounts.episodes += 1;
    return metrics;
  }

  toCheckpoint(options: CheckpointOptions = {}): AgentCheckpoint {
    return {
      format: CHECKPOINT_FORMAT,
      version: CHECKPOINT_VERSION,
      algorithm: 'dqn',
      hyperparameters: structuredClone(this.hyperparameters),
      problem: structuredClone(this.problem),
      progress: { ...this.progressCounts },
      rng: this.rng.getState(),
      state: encodeDqnState(this, options.includeReplayBuffer ?? true),
    };
  }

  /** One gradient step on a sampled batch. */
  private update(): void {
    const settings = this.hyperparameters;
    const batch = settings.batchSize;
    const size = this.problem.observationSize;
    const actions = this.problem.actions;
    const replay = this.replay;
    replay.sampleIndices(this.rng, this.batchIndices);
    for (let row = 0; row < batch; row++) {
      const source = this.batchIndices[row]! * size;
      const target = row * size;
      for (let i = 0; i < size; i++) {
        const scale = this.scales[i]!;
        this.batchStates[target + i] = replay.observations[source + i]! * scale;
        this.batchNextStates[target + i] = replay.nextObservations[source + i]! * scale;
      }
    }
    if (settings.doubleDqn) {
      const online = this.online.forward(this.batchNextStates, batch);
      for (let row = 0; row < batch; row++) this.nextActions[row] = argmax(online, row * actions, actions);
    }
    const nextValues = this.target.forward(this.batchNextStates, batch);
    for (let row = 0; row < batch; row++) {
      const index = this.batchIndices[row]!;
      let bootstrap = 0;
      if (replay.terminals[index] === 0) {
        const base = row * actions;
        bootstrap = settings.doubleDqn
          ? nextValues[base + this.nextActions[row]!]!
          : nextValues[base + argmax(nextValues, base, actions)]!;
      }
      this.targets[row] = replay.rewards[index]! + settings.gamma * bootstrap;
    }
    const values = this.online.forward(this.batchStates, batch);
    this.outputGradient.fill(0);
    let loss = 0;
    const delta = settings.huberDelta;
    for (let row = 0; row < batch; row++) {
      const column = row * actions + replay.actions[this.batchIndices[row]!]!;
      const error = values[column]! - this.targets[row]!;
      let gradient: number;
      if (settings.loss === 'mse') {
        loss += 0.5 * error * error;
        gradient = error;
      } else if (Math.abs(error) <= delta) {
        loss += 0.5 * error * error;
        gradient = error;
      } else {
        loss += delta * (Math.abs(error) - 0.5 * delta);
        gradient = error > 0 ? delta : -delta;
      }
      this.outputGradient[column] = gradient / batch;
    }
    this.online.zeroGradients();
    this.online.backward(this.outputGradient, batch);
    if (settings.maxGradientNorm > 0) clipGradientNorm(this.online.gradients, settings.maxGradientNorm);
    this.optimizer.step(this.online.parameters, this.online.gradients);
    if (settings.targetUpdate === 'soft') this.target.blendFrom(this.online, settings.tau);
    this.lossSum += loss / batch;
    this.lossCount += 1;
    this.progressCounts.updates += 1;
  }

  private greedyColumn(observation: ArrayLike<number>): number {
    for (let i = 0; i < this.input.length; i++) this.input[i] = observation[i]! * this.scales[i]!;
    return argmax(this.online.forward(this.input, 1), 0, this.problem.actions);
  }
}

/** The index (relative to `offset`) of the largest of `count` values; the first on ties. */
function argmax(values: Float64Array, offset: number, count: number): number {
  let best = 0;
  let bestValue = values[offset]!;
  for (let i = 1; i < count; i++) {
    const value = values[offset + i]!;
    if (value > bestValue) {
      best = i;
      bestValue = value;
    }
  }
  return best;
}
