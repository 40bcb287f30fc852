import { ResetNeededError } from '../core/errors.js';
import type { Env, Info, RenderFrame, ResetOptions, ResetResult } from '../core/env.js';
import { Wrapper } from '../core/wrapper.js';

/**
 * Refuses `step` (and, unless disabled, `render`) before the first `reset`, as Gymnasium's `OrderEnforcing`, with a
 * `ResetNeededError`.
 *
 * @example
 * ```ts
 * const env = new OrderEnforcing(new CartPoleEnv());
 * await env.step(0); // throws ResetNeededError
 * ```
 */
export class OrderEnforcing<Obs, Act, I = Info> extends Wrapper<Obs, Act, I> {
  /** Whether `reset` has been called. */
  hasReset = false;
  private readonly disableRenderOrderEnforcing: boolean;

  constructor(env: Env<Obs, Act, I>, options: { disableRenderOrderEnforcing?: boolean } = {}) {
    super(env);
    this.disableRenderOrderEnforcing = options.disableRenderOrderEnforcing ?? false;
  }

  protected override transformReset(
    result: ResetResult<Obs, I>,
    _options: ResetOptions | undefined,
  ): ResetResult<Obs, I> {
    this.hasReset = true;
    return result;
  }

  protected override transformAction(action: Act): Act {
    if (!this.hasReset) throw new ResetNeededError();
    return action;
  }

  override render(): RenderFrame | undefined {
    if (!this.disableRenderOrderEnforcing && !this.hasReset) {
      throw new ResetNeededError('Cannot call render() before reset(). Call env.reset() first.');
    }
    return super.render();
  }
}
