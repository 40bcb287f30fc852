import { InvalidArgumentError } from '../core/errors.js';
import type { Env, Info } from '../core/env.js';
import { Wrapper } from '../core/wrapper.js';
import type { Space } from '../core/space.js';
import { Box, type BoxBound } from '../spaces/box.js';
import { allocate, type BoxDtype, type NumericArray } from '../spaces/dtype.js';
import { rescaleGradient } from './long-double.js';
import { floatResultDtype, numericValues, rounder, valueDtype, type FloatDtype } from './numeric.js';

/**
 * Affinely maps actions from `[minAction, maxAction]` onto the inner environment's `Box` action space, as
 * Gymnasium's `RescaleAction`: the wrapper's action space is `Box(minAction, maxAction)` of the inner shape and dtype,
 * and an action `a` reaches the inner environment as `(a - intercept) / gradient`, where `gradient * x + intercept` maps
 * the inner box onto the new one. Everything is computed as Gymnasium computes it on x86-64 (the gradient divided in
 * 80-bit long double and stored in the box's dtype; float32 actions transformed in float32), so the inner
 * environment receives bit-identical actions. A coordinate may be unbounded only where the
 * inner space is unbounded on the same side. The box must have a float dtype.
 *
 * @example
 * ```ts
 * const env = new RescaleAction(makeSync('Pendulum-v1'), -1, 1); // the inner space is Box(-2, 2, (1,))
 * env.stepSync(Float32Array.of(0.5)); // Pendulum receives Float32Array [1]
 * ```
 */
export class RescaleAction<Obs, Act extends NumericArray = Float32Array, I = Info> extends Wrapper<
  Obs,
  Act,
  I
> {
  /** Slope of the map from the inner box onto the new one, per coordinate, in the box's dtype. */
  readonly gradient: Float32Array | Float64Array;
  /** Offset of the map from the inner box onto the new one, per coordinate, in the box's dtype. */
  readonly intercept: Float32Array | Float64Array;
  private readonly boxDtype: FloatDtype;

  constructor(env: Env<Obs, Act, I>, minAction: BoxBound, maxAction: BoxBound) {
    super(env);
    const space = env.actionSpace;
    if (!(space instanceof Box)) {
      throw new InvalidArgumentError(`RescaleAction needs a Box action space, got ${String(space)}.`);
    }
    const box = space as Box<BoxDtype>;
    if (box.dtype !== 'float32' && box.dtype !== 'float64') {
      throw new InvalidArgumentError(`RescaleAction needs a float32 or float64 Box, got ${String(box)}.`);
    }
    const dtype: FloatDtype = box.dtype;
    const newMin = expandBound(minAction, box.size, 'minAction');
    const newMax = expandBound(maxAction, box.size, 'maxAction');
    checkBounds(box, newMin, newMax);
    const round = rounder(dtype);
    this.boxDtype = dtype;
    this.gradient = allocate(dtype, box.size);
    this.intercept = allocate(dtype, box.size);
    for (let i = 0; i < box.size; i++) {
      const low = box.low[i]!;
      const high = box.high[i]!;
      const minFinite = Number.isFinite(newMin[i]);
      const maxFinite = Number.isFinite(newMax[i]);
      const gradient =
        minFinite && maxFinite ? rescaleGradient(newMax[i]! - newMin[i]!, high, low, dtype) : 1;
      this.gradient[i] = gradient;
      // As in Gymnasium, the lower bound decides the intercept when both are finite.
      if (minFinite) this.intercept[i] = round(round(gradient * -low) + newMin[i]!);
      else if (maxFinite) this.intercept[i] = newMax[i]! - high;
    }
    this.actionSpaceOverride = new Box(newMin, newMax, box.shape, box.dtype) as unknown as Space<
      Act,
      unknown
    >;
  }

  protected override transformAction(action: Act): Act {
    const values = numericValues(action, 'RescaleAction: the action');
    const size = this.gradient.length;
    if (values.length !== size) {
      throw new InvalidArgumentError(
        `RescaleAction: the action has ${values.length} values; the action space needs ${size}.`,
      );
    }
    const dtype = floatResultDtype(valueDtype(action), this.boxDtype);
    const round = rounder(dtype);
    const out: NumericArray = allocate(dtype, size);
    for (let i = 0; i < size; i++) out[i] = round(round(values[i]! - this.intercept[i]!) / this.gradient[i]!);
    return out as Act;
  }
}

function expandBound(bound: BoxBound, size: number, name: string): number[] {
  if (typeof bound === 'number') return new Array<number>(size).fill(bound);
  if (bound.length !== size) {
    throw new InvalidArgumentError(
      `RescaleAction: ${name} has ${bound.length} values; the action space has ${size}.`,
    );
  }
  return Array.from(bound);
}

function checkBounds(box: Box<BoxDtype>, newMin: number[], newMax: number[]): void {
  for (let i = 0; i < box.size; i++) {
    const [low, high, min, max] = [box.low[i]!, box.high[i]!, newMin[i]!, newMax[i]!];
    if (Number.isNaN(min) || Number.isNaN(max)) {
      throw new InvalidArgumentError(
        `RescaleAction: the bounds must be numbers, got NaN at coordinate ${i}.`,
      );
    }
    if ((!Number.isFinite(min) || !Number.isFinite(low)) && min !== low) {
      throw new InvalidArgumentError(
        `RescaleAction: minAction[${i}] = ${min} but the inner low is ${low}; a bound may be infinite only where the ` +
          'inner bound is the same infinity.',
      );
    }
    if ((!Number.isFinite(max) || !Number.isFinite(high)) && max !== high) {
      throw new InvalidArgumentError(
        `RescaleAction: maxAction[${i}] = ${max} but the inner high is ${high}; a bound may be infinite only where the ` +
          'inner bound is the same infinity.',
      );
    }
    if (min > max) {
      throw new InvalidArgumentError(
        `RescaleAction: minAction[${i}] = ${min} exceeds maxAction[${i}] = ${max}.`,
      );
    }
  }
}
