import { InvalidArgumentError } from '../core/errors.js';
import type { Space } from '../core/space.js';
import { Box } from '../spaces/box.js';
import { Dict } from '../spaces/dict.js';
import { Discrete } from '../spaces/discrete.js';
import type { BoxDtype } from '../spaces/dtype.js';
import { MultiBinary } from '../spaces/multi-binary.js';
import { MultiDiscrete } from '../spaces/multi-discrete.js';
import type { AnySpace } from '../spaces/space-types.js';
import { Tuple } from '../spaces/tuple.js';

/**
 * The space of `n` stacked elements of `space`, as Gymnasium's `batch_space`: `Discrete(k)` becomes
 * `MultiDiscrete([k, ..., k])`, a `Box` gains a leading dimension `n`, `MultiDiscrete` and `MultiBinary` become
 * integer `Box`es of shape `[n, ...shape]`, `Tuple` and `Dict` are batched part by part, and any other space (e.g.
 * `Text`) becomes a `Tuple` of `n` copies.
 *
 * @example
 * ```ts
 * batchSpace(new Discrete(2), 3).toString(); // 'MultiDiscrete([2 2 2])'
 * batchSpace(new Box(-1, 1, [4]), 8).shape; // [8, 4]
 * ```
 */
export function batchSpace(space: AnySpace, n: number): AnySpace {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(`batchSpace: n must be a positive integer, got ${n}.`);
  }
  if (space instanceof Discrete) {
    return new MultiDiscrete(new Array<number>(n).fill(space.n), new Array<number>(n).fill(space.start));
  }
  if (space instanceof Box) {
    const box = space as Box<BoxDtype>;
    return new Box(repeat(box.low, n), repeat(box.high, n), [n, ...box.shape], box.dtype);
  }
  if (space instanceof MultiDiscrete) {
    const high = Array.from(space.nvec, (count, i) => space.start[i]! + count - 1);
    return new Box(repeat(space.start, n), repeat(high, n), [n, ...space.shape], 'int32');
  }
  if (space instanceof MultiBinary) {
    return new Box(0, 1, [n, ...space.shape], 'int8');
  }
  if (space instanceof Tuple) {
    return new Tuple((space as Tuple).spaces.map((inner: AnySpace) => batchSpace(inner, n)));
  }
  if (space instanceof Dict) {
    return new Dict(
      (space as Dict).keys.map((key) => [key, batchSpace((space as Dict).spaces[key]!, n)] as const),
    );
  }
  return new Tuple(new Array<Space<unknown, unknown>>(n).fill(space));
}

function repeat(values: ArrayLike<number>, n: number): number[] {
  const out = new Array<number>(values.length * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < values.length; j++) out[i * values.length + j] = values[j]!;
  return out;
}
