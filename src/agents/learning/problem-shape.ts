import { InvalidArgumentError } from '../../core/errors.js';
import type { Space } from '../../core/space.js';
import { Box } from '../../spaces/box.js';
import { Discrete } from '../../spaces/discrete.js';

/** A `Discrete(n, start)` space's size and first value. */
export interface DiscreteShape {
  n: number;
  start: number;
}

/** A one-dimensional float `Box`: its size and finite bounds (`±Infinity` kept as `null` in JSON). */
export interface BoxShape {
  size: number;
  low: number[];
  high: number[];
}

/**
 * The size of a `Discrete` space, or a clear error naming the algorithm when the space is of another kind.
 *
 * @example
 * ```ts
 * discreteShape(new Discrete(16), 'observation', 'q-learning'); // { n: 16, start: 0 }
 * ```
 */
export function discreteShape(
  space: Space<unknown, unknown>,
  role: string,
  algorithm: string,
): DiscreteShape {
  if (space instanceof Discrete) return { n: space.n, start: space.start };
  throw new InvalidArgumentError(
    `${algorithm} needs a Discrete ${role} space, got ${space.toString()}. ` +
      (role === 'observation'
        ? 'Use dqn or ppo for Box observations.'
        : 'Use ppo for Box actions, or wrap the environment with discrete actions.'),
  );
}

/**
 * The size and bounds of a float `Box` space (flattened), or a clear error naming the algorithm.
 *
 * @example
 * ```ts
 * boxShape(new Box(-2, 2, [1]), 'action', 'ppo'); // { size: 1, low: [-2], high: [2] }
 * ```
 */
export function boxShape(space: Space<unknown, unknown>, role: string, algorithm: string): BoxShape {
  if (space instanceof Box && (space.dtype === 'float32' || space.dtype === 'float64')) {
    return {
      size: space.size,
      low: Array.from(space.low as ArrayLike<number>),
      high: Array.from(space.high as ArrayLike<number>),
    };
  }
  throw new InvalidArgumentError(
    `${algorithm} needs a float Box ${role} space, got ${space.toString()}.` +
      (role === 'observation' ? ' Use q-learning or sarsa for Discrete observations.' : ''),
  );
}

/**
 * Per-coordinate input scales: `1 / max(|low|, |high|)` where both bounds are finite, else 1. Networks see
 * observations multiplied by these, so bounded inputs stay within [-1, 1].
 *
 * @example
 * ```ts
 * observationScales({ size: 3, low: [-1, -1, -8], high: [1, 1, 8] }); // Float64Array [1, 1, 0.125]
 * ```
 */
export function observationScales(shape: BoxShape): Float64Array {
  const scales = new Float64Array(shape.size).fill(1);
  for (let i = 0; i < shape.size; i++) {
    const bound = Math.max(Math.abs(shape.low[i]!), Math.abs(shape.high[i]!));
    if (Number.isFinite(bound) && bound > 0) scales[i] = 1 / bound;
  }
  return scales;
}
