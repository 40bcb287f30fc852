import type { Env, Info, StepResult } from '../core/env.js';
import { Wrapper } from '../core/wrapper.js';
import { RunningMeanStd } from './running-mean-std.js';

/** Options of {@link NormalizeReward}. */
export interface NormalizeRewardOptions {
  /** The discount of the running return (default 0.99). */
  gamma?: number;
  /** Added to the variance before the square root (default 1e-8). */
  epsilon?: number;
}

/**
 * Scales rewards so that their discounted sum has roughly unit variance, as Gymnasium's `NormalizeReward`: a running
 * discounted return (reset to 0 only by termination, not by truncation or `reset`) feeds float64 running statistics
 * (unless {@link updateRunningMean} is false), and each reward is divided by `sqrt(var + epsilon)`; the mean is not
 * subtracted. Bit-identical to Gymnasium.
 *
 * @example
 * ```ts
 * const env = new NormalizeReward(makeSync('Pendulum-v1'), { gamma: 0.99 });
 * ```
 */
export class NormalizeReward<Obs, Act, I = Info> extends Wrapper<Obs, Act, I> {
  readonly gamma: number;
  readonly epsilon: number;
  /** Whether rewards update the statistics (true by default). */
  updateRunningMean = true;
  readonly statistics = new RunningMeanStd(1);
  /** The running discounted return. */
  discountedReward = 0;

  constructor(env: Env<Obs, Act, I>, options: NormalizeRewardOptions = {}) {
    super(env);
    this.gamma = options.gamma ?? 0.99;
    this.epsilon = options.epsilon ?? 1e-8;
  }

  protected override transformStep(result: StepResult<Obs, I>): StepResult<Obs, I> {
    this.discountedReward = this.discountedReward * this.gamma * (result.terminated ? 0 : 1) + result.reward;
    if (this.updateRunningMean) this.statistics.update([this.discountedReward], 'float64');
    return { ...result, reward: result.reward / Math.sqrt(this.statistics.var[0]! + this.epsilon) };
  }
}
