import { z } from 'zod';
import { CheckpointError } from '../checkpoint-error.js';
import { createRng, type Rng } from '../../../core/random/rng.js';
import type { Space } from '../../../core/space.js';
import type { ActContext } from '../../agent.js';
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, parseWith, type AgentCheckpoint } from '../checkpoint.js';
import { linearSchedule, parseHyperparameters } from '../hyperparameters.js';
import type { Learner, LearnerMode, LearnerProgress, LearnerTransition } from '../learner.js';
import { discreteShape } from '../problem-shape.js';
import { decodeFloat64Array, encodedFloatArraySchema, encodeFloatArray } from '../typed-array-codec.js';
import {
  tabularHyperparametersSchema,
  type TabularHyperparameters,
  type TabularHyperparametersInput,
} from './tabular-hyperparameters.js';

/** Options of the tabular learners. */
export interface TabularLearnerOptions {
  /** A `Discrete` observation space. */
  observationSpace: Space<unknown, unknown>;
  /** A `Discrete` action space. */
  actionSpace: Space<unknown, unknown>;
  hyperparameters?: TabularHyperparametersInput | undefined;
  /** Seed of the learner's generator (exploration and tie-breaking); omitted, drawn from the OS. */
  seed?: number | undefined;
}

const problemSchema = z.strictObject({
  states: z.number().int().positive(),
  actions: z.number().int().positive(),
  observationStart: z.number().int(),
  actionStart: z.number().int(),
});
type TabularProblem = z.output<typeof problemSchema>;

const stateSchema = z.strictObject({ qTable: encodedFloatArraySchema });

/**
 * The shared machinery of Q-learning and SARSA: a `states x actions` table of action values in a `Float64Array`,
 * epsilon-greedy exploration (ties broken at random while training, the first best action when evaluating), schedules
 * per episode and checkpoints. Subclasses give the bootstrap target.
 */
export abstract class TabularLearner implements Learner<number, number> {
  abstract readonly algorithm: 'q-learning' | 'sarsa';
  mode: LearnerMode = 'train';
  readonly hyperparameters: Readonly<TabularHyperparameters>;
  readonly rng: Rng;
  /** Action values, row `state - observationStart`, column `action - actionStart`. */
  readonly qTable: Float64Array;
  protected readonly problem: TabularProblem;
  protected readonly progressCounts: LearnerProgress = { episodes: 0, steps: 0, updates: 0 };
  private tdErrorSum = 0;
  private tdErrorCount = 0;

  protected constructor(options: TabularLearnerOptions | { checkpoint: AgentCheckpoint }, algorithm: string) {
    if ('checkpoint' in options) {
      const checkpoint = options.checkpoint;
      if (checkpoint.algorithm !== algorithm) {
        throw new CheckpointError(
          `This is a ${checkpoint.algorithm} checkpoint, not ${algorithm}; load it with loadLearner() or the ${checkpoint.algorithm} agent.`,
          { path: 'algorithm' },
        );
      }
      this.problem = parseWith(problemSchema, checkpoint.problem, 'problem');
      this.hyperparameters = parseHyperparameters(
        tabularHyperparametersSchema,
        checkpoint.hyperparameters,
        algorithm,
      );
      this.rng = createRng(0);
    } else {
      const observation = discreteShape(options.observationSpace, 'observation', algorithm);
      const action = discreteShape(options.actionSpace, 'action', algorithm);
      this.problem = {
        states: observation.n,
        actions: action.n,
        observationStart: observation.start,
        actionStart: action.start,
      };
      this.hyperparameters = parseHyperparameters(
        tabularHyperparametersSchema,
        options.hyperparameters,
        algorithm,
      );
      this.rng = createRng(options.seed);
    }
    this.qTable = new Float64Array(this.problem.states * this.problem.actions).fill(
      this.hyperparameters.initialValue,
    );
    if ('checkpoint' in options) this.restore(options.checkpoint);
  }

  get name(): string {
    return this.algorithm;
  }

  get progress(): Readonly<LearnerProgress> {
    return this.progressCounts;
  }

  /** The exploration rate for the current episode. */
  get epsilon(): number {
    const { epsilonStart, epsilonEnd, epsilonDecayEpisodes } = this.hyperparameters;
    return linearSchedule(epsilonStart, epsilonEnd, epsilonDecayEpisodes, this.progressCounts.episodes);
  }

  /** The learning rate for the current episode. */
  get learningRate(): number {
    const { learningRate, learningRateEnd, learningRateDecayEpisodes } = this.hyperparameters;
    return linearSchedule(
      learningRate,
      learningRateEnd ?? learningRate,
      learningRateDecayEpisodes,
      this.progressCounts.episodes,
    );
  }

  reset(): void {
    // Nothing carries over between episodes except in SARSA, which overrides this.
  }

  act(observation: number, _context?: ActContext): number {
    const row = this.rowOf(observation);
    if (this.mode === 'train' && this.rng.random() < this.epsilon) {
      return this.problem.actionStart + this.rng.integers(this.problem.actions);
    }
    return this.problem.actionStart + this.bestColumn(row, this.mode === 'train');
  }

  observe(transition: LearnerTransition<number, number>): void {
    if (this.mode !== 'train') return;
    this.progressCounts.steps += 1;
    const row = this.rowOf(transition.observation);
    const index = row * this.problem.actions + transition.action - this.problem.actionStart;
    let target = transition.reward;
    if (!transition.terminated) {
      target +=
        this.hyperparameters.gamma * this.bootstrapValue(this.rowOf(transition.nextObservation), transition);
    }
    const error = target - this.qTable[index]!;
    this.qTable[index]! += this.learningRate * error;
    this.tdErrorSum += Math.abs(error);
    this.tdErrorCount += 1;
    this.progressCounts.updates += 1;
  }

  endEpisode(): Record<string, number> {
    const metrics: Record<string, number> = { epsilon: this.epsilon, learningRate: this.learningRate };
    if (this.tdErrorCount > 0) metrics['tdError'] = this.tdErrorSum / this.tdErrorCount;
    this.tdErrorSum = 0;
    this.tdErrorCount = 0;
    this.progressCounts.episodes += 1;
    this.reset();
    return metrics;
  }

  /** The value of the next state used in the target (max for Q-learning, the next action's value for SARSA). */
  protected abstract bootstrapValue(nextRow: number, transition: LearnerTransition<number, number>): number;

  /** The greedy action's column in `row`; ties broken at random when `randomTies`, else the first. */
  protected bestColumn(row: number, randomTies: boolean): number {
    const base = row * this.problem.actions;
    let best = 0;
    let bestValue = this.qTable[base]!;
    let ties = 1;
    for (let column = 1; column < this.problem.actions; column++) {
      const value = this.qTable[base + column]!;
      if (value > bestValue) {
        best = column;
        bestValue = value;
        ties = 1;
      } else if (value === bestValue && randomTies) {
        ties += 1;
        if (this.rng.integers(ties) === 0) best = column;
      }
    }
    return best;
  }

  protected rowOf(observation: number): number {
    const row = observation - this.problem.observationStart;
    if (!(Number.isInteger(row) && row >= 0 && row < this.problem.states)) {
      throw new RangeError(
        `${this.algorithm}: observation ${String(observation)} is outside the Discrete(${this.problem.states}, start=${this.problem.observationStart}) space it was built for.`,
      );
    }
    return row;
  }

  toCheckpoint(): AgentCheckpoint {
    return {
      format: CHECKPOINT_FORMAT,
      version: CHECKPOINT_VERSION,
      algorithm: this.algorithm,
      hyperparameters: { ...this.hyperparameters },
      problem: { ...this.problem },
      progress: { ...this.progressCounts },
      rng: this.rng.getState(),
      state: { qTable: encodeFloatArray(this.qTable) },
    };
  }

  private restore(checkpoint: AgentCheckpoint): void {
    const state = parseWith(stateSchema, checkpoint.state, 'state');
    const table = decodeFloat64Array(state.qTable, 'state.qTable');
    if (table.length !== this.qTable.length) {
      throw new CheckpointError(
        `Checkpoint state.qTable has ${table.length} values, expected ${this.qTable.length}.`,
      );
    }
    this.qTable.set(table);
    Object.assign(this.progressCounts, checkpoint.progress);
    this.rng.setState(checkpoint.rng);
  }
}
