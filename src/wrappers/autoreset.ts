import type { Info, ResetOptions, ResetResult, StepResult } from '../core/env.js';
import { Wrapper } from '../core/wrapper.js';

/**
 * Resets the environment automatically, as Gymnasium's `Autoreset` (the vector "next-step" mode): after a step that
 * ends an episode (terminated or truncated), the next `step` ignores its action, resets the inner environment
 * (without seed or options) and returns the new episode's first observation and reset info, with reward 0 and both
 * flags false.
 *
 * @example
 * ```ts
 * const env = new Autoreset(makeSync('CartPole-v1'));
 * env.resetSync({ seed: 0 });
 * for (let i = 0; i < 1000; i++) env.stepSync(env.actionSpace.sample(env.rng)); // never needs reset()
 * ```
 */
export class Autoreset<Obs, Act, I = Info> extends Wrapper<Obs, Act, I> {
  /** Whether the next `step` resets (the previous one ended an episode). */
  autoreset = false;

  protected override transformReset(
    result: ResetResult<Obs, I>,
    _options: ResetOptions | undefined,
  ): ResetResult<Obs, I> {
    this.autoreset = false;
    return result;
  }

  override stepSync(action: Act): StepResult<Obs, I> {
    const inner = this.syncInner();
    return this.record(this.autoreset ? fromReset(inner.resetSync()) : inner.stepSync(action));
  }

  override async step(action: Act): Promise<StepResult<Obs, I>> {
    if (this.synchronous) return this.stepSync(action);
    return this.record(this.autoreset ? fromReset(await this.env.reset()) : await this.env.step(action));
  }

  private record(result: StepResult<Obs, I>): StepResult<Obs, I> {
    this.autoreset = result.terminated || result.truncated;
    return result;
  }
}

function fromReset<Obs, I>(result: ResetResult<Obs, I>): StepResult<Obs, I> {
  return {
    observation: result.observation,
    reward: 0,
    terminated: false,
    truncated: false,
    info: result.info,
  };
}
