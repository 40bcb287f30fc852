import { describeValue, InvalidArgumentError, UnsupportedOperationError } from '../core/errors.js';
import type { Dtype } from '../core/space.js';
import { Box, isBox } from './box.js';
import { isDict, type Dict } from './dict.js';
import { Discrete } from './discrete.js';
import { allocate, dtypeOf, type BoxDtype, type NumericArray } from './dtype.js';
import { MultiBinary } from './multi-binary.js';
import { MultiDiscrete } from './multi-discrete.js';
import { Text } from './text.js';
import { isTuple, type Tuple } from './tuple.js';
import type { AnySpace, SpaceElement } from './space-types.js';

/**
 * Gymnasium's `spaces.utils` flattening: every supported space maps to a flat `Box`. Discrete spaces become one-hot
 * vectors (one block per `MultiDiscrete` component), `Text` becomes character indices padded with the charset size,
 * `Box` and `MultiBinary` keep their values, and `Tuple`/`Dict` concatenate their parts in order.
 *
 * The flat dtype is NumPy's: each part's dtype in Gymnasium (Discrete and MultiDiscrete one-hots are `int64`,
 * MultiBinary `int8`, Text `int32`, Box its own), promoted as `np.concatenate` promotes them. Where that gives
 * `int64`, which typed arrays cannot hold as plain numbers, LoopGym uses `float64`: the values are the same.
 */

const BITS: Readonly<Record<Dtype, number>> = {
  int8: 8,
  int16: 16,
  int32: 32,
  int64: 64,
  uint8: 8,
  uint16: 16,
  uint32: 32,
  float32: 32,
  float64: 64,
};

/**
 * NumPy's `result_type` for array dtypes (the dtype `np.concatenate` gives).
 *
 * @example
 * ```ts
 * resultDtype(['float32', 'int64']); // 'float64'
 * resultDtype(['uint8', 'int8']); // 'int16'
 * ```
 */
export function resultDtype(dtypes: readonly Dtype[]): Dtype {
  const floats = dtypes.filter((d) => d.startsWith('float'));
  const signed = dtypes.filter((d) => d.startsWith('int')).map((d) => BITS[d]);
  const unsigned = dtypes.filter((d) => d.startsWith('uint')).map((d) => BITS[d]);
  if (floats.length > 0 || dtypes.length === 0) {
    const needed = [
      ...floats.map((d) => BITS[d]),
      ...[...signed, ...unsigned].map((bits) => (bits <= 16 ? 32 : 64)),
    ];
    return Math.max(32, ...needed) === 32 && dtypes.length > 0 ? 'float32' : 'float64';
  }
  const maxSigned = Math.max(0, ...signed);
  const maxUnsigned = Math.max(0, ...unsigned);
  if (maxUnsigned === 0) return `int${maxSigned}` as Dtype;
  if (maxSigned === 0) return `uint${maxUnsigned}` as Dtype;
  if (maxSigned > maxUnsigned) return `int${maxSigned}` as Dtype;
  return `int${Math.min(2 * maxUnsigned, 64)}` as Dtype;
}

/** The dtype Gymnasium's `flatten` gives for `space` (before LoopGym stores `int64` as `float64`). */
function gymnasiumFlatDtype(space: AnySpace): Dtype {
  if (isBox(space)) return space.dtype;
  if (space instanceof Discrete || space instanceof MultiDiscrete) return 'int64';
  if (space instanceof MultiBinary) return 'int8';
  if (space instanceof Text) return 'int32';
  if (isTuple(space)) return resultDtype(tupleSpaces(space).map(gymnasiumFlatDtype));
  if (isDict(space)) return resultDtype(space.keys.map((key) => gymnasiumFlatDtype(subspace(space, key))));
  throw unsupported(space);
}

/**
 * The dtype of `flatten(space, x)` and of `flattenSpace(space)`.
 *
 * @example
 * ```ts
 * flatDtype(new Dict({ a: new Box(-1, 1, [2]), b: new MultiBinary(2) })); // 'float32'
 * flatDtype(new Discrete(3)); // 'float64' (int64 in Gymnasium)
 * ```
 */
export function flatDtype(space: AnySpace): BoxDtype {
  const dtype = gymnasiumFlatDtype(space);
  return dtype === 'int64' ? 'float64' : dtype;
}

/**
 * The length of a flattened element of `space`.
 *
 * @example
 * ```ts
 * flatdim(new Dict({ a: new Box(-1, 1, [2, 2]), b: new Discrete(3) })); // 7
 * ```
 */
export function flatdim(space: AnySpace): number {
  if (isBox(space) || space instanceof MultiBinary) return space.size;
  if (space instanceof Discrete) return space.n;
  if (space instanceof MultiDiscrete) return space.nvec.reduce((a, b) => a + b, 0);
  if (space instanceof Text) return space.maxLength;
  if (isTuple(space)) return tupleSpaces(space).reduce((total, s) => total + flatdim(s), 0);
  if (isDict(space)) return space.keys.reduce((total, key) => total + flatdim(subspace(space, key)), 0);
  throw unsupported(space);
}

/**
 * `x` as a flat typed array of {@link flatDtype} (Gymnasium's `flatten`): an element of {@link flattenSpace}.
 *
 * @example
 * ```ts
 * flatten(new Discrete(4), 2); // Float64Array [0, 0, 1, 0]
 * flatten(new Tuple([new Discrete(2), new Box(0, 1, [2])]), [1, Float32Array.of(0.5, 0.25)]); // Float64Array [0, 1, 0.5, 0.25]
 * ```
 */
export function flatten<S extends AnySpace>(space: S, x: SpaceElement<S>): NumericArray {
  const out = allocate(flatDtype(space), flatdim(space));
  write(space, x, out, 0);
  return out;
}

function write(space: AnySpace, x: unknown, out: NumericArray, offset: number): number {
  if (isBox(space) || space instanceof MultiBinary) {
    if (dtypeOf(x) === undefined || (x as NumericArray).length !== space.size) throw notElement(space, x);
    out.set(x as NumericArray, offset);
    return offset + space.size;
  }
  if (space instanceof Discrete) {
    if (!space.contains(x)) throw notElement(space, x);
    out[offset + x - space.start] = 1;
    return offset + space.n;
  }
  if (space instanceof MultiDiscrete) {
    if (!space.contains(x)) throw notElement(space, x);
    let position = offset;
    for (let i = 0; i < space.size; i++) {
      out[position + x[i]! - space.start[i]!] = 1;
      position += space.nvec[i]!;
    }
    return position;
  }
  if (space instanceof Text) {
    if (!space.contains(x)) throw notElement(space, x);
    out.fill(space.characterList.length, offset, offset + space.maxLength);
    Array.from(x).forEach((character, i) => (out[offset + i] = space.characterIndex(character)));
    return offset + space.maxLength;
  }
  if (isTuple(space)) {
    if (!Array.isArray(x) || x.length !== space.length) throw notElement(space, x);
    return tupleSpaces(space).reduce((position, s, i) => write(s, x[i], out, position), offset);
  }
  if (isDict(space)) {
    if (x === null || typeof x !== 'object') throw notElement(space, x);
    const values = x as Record<string, unknown>;
    return space.keys.reduce(
      (position, key) => write(subspace(space, key), values[key], out, position),
      offset,
    );
  }
  throw unsupported(space);
}

/**
 * The element a flat array stands for (Gymnasium's `unflatten`); `flat` must come from {@link flatten} of the same
 * space (a one-hot block without a 1 cannot be read back).
 *
 * @example
 * ```ts
 * unflatten(new Discrete(4), Float64Array.of(0, 0, 1, 0)); // 2
 * ```
 */
export function unflatten<S extends AnySpace>(space: S, flat: ArrayLike<number>): SpaceElement<S> {
  const size = flatdim(space);
  if (flat.length !== size) {
    throw new InvalidArgumentError(
      `unflatten: ${space.toString()} needs ${size} values, got ${flat.length}.`,
    );
  }
  return read(space, flat, 0) as SpaceElement<S>;
}

function read(space: AnySpace, flat: ArrayLike<number>, offset: number): unknown {
  const slice = (length: number): number[] => Array.from({ length }, (_, i) => flat[offset + i]!);
  if (isBox(space) || space instanceof MultiBinary) {
    const out = allocate(isBox(space) ? space.dtype : 'int8', space.size);
    out.set(slice(space.size));
    return out;
  }
  if (space instanceof Discrete) return space.start + firstNonZero(slice(space.n), space);
  if (space instanceof MultiDiscrete) {
    const out = new Int32Array(space.size);
    let position = 0;
    const values = slice(flatdim(space));
    for (let i = 0; i < space.size; i++) {
      out[i] = space.start[i]! + firstNonZero(values.slice(position, position + space.nvec[i]!), space);
      position += space.nvec[i]!;
    }
    return out;
  }
  if (space instanceof Text) {
    const count = space.characterList.length;
    return slice(space.maxLength)
      .filter((index) => index < count)
      .map((index) => space.characterList[index] ?? '')
      .join('');
  }
  const parts: [string | number, AnySpace][] = isTuple(space)
    ? tupleSpaces(space).map((s, i) => [i, s])
    : isDict(space)
      ? space.keys.map((key) => [key, subspace(space, key)])
      : [];
  if (!isTuple(space) && !isDict(space)) throw unsupported(space);
  let position = offset;
  const values = parts.map(([key, s]) => {
    const value = read(s, flat, position);
    position += flatdim(s);
    return [key, value] as const;
  });
  return isTuple(space) ? values.map(([, value]) => value) : Object.fromEntries(values);
}

/**
 * The flat `Box` that {@link flatten} maps `space` into (Gymnasium's `flatten_space`): one-hot parts are
 * `[0, 1]`, Text parts `[0, charset size]`, Box parts keep their bounds.
 *
 * @example
 * ```ts
 * flattenSpace(new Box(0, 1, [3, 4])).toString(); // 'Box(0.0, 1.0, (12,), float32)'
 * flattenSpace(new Discrete(5)).toString(); // 'Box(0.0, 1.0, (5,), float64)' (int64 in Gymnasium)
 * ```
 */
export function flattenSpace(space: AnySpace): Box<BoxDtype> {
  const low: number[] = [];
  const high: number[] = [];
  collectBounds(space, low, high);
  return new Box(low, high, [low.length], flatDtype(space));
}

function collectBounds(space: AnySpace, low: number[], high: number[]): void {
  if (isBox(space)) {
    low.push(...space.low);
    high.push(...space.high);
  } else if (space instanceof Discrete || space instanceof MultiDiscrete || space instanceof MultiBinary) {
    const size = flatdim(space);
    for (let i = 0; i < size; i++) {
      low.push(0);
      high.push(1);
    }
  } else if (space instanceof Text) {
    for (let i = 0; i < space.maxLength; i++) {
      low.push(0);
      high.push(space.characterList.length);
    }
  } else if (isTuple(space)) {
    for (const s of tupleSpaces(space)) collectBounds(s, low, high);
  } else if (isDict(space)) {
    for (const key of space.keys) collectBounds(subspace(space, key), low, high);
  } else throw unsupported(space);
}

function firstNonZero(values: readonly number[], space: AnySpace): number {
  const index = values.findIndex((v) => v !== 0);
  if (index < 0) {
    throw new InvalidArgumentError(
      `unflatten: ${describeValue(values)} is not a one-hot block and cannot be read back into ${space.toString()}.`,
    );
  }
  return index;
}

function tupleSpaces(space: Tuple): readonly AnySpace[] {
  return space.spaces;
}

function subspace(space: Dict, key: string): AnySpace {
  return (space.spaces as Record<string, AnySpace>)[key]!;
}

function notElement(space: AnySpace, x: unknown): InvalidArgumentError {
  return new InvalidArgumentError(`flatten: ${describeValue(x)} is not an element of ${space.toString()}.`);
}

function unsupported(space: AnySpace): UnsupportedOperationError {
  return new UnsupportedOperationError(
    `Cannot flatten ${space.toString()}: only Box, Discrete, MultiDiscrete, MultiBinary, Text, Tuple and Dict spaces flatten.`,
  );
}
