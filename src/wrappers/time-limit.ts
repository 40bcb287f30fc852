import { InvalidArgumentError } from '../core/errors.js';
import type { Env, Info, ResetOptions, ResetResult, StepResult } from '../core/env.js';
import { Wrapper } from '../core/wrapper.js';

/**
 * Truncates an episode after `maxEpisodeSteps` steps, as Gymnasium's `TimeLimit`: the step that reaches the limit
 * returns `truncated: true`. It is the only place `make` truncates.
 *
 * @example
 * ```ts
 * const env = new TimeLimit(new CartPoleEnv(), 100);
 * ```
 */
export class TimeLimit<Obs, Act, I = Info> extends Wrapper<Obs, Act, I> {
  readonly maxEpisodeSteps: number;
  /** Steps taken since the last reset. */
  elapsedSteps = 0;

  constructor(env: Env<Obs, Act, I>, maxEpisodeSteps: number) {
    super(env);
    if (!Number.isSafeInteger(maxEpisodeSteps) || maxEpisodeSteps <= 0) {
      throw new InvalidArgumentError(
        `TimeLimit: maxEpisodeSteps must be a positive integer, got ${maxEpisodeSteps}.`,
      );
    }
    this.maxEpisodeSteps = maxEpisodeSteps;
  }

  protected override transformReset(
    result: ResetResult<Obs, I>,
    _options: ResetOptions | undefined,
  ): ResetResult<Obs, I> {
    this.elapsedSteps = 0;
    return result;
  }

  protected override transformStep(result: StepResult<Obs, I>): StepResult<Obs, I> {
    this.elapsedSteps += 1;
    if (this.elapsedSteps >= this.maxEpisodeSteps && !result.truncated) return { ...result, truncated: true };
    return result;
  }
}
