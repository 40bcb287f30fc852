import type { Env, Info, ResetOptions, ResetResult, StepResult } from '../core/env.js';
import type { Space } from '../core/space.js';
import { Wrapper } from '../core/wrapper.js';

/**
 * Applies a function to every observation `reset` and `step` return, as Gymnasium's `TransformObservation`. When the
 * results leave the inner observation space, pass the space they live in; otherwise the inner space is kept.
 *
 * @example
 * ```ts
 * const env = new TransformObservation(
 *   makeSync('CartPole-v1'),
 *   (observation) => observation.map((x) => 2 * x),
 *   new Box(-Infinity, Infinity, [4]),
 * );
 * ```
 */
export class TransformObservation<WObs, Obs, Act, I = Info> extends Wrapper<WObs, Act, I, Obs, Act, I> {
  readonly transform: (observation: Obs) => WObs;

  constructor(
    env: Env<Obs, Act, I>,
    transform: (observation: Obs) => WObs,
    observationSpace?: Space<WObs, unknown>,
  ) {
    super(env);
    this.transform = transform;
    if (observationSpace !== undefined) this.observationSpaceOverride = observationSpace;
  }

  protected override transformReset(
    result: ResetResult<Obs, I>,
    _options: ResetOptions | undefined,
  ): ResetResult<WObs, I> {
    return { observation: this.transform(result.observation), info: result.info };
  }

  protected override transformStep(result: StepResult<Obs, I>): StepResult<WObs, I> {
    return { ...result, observation: this.transform(result.observation) };
  }
}
