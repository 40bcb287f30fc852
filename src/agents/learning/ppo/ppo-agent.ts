import type { Rng } from '../../../core/random/rng.js';
import type { ActContext } from '../../agent.js';
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, type AgentCheckpoint } from '../checkpoint.js';
import type { Learner, LearnerMode, LearnerProgress, LearnerTransition } from '../learner.js';
import { Adam } from '../nn/adam.js';
import { clipGradientNorm, Mlp } from '../nn/mlp.js';
import { clippedSurrogate } from './clipped-surrogate.js';
import { decodePpoState, encodePpoState } from './ppo-checkpoint-state.js';
import type { PpoHyperparameters } from './ppo-hyperparameters.js';
import { resolvePpoSetup, type PpoAgentOptions, type PpoProblem } from './ppo-setup.js';
import { RolloutBuffer } from './rollout-buffer.js';

export type { PpoAgentOptions } from './ppo-setup.js';

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Proximal policy optimisation (Schulman et al., clipped objective) for continuous actions: a Gaussian policy whose
 * mean is a tanh {@link Mlp} and whose log standard deviations are free parameters, a separate value network,
 * generalised advantage estimation (bootstrapping past time limits), several epochs of minibatch Adam steps per
 * rollout. The policy works in units of half the action range; actions sent to the environment are clipped to its
 * bounds. In `evaluate` mode it acts with the mean.
 *
 * @example
 * ```ts
 * const env = makeSync<Float32Array, Float32Array>('Pendulum-v1');
 * const agent = new PpoAgent({ observationSpace: env.observationSpace, actionSpace: env.actionSpace, seed: 0 });
 * await trainAgent(agent, env, { episodes: 200, seed: 0 });
 * ```
 */
export class PpoAgent implements Learner<ArrayLike<number>, Float32Array> {
  readonly algorithm = 'ppo' as const;
  readonly name = 'ppo';
  mode: LearnerMode = 'train';
  readonly hyperparameters: Readonly<PpoHyperparameters>;
  readonly rng: Rng;
  readonly policy: Mlp;
  readonly value: Mlp;
  readonly logStd: Float64Array;
  readonly policyOptimizer: Adam;
  readonly valueOptimizer: Adam;
  readonly logStdOptimizer: Adam;
  readonly rollout: RolloutBuffer;
  private readonly problem: PpoProblem;
  private readonly scales: Float64Array;
  private readonly center: Float64Array;
  private readonly halfRange: Float64Array;
  private readonly progressCounts: LearnerProgress = { episodes: 0, steps: 0, updates: 0 };
  private readonly input: Float64Array;
  private readonly rawAction: Float64Array;
  private pendingLogProb = 0;
  private pendingValue = 0;
  // Minibatch buffers.
  private readonly order: Int32Array;
  private readonly batchObservations: Float64Array;
  private readonly policyGradient: Float64Array;
  private readonly valueGradient: Float64Array;
  private readonly logStdGradient: Float64Array;
  private readonly figures = { policyLoss: 0, valueLoss: 0, approxKl: 0, clipFraction: 0, batches: 0 };

  constructor(options: PpoAgentOptions | { checkpoint: AgentCheckpoint }) {
    const setup = resolvePpoSetup(options);
    const checkpoint = setup.checkpoint;
    this.problem = setup.problem;
    this.hyperparameters = setup.hyperparameters;
    this.rng = setup.rng;
    const { observationSize, actionSize } = this.problem;
    const settings = this.hyperparameters;
    const batch = settings.minibatchSize;
    this.policy = new Mlp([observationSize, ...settings.hiddenSizes, actionSize], {
      activation: 'tanh',
      maxBatchSize: batch,
    });
    this.value = new Mlp([observationSize, ...settings.hiddenSizes, 1], {
      activation: 'tanh',
      maxBatchSize: batch,
    });
    this.logStd = new Float64Array(actionSize).fill(settings.initialLogStd);
    const adam = { learningRate: settings.learningRate, epsilon: 1e-5 };
    this.policyOptimizer = new Adam(this.policy.parameters.length, adam);
    this.valueOptimizer = new Adam(this.value.parameters.length, adam);
    this.logStdOptimizer = new Adam(actionSize, adam);
    this.rollout = new RolloutBuffer(settings.rolloutSteps, observationSize, actionSize);
    this.scales = Float64Array.from(this.problem.observationScales);
    this.center = Float64Array.from(
      this.problem.actionLow,
      (low, i) => (low + this.problem.actionHigh[i]!) / 2,
    );
    this.halfRange = Float64Array.from(
      this.problem.actionLow,
      (low, i) => (this.problem.actionHigh[i]! - low) / 2,
    );
    this.input = new Float64Array(observationSize);
    this.rawAction = new Float64Array(actionSize);
    this.order = new Int32Array(settings.rolloutSteps);
    this.batchObservations = new Float64Array(batch * observationSize);
    this.policyGradient = new Float64Array(batch * actionSize);
    this.valueGradient = new Float64Array(batch);
    this.logStdGradient = new Float64Array(actionSize);
    if (checkpoint === undefined) {
      this.policy.initialize(this.rng, 0.01);
      this.value.initialize(this.rng);
    } else {
      decodePpoState(checkpoint.state, this);
      Object.assign(this.progressCounts, checkpoint.progress);
      this.rng.setState(checkpoint.rng);
    }
  }

  /**
   * A PPO agent from its checkpoint (checked with `parseCheckpoint`), continuing where it stopped.
   *
   * @example
   * ```ts
   * const agent = PpoAgent.fromCheckpoint(parseCheckpoint(JSON.parse(text)));
   * ```
   */
  static fromCheckpoint(checkpoint: AgentCheckpoint): PpoAgent {
    return new PpoAgent({ checkpoint });
  }

  get progress(): Readonly<LearnerProgress> {
    return this.progressCounts;
  }

  reset(): void {
    // PPO keeps nothing per episode: a rollout may span episodes.
  }

  act(observation: ArrayLike<number>, _context?: ActContext): Float32Array {
    const size = this.problem.actionSize;
    this.scaleInto(observation, this.input);
    const mean = this.policy.forward(this.input, 1);
    const action = new Float32Array(size);
    if (this.mode !== 'train') {
      for (let j = 0; j < size; j++) action[j] = this.toEnvironment(mean[j]!, j);
      return action;
    }
    let logProb = 0;
    for (let j = 0; j < size; j++) {
      const noise = this.rng.standardNormal();
      const raw = mean[j]! + Math.exp(this.logStd[j]!) * noise;
      this.rawAction[j] = raw;
      logProb += -0.5 * noise * noise - this.logStd[j]! - HALF_LOG_TWO_PI;
      action[j] = this.toEnvironment(raw, j);
    }
    this.pendingLogProb = logProb;
    this.pendingValue = this.value.forward(this.input, 1)[0]!;
    return action;
  }

  observe(transition: LearnerTransition<ArrayLike<number>, Float32Array>): void {
    if (this.mode !== 'train') return;
    this.progressCounts.steps += 1;
    const settings = this.hyperparameters;
    this.scaleInto(transition.observation, this.input);
    this.rollout.add(
      this.input,
      this.rawAction,
      this.pendingLogProb,
      this.pendingValue,
      transition.reward * settings.rewardScale,
    );
    if (transition.terminated) {
      this.rollout.setEnding(1);
    } else if (transition.truncated || this.rollout.full) {
      this.scaleInto(transition.nextObservation, this.input);
      this.rollout.setEnding(2, this.value.forward(this.input, 1)[0]);
    }
    if (this.rollout.full) this.update();
  }

  endEpisode(): Record<string, number> {
    const metrics: Record<string, number> = { std: Math.exp(this.logStd[0]!) };
    const figures = this.figures;
    if (figures.batches > 0) {
      metrics['policyLoss'] = figures.policyLoss / figures.batches;
      metrics['valueLoss'] = figures.valueLoss / figures.batches;
      metrics['loss'] = metrics['policyLoss'] + metrics['valueLoss'];
      metrics['approxKl'] = figures.approxKl / figures.batches;
      metrics['clipFraction'] = figures.clipFraction / figures.batches;
    }
    Object.assign(figures, { policyLoss: 0, valueLoss: 0, approxKl: 0, clipFraction: 0, batches: 0 });
    this.progressCounts.episodes += 1;
    return metrics;
  }

  toCheckpoint(): AgentCheckpoint {
    return {
      format: CHECKPOINT_FORMAT,
      version: CHECKPOINT_VERSION,
      algorithm: 'ppo',
      hyperparameters: structuredClone(this.hyperparameters),
      problem: structuredClone(this.problem),
      progress: { ...this.progressCounts },
      rng: this.rng.getState(),
      state: encodePpoState(this),
    };
  }

  /** Epochs of clipped-objective minibatch steps on the full rollout, then a fresh rollout. */
  private update(): void {
    const settings = this.hyperparameters;
    const rollout = this.rollout;
    rollout.computeAdvantages(settings.gamma, settings.gaeLambda, settings.normalizeAdvantages);
    const count = rollout.size;
    for (let i = 0; i < count; i++) this.order[i] = i;
    const order = this.order.subarray(0, count);
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      this.rng.shuffle(order);
      for (let start = 0; start < count; start += settings.minibatchSize) {
        this.minibatchStep(order, start, Math.min(settings.minibatchSize, count - start));
      }
    }
    rollout.clear();
    this.progressCounts.updates += 1;
  }

  private minibatchStep(order: Int32Array, start: number, batch: number): void {
    const settings = this.hyperparameters;
    const rollout = this.rollout;
    const observationSize = this.problem.observationSize;
    for (let row = 0; row < batch; row++) {
      const index = order[start + row]!;
      for (let i = 0; i < observationSize; i++) {
        this.batchObservations[row * observationSize + i] =
          rollout.observations[index * observationSize + i]!;
      }
    }
    // Policy: clipped surrogate objective.
    const surrogate = clippedSurrogate({
      means: this.policy.forward(this.batchObservations, batch),
      rollout,
      order,
      start,
      batch,
      logStd: this.logStd,
      clipRange: settings.clipRange,
      entropyCoefficient: settings.entropyCoefficient,
      meanGradient: this.policyGradient,
      logStdGradient: this.logStdGradient,
    });
    this.policy.zeroGradients();
    this.policy.backward(this.policyGradient, batch);
    if (settings.maxGradientNorm > 0) {
      clipGradientNorm(this.policy.gradients, settings.maxGradientNorm);
      clipGradientNorm(this.logStdGradient, settings.maxGradientNorm);
    }
    this.policyOptimizer.step(this.policy.parameters, this.policy.gradients);
    this.logStdOptimizer.step(this.logStd, this.logStdGradient);
    // Value: squared error to the GAE returns.
    const values = this.value.forward(this.batchObservations, batch);
    let valueLoss = 0;
    for (let row = 0; row < batch; row++) {
      const error = values[row]! - rollout.returns[order[start + row]!]!;
      valueLoss += 0.5 * error * error;
      this.valueGradient[row] = error / batch;
    }
    this.value.zeroGradients();
    this.value.backward(this.valueGradient, batch);
    if (settings.maxGradientNorm > 0) clipGradientNorm(this.value.gradients, settings.maxGradientNorm);
    this.valueOptimizer.step(this.value.parameters, this.value.gradients);
    const figures = this.figures;
    figures.policyLoss += surrogate.policyLoss;
    figures.valueLoss += valueLoss / batch;
    figures.approxKl += surrogate.approxKl;
    figures.clipFraction += surrogate.clipFraction;
    figures.batches += 1;
  }

  private scaleInto(observation: ArrayLike<number>, target: Float64Array): void {
    for (let i = 0; i < target.length; i++) target[i] = observation[i]! * this.scales[i]!;
  }

  /** A policy output (in half-range units) as an action within the environment's bounds. */
  private toEnvironment(raw: number, j: number): number {
    const clipped = raw < -1 ? -1 : raw > 1 ? 1 : raw;
    return this.center[j]! + this.halfRange[j]! * clipped;
  }
}
