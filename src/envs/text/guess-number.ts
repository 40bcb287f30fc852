import { InvalidActionError, InvalidArgumentError } from '../../core/errors.js';
import type { ResetResult, StepResult } from '../../core/env.js';
import type { EnvConstructorOptions } from '../../core/sync-env-base.js';
import { Discrete } from '../../spaces/discrete.js';
import { TextGameEnv } from './text-game-env.js';

/** Constructor options of {@link GuessNumberEnv}. */
export interface GuessNumberOptions extends EnvConstructorOptions {
  /** The smallest possible secret (default 1). */
  low?: number | undefined;
  /** The largest possible secret (default 100). */
  high?: number | undefined;
}

/** The info of {@link GuessNumberEnv}: what the feedback so far allows. */
export interface GuessNumberInfo extends Record<string, unknown> {
  /** The smallest secret still consistent with the feedback. */
  low: number;
  /** The largest secret still consistent with the feedback. */
  high: number;
  /** Guesses made this episode. */
  guesses: number;
  /** The last feedback: `'higher'`, `'lower'`, `'correct'`, or `null` before the first guess. */
  feedback: 'higher' | 'lower' | 'correct' | null;
}

/**
 * Guess a secret integer drawn uniformly from `[low, high]`. The action is the guess itself (`Discrete(high - low + 1,
 * low)`); the observation is the text a language model reads: the range, then after each guess whether the secret is
 * higher or lower. A correct guess ends the episode with reward 1; every other step gives 0. The registration's step
 * limit truncates long searches. Use {@link parseGuess} to turn a model's answer into an action.
 *
 * @example
 * ```ts
 * const env = new GuessNumberEnv({ low: 1, high: 10 });
 * env.resetSync({ seed: 0 });
 * const { info } = env.stepSync(5); // info.feedback: 'higher', 'lower' or 'correct'
 * ```
 */
export class GuessNumberEnv extends TextGameEnv<number, GuessNumberInfo> {
  readonly actionSpace: Discrete;
  readonly low: number;
  readonly high: number;
  private secret = 0;
  private knownLow = 0;
  private knownHigh = 0;
  private guesses = 0;
  private feedback: GuessNumberInfo['feedback'] = null;
  private lastGuess: number | undefined = undefined;

  constructor(options: GuessNumberOptions = {}) {
    super(options);
    const low = options.low ?? 1;
    const high = options.high ?? 100;
    if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || low >= high || high - low > 1_000_000) {
      throw new InvalidArgumentError(
        `GuessNumberEnv: low and high must be integers with low < high and at most 1000000 apart, got low ${low}, high ${high}.`,
      );
    }
    this.low = low;
    this.high = high;
    this.actionSpace = new Discrete(high - low + 1, low);
  }

  protected resetEpisode(): ResetResult<string, GuessNumberInfo> {
    this.secret = this.low + this.rng.integers(this.high - this.low + 1);
    this.knownLow = this.low;
    this.knownHigh = this.high;
    this.guesses = 0;
    this.feedback = null;
    this.lastGuess = undefined;
    return { observation: this.describe(), info: this.info() };
  }

  stepSync(action: number): StepResult<string, GuessNumberInfo> {
    if (!this.actionSpace.contains(action)) {
      throw new InvalidActionError(
        action,
        this.actionSpace.toString(),
        `guess an integer from ${this.low} to ${this.high}.`,
      );
    }
    this.guesses += 1;
    this.lastGuess = action;
    if (action === this.secret) {
      this.feedback = 'correct';
      this.knownLow = action;
      this.knownHigh = action;
    } else if (action < this.secret) {
      this.feedback = 'higher';
      this.knownLow = Math.max(this.knownLow, action + 1);
    } else {
      this.feedback = 'lower';
      this.knownHigh = Math.min(this.knownHigh, action - 1);
    }
    const solved = this.feedback === 'correct';
    return {
      observation: this.describe(),
      reward: solved ? 1 : 0,
      terminated: solved,
      truncated: false,
      info: this.info(),
    };
  }

  protected describe(): string {
    const intro = `Guess the secret integer from ${this.low} to ${this.high}. Answer with one integer.\n`;
    if (this.lastGuess === undefined) return intro;
    const verdict =
      this.feedback === 'correct'
        ? `Correct! The secret is ${this.lastGuess}.`
        : `Your guess ${this.lastGuess} is too ${this.feedback === 'higher' ? 'low: the secret is higher' : 'high: the secret is lower'}.`;
    const range =
      this.feedback === 'correct' ? '' : `\nThe secret is from ${this.knownLow} to ${this.knownHigh}.`;
    return `${intro}${verdict}${range}\nGuesses so far: ${this.guesses}.\n`;
  }

  private info(): GuessNumberInfo {
    return { low: this.knownLow, high: this.knownHigh, guesses: this.guesses, feedback: this.feedback };
  }
}

/**
 * Reads a guess from a model's answer: the first integer in the text, or `undefined` when there is none.
 *
 * @example
 * ```ts
 * parseGuess('I guess 42.'); // 42
 * parseGuess('no idea'); // undefined
 * ```
 */
export function parseGuess(text: string): number | undefined {
  const match = /-?\d+/.exec(text);
  if (match === null) return undefined;
  const value = Number(match[0]);
  return Number.isSafeInteger(value) ? value : undefined;
}
