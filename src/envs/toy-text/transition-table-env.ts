import type { EnvMetadata, ResetResult, StepResult } from '../../core/env.js';
import { InvalidActionError, InvalidArgumentError, ResetNeededError } from '../../core/errors.js';
import { SyncEnvBase, type EnvConstructorOptions } from '../../core/sync-env-base.js';
import { Discrete } from '../../spaces/discrete.js';
import { cumulativeSum, sampleCumulative } from './categorical-sample.js';

/** One possible outcome of taking an action in a state (an entry of Gymnasium's `P[state][action]`). */
export interface Transition {
  /** The probability of this outcome. */
  readonly probability: number;
  /** The state it leads to. */
  readonly nextState: number;
  /** The reward it gives. */
  readonly reward: number;
  /** Whether it ends the episode. */
  readonly terminated: boolean;
}

/** Every outcome of every action in every state: `table[state][action]` lists the possible transitions. */
export type TransitionTable = readonly (readonly (readonly Transition[])[])[];

/** The info of a tabular environment: the probability of the transition that happened (`1` after a reset). */
export interface TransitionInfo {
  prob: number;
}

/** What a {@link TransitionTableEnv} is built from. */
export interface TransitionModel {
  /** The dynamics, indexed by state then action. */
  readonly transitions: TransitionTable;
  /** The probability of starting in each state. */
  readonly initialStateDistribution: Float64Array;
}

/**
 * Base class of the tabular toy-text environments (FrozenLake, CliffWalking, Taxi): a finite state set, a finite
 * action set and a table of transitions, sampled the way Gymnasium samples them (`categorical_sample`: one
 * `random()` draw per reset and per step). The table is public, so planning agents (value iteration and the like)
 * can read the model.
 *
 * @example
 * ```ts
 * const env = new FrozenLakeEnv();
 * env.resetSync({ seed: 0 });
 * env.transitions[0]![2]; // the outcomes of moving right from the start
 * ```
 */
export abstract class TransitionTableEnv<I extends TransitionInfo = TransitionInfo> extends SyncEnvBase<
  number,
  number,
  I
> {
  readonly observationSpace: Discrete;
  readonly actionSpace: Discrete;
  /** The dynamics (Gymnasium's `P`): `transitions[state][action]` lists the possible outcomes. */
  readonly transitions: TransitionTable;
  /** The probability of starting in each state (Gymnasium's `initial_state_distrib`). */
  readonly initialStateDistribution: Float64Array;
  /** The last action taken, `undefined` right after a reset (Gymnasium's `lastaction`). */
  lastAction: number | undefined = undefined;
  protected currentState: number | undefined = undefined;
  private readonly initialSums: Float64Array;
  private readonly transitionSums: readonly (readonly Float64Array[])[];

  protected constructor(metadata: EnvMetadata, options: EnvConstructorOptions, model: TransitionModel) {
    super(metadata, options);
    this.transitions = model.transitions;
    this.initialStateDistribution = model.initialStateDistribution;
    this.initialSums = cumulativeSum(model.initialStateDistribution);
    this.transitionSums = model.transitions.map((byAction) =>
      byAction.map((outcomes) => cumulativeSum(outcomes.map((outcome) => outcome.probability))),
    );
    this.observationSpace = new Discrete(model.transitions.length);
    this.actionSpace = new Discrete(model.transitions[0]?.length ?? 1);
  }

  /** The current state (Gymnasium's `s`); throws before the first reset. */
  get state(): number {
    if (this.currentState === undefined) throw new ResetNeededError();
    return this.currentState;
  }

  /** Puts the environment in a given state (as assigning Gymnasium's `env.unwrapped.s`), e.g. to test a policy. */
  set state(state: number) {
    if (!this.observationSpace.contains(state)) {
      throw new InvalidArgumentError(`State ${String(state)} is not in ${this.observationSpace.toString()}.`);
    }
    this.currentState = state;
  }

  protected resetEpisode(): ResetResult<number, I> {
    const state = sampleCumulative(this.initialSums, this.rng);
    this.currentState = state;
    this.lastAction = undefined;
    this.afterReset();
    return { observation: state, info: this.resetInfo(state) };
  }

  stepSync(action: number): StepResult<number, I> {
    if (!this.actionSpace.contains(action)) {
      throw new InvalidActionError(action, this.actionSpace.toString());
    }
    const previous = this.state;
    const index = sampleCumulative(this.transitionSums[previous]![action]!, this.rng);
    const transition = this.transitions[previous]![action]![index]!;
    this.lastAction = action;
    const next = this.nextState(previous, transition.nextState);
    this.currentState = next;
    return {
      observation: next,
      reward: transition.reward,
      terminated: transition.terminated,
      truncated: false,
      info: this.stepInfo(transition.probability, next),
    };
  }

  /** Hook run at the end of a reset, after the initial state is drawn (Taxi draws its passenger's mood here). */
  protected afterReset(): void {
    // Nothing by default.
  }

  /** Hook that may change the sampled next state (Taxi's fickle passenger); returns it unchanged by default. */
  protected nextState(_previous: number, sampled: number): number {
    return sampled;
  }

  /** The info returned by a reset. */
  protected abstract resetInfo(state: number): I;

  /** The info returned by a step that took a transition of probability `probability` to `state`. */
  protected abstract stepInfo(probability: number, state: number): I;
}
