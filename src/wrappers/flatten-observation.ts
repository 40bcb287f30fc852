import type { Env, Info } from '../core/env.js';
import type { Space } from '../core/space.js';
import type { NumericArray } from '../spaces/dtype.js';
import { flatten, flattenSpace } from '../spaces/flatten.js';
import { TransformObservation } from './transform-observation.js';

/**
 * Flattens observations into one flat typed array, as Gymnasium's `FlattenObservation`: the observation space
 * becomes `flattenSpace(inner)` (a one-dimensional `Box`), and each observation `flatten(inner, observation)` (Discrete
 * parts one-hot, Tuple and Dict parts concatenated in order).
 *
 * @example
 * ```ts
 * const env = new FlattenObservation(makeSync('Blackjack-v1')); // Tuple(Discrete(32), Discrete(11), Discrete(2))
 * env.observationSpace.toString(); // 'Box(0.0, 1.0, (45,), float64)'
 * ```
 */
export class FlattenObservation<Obs, Act, I = Info> extends TransformObservation<NumericArray, Obs, Act, I> {
  /** The inner observation space the observations are flattened from. */
  readonly innerObservationSpace: Space<Obs, unknown>;

  constructor(env: Env<Obs, Act, I>) {
    const space = env.observationSpace;
    super(env, (observation) => flatten(space, observation as never), flattenSpace(space));
    this.innerObservationSpace = space;
  }
}
