import { InvalidArgumentError } from '../core/errors.js';
import type { Space } from '../core/space.js';
import { Box } from '../spaces/box.js';
import { Discrete } from '../spaces/discrete.js';
import { allocate, type BoxDtype, type NumericArray } from '../spaces/dtype.js';
import { MultiBinary } from '../spaces/multi-binary.js';
import { MultiDiscrete } from '../spaces/multi-discrete.js';

/** How one observation of a stackable space is laid out as numbers, and the space of `stackSize` of them. */
export interface FrameLayout {
  /** Numbers per observation. */
  readonly size: number;
  /** The dtype of the stacked typed array. */
  readonly dtype: BoxDtype;
  /** The space of stacked observations (Gymnasium's `batch_space`). */
  readonly stackedSpace: Space<unknown, unknown>;
  /** An observation as a fresh typed array of `dtype`. */
  toFrame(observation: unknown): NumericArray;
  /** The element of the space closest to zero (Gymnasium's `create_zero_array`). */
  zero(): NumericArray;
}

/**
 * The frame layout of `space`, with Gymnasium's `batch_space`: `Box`, `MultiDiscrete` and `MultiBinary` stack into a
 * `Box` with a new first axis (bounds repeated, the dtype kept); `Discrete` stacks into a `MultiDiscrete` of
 * `stackSize` components.
 */
export function frameLayout(space: Space<unknown, unknown>, stackSize: number, owner: string): FrameLayout {
  if (space instanceof Discrete) {
    return {
      size: 1,
      dtype: 'int32',
      stackedSpace: new MultiDiscrete(
        new Array<number>(stackSize).fill(space.n),
        new Array<number>(stackSize).fill(space.start),
      ),
      toFrame: (observation) => Int32Array.of(checkedNumber(observation, owner)),
      zero: () => Int32Array.of(space.start),
    };
  }
  if (space instanceof Box || space instanceof MultiDiscrete || space instanceof MultiBinary) {
    const shape = [stackSize, ...space.shape];
    const dtype = space.dtype as BoxDtype;
    const [low, high] = bounds(space);
    const stackedSpace = new Box(repeat(low, stackSize), repeat(high, stackSize), shape, dtype);
    return {
      size: space.size,
      dtype,
      stackedSpace,
      toFrame: (observation) => copyFrame(observation, space.size, dtype, owner),
      zero: () => zeroElement(space, dtype),
    };
  }
  throw new InvalidArgumentError(
    `${owner} stacks Box, Discrete, MultiDiscrete and MultiBinary observations, got ${String(space)}; ` +
      'flatten the space first with FlattenObservation.',
  );
}

function checkedNumber(observation: unknown, owner: string): number {
  if (typeof observation !== 'number') {
    throw new InvalidArgumentError(
      `${owner}: a Discrete observation must be a number, got ${typeof observation}.`,
    );
  }
  return observation;
}

/** Lower and upper bounds per coordinate (a MultiDiscrete component spans `start` to `start + nvec - 1`). */
function bounds(space: Box<BoxDtype> | MultiDiscrete | MultiBinary): [ArrayLike<number>, ArrayLike<number>] {
  if (space instanceof Box) return [space.low, space.high];
  if (space instanceof MultiDiscrete)
    return [space.start, space.start.map((start, k) => start + space.nvec[k]! - 1)];
  return [new Array<number>(space.size).fill(0), new Array<number>(space.size).fill(1)];
}

function copyFrame(observation: unknown, size: number, dtype: BoxDtype, owner: string): NumericArray {
  const values = observation as ArrayLike<number> | null | undefined;
  if (!ArrayBuffer.isView(values) || values.length !== size) {
    throw new InvalidArgumentError(`${owner}: the observation must be a typed array of ${size} values.`);
  }
  const out = allocate(dtype, size);
  out.set(values);
  return out;
}

function zeroElement(space: Box<BoxDtype> | MultiDiscrete | MultiBinary, dtype: BoxDtype): NumericArray {
  const out = allocate(dtype, space.size);
  if (space instanceof MultiDiscrete) out.set(space.start);
  else if (space instanceof Box) {
    for (let i = 0; i < space.size; i++) {
      const low = space.low[i]!;
      const high = space.high[i]!;
      out[i] = low > 0 ? low : high < 0 ? high : 0;
    }
  }
  return out;
}

function repeat(values: ArrayLike<number>, times: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < times; t++) for (let i = 0; i < values.length; i++) out.push(values[i]!);
  return out;
}
