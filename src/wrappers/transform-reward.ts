import type { Env, Info, StepResult } from '../core/env.js';
import { Wrapper } from '../core/wrapper.js';

/**
 * Applies a function to every reward `step` returns, as Gymnasium's `TransformReward`.
 *
 * @example
 * ```ts
 * const env = new TransformReward(makeSync('CartPole-v1'), (reward) => 2 * reward);
 * env.resetSync({ seed: 0 });
 * env.stepSync(0).reward; // 2
 * ```
 */
export class TransformReward<Obs, Act, I = Info> extends Wrapper<Obs, Act, I> {
  readonly transform: (reward: number) => number;

  constructor(env: Env<Obs, Act, I>, transform: (reward: number) => number) {
    super(env);
    this.transform = transform;
  }

  protected override transformStep(result: StepResult<Obs, I>): StepResult<Obs, I> {
    return { ...result, reward: this.transform(result.reward) };
  }
}
