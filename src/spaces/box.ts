import { describeValue, InvalidArgumentError } from '../core/errors.js';
import type { Rng } from '../core/random/rng.js';
import type { JsonSchema, Space, SpaceJson } from '../core/space.js';
import {
  flattenNested,
  formatShape,
  nestedArraySchema,
  nestValues,
  sameShape,
  sameValues,
} from './array-shape.js';
import { allocate, DTYPES, dtypeOf, isBoxDtype, type BoxDtype, type TypedArrayOf } from './dtype.js';
import { formatArray } from './format-array.js';
import { formatNumber } from './format-number.js';
import {
  boundAt,
  castBound,
  encodeBound,
  encodeBounds,
  inferShape,
  isUniform,
  type BoxBound,
} from './box-bounds.js';

export type { BoxBound } from './box-bounds.js';

/**
 * A (possibly unbounded) box in R^n, as Gymnasium's `Box`. Elements are typed arrays of the dtype holding the
 * coordinates in row-major order (`Float32Array` for the default `float32`).
 *
 * @example
 * ```ts
 * const space = new Box(-1, 1, [3]); // Box(-1.0, 1.0, (3,), float32)
 * space.contains(new Float32Array([0, 0.5, -1])); // true
 * space.sample(createRng(0)); // as gymnasium.spaces.Box(-1, 1, (3,), seed=0).sample()
 * ```
 */
export class Box<D extends BoxDtype = 'float32'> implements Space<TypedArrayOf<D>> {
  readonly type = 'Box';
  readonly shape: readonly number[];
  readonly dtype: D;
  /** Lower bounds, in the dtype (`-Infinity` where unbounded below). */
  readonly low: TypedArrayOf<D>;
  /** Upper bounds, in the dtype (`Infinity` where unbounded above). */
  readonly high: TypedArrayOf<D>;
  /** Number of coordinates (the product of the shape). */
  readonly size: number;
  /** 1 where a coordinate is bounded below (its `low` was finite; Gymnasium's `bounded_below`). */
  readonly boundedBelow: Uint8Array;
  /** 1 where a coordinate is bounded above (its `high` was finite; Gymnasium's `bounded_above`). */
  readonly boundedAbove: Uint8Array;

  constructor(low: BoxBound, high: BoxBound, shape?: readonly number[], dtype: D = 'float32' as D) {
    if (!isBoxDtype(dtype)) throw new InvalidArgumentError(`Box: unsupported dtype ${String(dtype)}.`);
    this.dtype = dtype;
    this.shape = inferShape(low, high, shape);
    this.size = this.shape.reduce((a, b) => a * b, 1);
    const info = DTYPES[dtype];
    this.low = allocate(dtype, this.size);
    this.high = allocate(dtype, this.size);
    this.boundedBelow = new Uint8Array(this.size);
    this.boundedAbove = new Uint8Array(this.size);
    for (let i = 0; i < this.size; i++) {
      const lowValue = boundAt(low, i, 'low');
      const highValue = boundAt(high, i, 'high');
      this.boundedBelow[i] = lowValue > -Infinity ? 1 : 0;
      this.boundedAbove[i] = highValue < Infinity ? 1 : 0;
      this.low[i] = castBound(lowValue, info.kind, info.min, info.max, 'low');
      this.high[i] = castBound(highValue, info.kind, info.min, info.max, 'high');
      // A zero bound is stored as +0 (float32 rounding can make -0), so the JSON form round-trips exactly.
      this.low[i] = this.low[i]! + 0;
      this.high[i] = this.high[i]! + 0;
      if (this.low[i]! > this.high[i]!) {
        throw new InvalidArgumentError(
          `Box: low must not exceed high (coordinate ${i}: ${lowValue} > ${highValue}).`,
        );
      }
    }
  }

  /** Whether every coordinate is bounded `below`, `above`, or on `both` sides. */
  isBounded(manner: 'both' | 'below' | 'above' = 'both'): boolean {
    const below = this.boundedBelow.every((b) => b === 1);
    const above = this.boundedAbove.every((b) => b === 1);
    return manner === 'both' ? below && above : manner === 'below' ? below : above;
  }

  contains(x: unknown): x is TypedArrayOf<D> {
    if (dtypeOf(x) !== this.dtype) return false;
    const values = x as TypedArrayOf<D>;
    if (values.length !== this.size) return false;
    for (let i = 0; i < this.size; i++) {
      const value = values[i]!;
      if (!(value >= this.low[i]! && value <= this.high[i]!)) return false;
    }
    return true;
  }

  /**
   * A random element, drawn as Gymnasium draws it: normal for unbounded coordinates, shifted exponential for
   * half-bounded ones, uniform for bounded ones (in that order), floored for integer dtypes and clipped to the
   * dtype's range shrunk by 2 (signed types).
   *
   * One deliberate difference: integer samples are finally clipped to `[low, high]`. Gymnasium skips this (except
   * for int64), so e.g. `Box(126, 127, dtype=int8)` samples 125, outside the box; here that becomes 126.
   * Every other sample, and the random draws themselves, are identical to Gymnasium's.
   */
  sample(rng: Rng): TypedArrayOf<D> {
    const info = DTYPES[this.dtype];
    const integer = info.kind !== 'f';
    const draws = new Float64Array(this.size);
    const upper = (i: number): number => (integer ? this.high[i]! + 1 : this.high[i]!);
    for (let i = 0; i < this.size; i++) {
      if (!this.boundedBelow[i] && !this.boundedAbove[i]) draws[i] = rng.standardNormal();
    }
    for (let i = 0; i < this.size; i++) {
      if (this.boundedBelow[i] && !this.boundedAbove[i]) draws[i] = rng.standardExponential() + this.low[i]!;
    }
    for (let i = 0; i < this.size; i++) {
      if (!this.boundedBelow[i] && this.boundedAbove[i]) draws[i] = -rng.standardExponential() + upper(i);
    }
    for (let i = 0; i < this.size; i++) {
      if (this.boundedBelow[i] && this.boundedAbove[i]) draws[i] = rng.uniform(this.low[i], upper(i));
    }
    const out = allocate(this.dtype, this.size);
    for (let i = 0; i < this.size; i++) {
      let value = draws[i]!;
      if (integer) {
        value = Math.floor(value);
        const min = info.kind === 'i' ? info.min + 2 : info.min;
        const max = info.kind === 'i' ? info.max - 2 : info.max;
        value = Math.min(Math.max(value, min), max);
        // Not in Gymnasium: the clip above can leave the box when a bound is within 2 of the dtype's limits.
        value = Math.min(Math.max(value, this.low[i]!), this.high[i]!);
      }
      out[i] = value;
    }
    return out;
  }

  /** `low` and `high` are single numbers when uniform, flat row-major lists otherwise; infinities are `'inf'`/`'-inf'`. */
  toJSON(): SpaceJson {
    return {
      type: this.type,
      low: encodeBounds(this.low, this.boundedBelow, '-inf'),
      high: encodeBounds(this.high, this.boundedAbove, 'inf'),
      shape: [...this.shape],
      dtype: this.dtype,
    };
  }

  toJsonSchema(): JsonSchema {
    const uniform = isUniform(this.low) && isUniform(this.high);
    const integer = DTYPES[this.dtype].kind !== 'f';
    const leaf = (i: number): JsonSchema => {
      const schema: JsonSchema = { type: integer ? 'integer' : 'number' };
      const low = this.low[i] ?? -Infinity;
      const high = this.high[i] ?? Infinity;
      if (Number.isFinite(low)) schema.minimum = low;
      if (Number.isFinite(high)) schema.maximum = high;
      const infinities = [...(high === Infinity ? ['inf'] : []), ...(low === -Infinity ? ['-inf'] : [])];
      return infinities.length === 0 ? schema : { anyOf: [schema, { enum: infinities }] };
    };
    return nestedArraySchema(this.shape, leaf, uniform);
  }

  /** Nested arrays, like NumPy's `tolist()`; infinities (allowed where a coordinate is unbounded) as `'inf'`/`'-inf'`. */
  toJsonValue(x: TypedArrayOf<D>): unknown {
    return nestValues(Array.from(x, encodeBound), this.shape);
  }

  /** Reads nested arrays of numbers within the bounds (float values are rounded to the dtype, as NumPy's `asarray`). */
  fromJsonValue(value: unknown): TypedArrayOf<D> {
    const leaves = flattenNested(value, this.shape);
    const numbers = leaves?.map((v) => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v));
    if (numbers === undefined || !numbers.every((v) => typeof v === 'number')) {
      throw new InvalidArgumentError(
        `${describeValue(value)} is not an element of ${this.toString()}: expected nested arrays of shape ` +
          `${formatShape(this.shape)} holding numbers.`,
      );
    }
    const integer = DTYPES[this.dtype].kind !== 'f';
    const inRange = numbers.every(
      (v, i) => v >= this.low[i]! && v <= this.high[i]! && (!integer || Number.isInteger(v)),
    );
    if (!inRange) {
      throw new InvalidArgumentError(
        `${describeValue(value)} is not an element of ${this.toString()}: values must be ` +
          `${integer ? 'integers' : 'numbers'} within [low, high].`,
      );
    }
    const out = allocate(this.dtype, this.size);
    out.set(numbers);
    return out;
  }

  equals(other: Space<unknown, unknown>): boolean {
    return (
      isBox(other) &&
      other.dtype === this.dtype &&
      sameShape(other.shape, this.shape) &&
      sameValues(other.low, this.low) &&
      sameValues(other.high, this.high) &&
      sameValues(other.boundedBelow, this.boundedBelow) &&
      sameValues(other.boundedAbove, this.boundedAbove)
    );
  }

  /** Gymnasium's `repr`: `Box(-1.0, 1.0, (3,), float32)`, or the bounds printed as NumPy arrays when not uniform. */
  toString(): string {
    return `Box(${this.boundText(this.low)}, ${this.boundText(this.high)}, ${formatShape(this.shape)}, ${this.dtype})`;
  }

  private boundText(values: TypedArrayOf<D>): string {
    const kind = DTYPES[this.dtype].kind;
    const float32 = this.dtype === 'float32';
    if (values.length > 0 && isUniform(values)) return formatNumber(values[0]!, kind, float32);
    return formatArray(values, this.shape, { kind, float32 });
  }
}

/**
 * Whether `value` is a {@link Box} space (of any dtype).
 *
 * @example
 * ```ts
 * isBox(new Box(0, 1, [2])); // true
 * ```
 */
export function isBox(value: unknown): value is Box<BoxDtype> {
  return value instanceof Box;
}
