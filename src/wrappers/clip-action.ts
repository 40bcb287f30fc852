import { InvalidArgumentError } from '../core/errors.js';
import type { Env, Info } from '../core/env.js';
import { Wrapper } from '../core/wrapper.js';
import { Box } from '../spaces/box.js';
import type { Space } from '../core/space.js';
import { allocate, type BoxDtype, type NumericArray } from '../spaces/dtype.js';
import { numericValues, promoteDtypes, valueDtype } from './numeric.js';

/**
 * Clips every action into the inner environment's `Box` action space before passing it on, as Gymnasium's
 * `ClipAction`. The wrapper's action space is the unbounded box of the same shape and dtype (every action is
 * accepted); the inner environment only ever sees actions within its bounds. As NumPy's `clip`, the result has the
 * promoted dtype of the action and the bounds (a `Float32Array` for float32 actions on a float32 box); NaN stays NaN.
 *
 * @example
 * ```ts
 * const env = new ClipAction(makeSync('MountainCarContinuous-v0'));
 * env.actionSpace.toString(); // 'Box(-inf, inf, (1,), float32)'
 * env.stepSync(Float32Array.of(5)); // the inner environment receives Float32Array [1]
 * ```
 */
export class ClipAction<Obs, Act extends NumericArray = Float32Array, I = Info> extends Wrapper<Obs, Act, I> {
  /** The inner action space the actions are clipped into. */
  readonly innerActionSpace: Box<BoxDtype>;

  constructor(env: Env<Obs, Act, I>) {
    super(env);
    const space = env.actionSpace;
    if (!(space instanceof Box)) {
      throw new InvalidArgumentError(`ClipAction needs a Box action space, got ${String(space)}.`);
    }
    this.innerActionSpace = space as Box<BoxDtype>;
    this.actionSpaceOverride = new Box(
      -Infinity,
      Infinity,
      space.shape,
      this.innerActionSpace.dtype,
    ) as unknown as Space<Act, unknown>;
  }

  protected override transformAction(action: Act): Act {
    const { low, high, size, dtype } = this.innerActionSpace;
    const values = numericValues(action, 'ClipAction: the action');
    if (values.length !== size) {
      throw new InvalidArgumentError(
        `ClipAction: the action has ${values.length} values; the action space needs ${size}.`,
      );
    }
    const out: NumericArray = allocate(promoteDtypes(valueDtype(action), dtype), size);
    for (let i = 0; i < size; i++) out[i] = Math.min(Math.max(values[i]!, low[i]!), high[i]!);
    return out as Act;
  }
}
