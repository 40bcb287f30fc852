import { InvalidArgumentError } from '../core/errors.js';
import type { Env, Info, ResetOptions, ResetResult, StepResult } from '../core/env.js';
import { Wrapper } from '../core/wrapper.js';
import { Box } from '../spaces/box.js';
import { floatResultDtype, numericValues, rounder, valueDtype } from './numeric.js';
import { RunningMeanStd } from './running-mean-std.js';

/**
 * Normalizes observations to zero mean and unit variance with running statistics, as Gymnasium's
 * `NormalizeObservation`: every observation from `reset` and `step` first updates the statistics (unless
 * {@link updateRunningMean} is false, e.g. during evaluation), then comes out as
 * `(observation - mean) / sqrt(var + epsilon)` in float32. The statistics are float32 (as in Gymnasium, whose
 * statistics take the dtype of the new observation space) and NumPy's arithmetic is reproduced exactly. The
 * observation space becomes `Box(-inf, inf)` of the same shape, float32.
 *
 * @example
 * ```ts
 * const env = new NormalizeObservation(makeSync('CartPole-v1'));
 * env.resetSync({ seed: 0 });
 * env.updateRunningMean = false; // freeze the statistics
 * ```
 */
export class NormalizeObservation<Obs, Act, I = Info> extends Wrapper<Float32Array, Act, I, Obs, Act, I> {
  readonly epsilon: number;
  /** Whether observations update the statistics (true by default). */
  updateRunningMean = true;
  readonly statistics: RunningMeanStd;

  constructor(env: Env<Obs, Act, I>, options: { epsilon?: number } = {}) {
    super(env);
    const shape = env.observationSpace.shape;
    if (shape === undefined) {
      throw new InvalidArgumentError(
        `NormalizeObservation needs an observation space with a shape, got ${String(env.observationSpace)}; ` +
          'flatten it first with FlattenObservation.',
      );
    }
    const box = new Box(-Infinity, Infinity, shape, 'float32');
    this.observationSpaceOverride = box;
    this.statistics = new RunningMeanStd(box.size, { dtype: 'float32' });
    this.epsilon = options.epsilon ?? 1e-8;
  }

  protected override transformReset(
    result: ResetResult<Obs, I>,
    _options: ResetOptions | undefined,
  ): ResetResult<Float32Array, I> {
    return { observation: this.normalize(result.observation), info: result.info };
  }

  protected override transformStep(result: StepResult<Obs, I>): StepResult<Float32Array, I> {
    return { ...result, observation: this.normalize(result.observation) };
  }

  /** Updates the statistics with `observation` (when enabled) and returns it normalized. */
  normalize(observation: Obs): Float32Array {
    const values = numericValues(observation, 'NormalizeObservation: the observation');
    const statistics = this.statistics;
    if (values.length !== statistics.size) {
      throw new InvalidArgumentError(
        `NormalizeObservation: the observation has ${values.length} values; the space has ${statistics.size}.`,
      );
    }
    const observationDtype = valueDtype(observation);
    if (this.updateRunningMean)
      statistics.update(values, observationDtype === 'float32' ? 'float32' : 'float64');
    const difference = rounder(floatResultDtype(observationDtype, statistics.dtype));
    const scale = rounder(statistics.dtype);
    const epsilon = scale(this.epsilon);
    const out = new Float32Array(statistics.size);
    for (let i = 0; i < statistics.size; i++) {
      out[i] =
        difference(values[i]! - statistics.mean[i]!) / scale(Math.sqrt(scale(statistics.var[i]! + epsilon)));
    }
    return out;
  }
}
