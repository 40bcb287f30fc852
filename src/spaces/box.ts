import { InvalidArgumentError } from '../core/errors.js';
import type { Rng } from '../core/random/rng.js';
import type { JsonSchema, Space, SpaceJson } from '../core/space.js';
import { allocate, DTYPES, dtypeOf, isBoxDtype, type BoxDtype, type TypedArrayOf } from './dtype.js';
import { formatNumber } from './format-number.js';

/** A bound of a `Box`: one number for every coordinate, or one per coordinate (row-major). */
export type BoxBound = number | ArrayLike<number>;

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
  private readonly boundedBelow: Uint8Array;
  private readonly boundedAbove: Uint8Array;

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
   * half-bounded ones, uniform for bounded ones (in that order), floored for integer dtypes.
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
      }
      out[i] = value;
    }
    return out;
  }

  toJSON(): SpaceJson {
    return {
      type: this.type,
      low: Array.from(this.low, encodeBound),
      high: Array.from(this.high, encodeBound),
      shape: [...this.shape],
      dtype: this.dtype,
    };
  }

  toJsonSchema(): JsonSchema {
    const uniformLow = this.low.every((v) => v === this.low[0]);
    const uniformHigh = this.high.every((v) => v === this.high[0]);
    const kind = DTYPES[this.dtype].kind;
    const element = (i: number | undefined): JsonSchema => {
      const schema: JsonSchema = { type: kind === 'f' ? 'number' : 'integer' };
      const lowValue = i === undefined ? this.low[0] : this.low[i];
      const highValue = i === undefined ? this.high[0] : this.high[i];
      if (lowValue !== undefined && Number.isFinite(lowValue)) schema.minimum = lowValue;
      if (highValue !== undefined && Number.isFinite(highValue)) schema.maximum = highValue;
      return schema;
    };
    const build = (depth: number, offset: number): JsonSchema => {
      const length = this.shape[depth]!;
      const stride = this.shape.slice(depth + 1).reduce((a, b) => a * b, 1);
      const schema: JsonSchema = { type: 'array', minItems: length, maxItems: length };
      if (depth === this.shape.length - 1) {
        if (uniformLow && uniformHigh) schema.items = element(undefined);
        else schema.prefixItems = Array.from({ length }, (_, k) => element(offset + k));
      } else {
        schema.prefixItems = Array.from({ length }, (_, k) => build(depth + 1, offset + k * stride));
      }
      return schema;
    };
    return this.shape.length === 0 ? element(0) : build(0, 0);
  }

  /** Nested arrays, like NumPy's `tolist()`. */
  toJsonValue(x: TypedArrayOf<D>): unknown {
    const nest = (depth: number, offset: number): unknown => {
      if (depth === this.shape.length) return x[offset];
      const stride = this.shape.slice(depth + 1).reduce((a, b) => a * b, 1);
      return Array.from({ length: this.shape[depth]! }, (_, k) => nest(depth + 1, offset + k * stride));
    };
    return nest(0, 0);
  }

  fromJsonValue(value: unknown): TypedArrayOf<D> {
    const flat =
      this.shape.length === 0 ? [value] : (value as unknown[] | undefined)?.flat?.(this.shape.length - 1);
    const out = allocate(this.dtype, this.size);
    if (!Array.isArray(flat) || flat.length !== this.size || !flat.every((v) => typeof v === 'number')) {
      throw new InvalidArgumentError(`${JSON.stringify(value)} is not an element of ${this.toString()}.`);
    }
    out.set(flat);
    if (!this.contains(out)) {
      throw new InvalidArgumentError(`${JSON.stringify(value)} is not an element of ${this.toString()}.`);
    }
    return out;
  }

  equals(other: Space<unknown, unknown>): boolean {
    return (
      other instanceof Box &&
      other.dtype === this.dtype &&
      other.shape.length === this.shape.length &&
      other.shape.every((d, i) => d === this.shape[i]) &&
      sameValues(other.low, this.low) &&
      sameValues(other.high, this.high)
    );
  }

  toString(): string {
    const shape = this.shape.length === 1 ? `(${this.shape[0]},)` : `(${this.shape.join(', ')})`;
    return `Box(${this.boundText(this.low)}, ${this.boundText(this.high)}, ${shape}, ${this.dtype})`;
  }

  private boundText(values: TypedArrayOf<D>): string {
    const kind = DTYPES[this.dtype].kind;
    const float32 = this.dtype === 'float32';
    if (values.every((v) => v === values[0])) return formatNumber(values[0] ?? 0, kind, float32);
    return `[${Array.from(values, (v) => formatNumber(v, kind, float32)).join(' ')}]`;
  }
}

function inferShape(low: BoxBound, high: BoxBound, shape: readonly number[] | undefined): readonly number[] {
  if (shape !== undefined) {
    if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
      throw new InvalidArgumentError(
        `Box: shape must hold non-negative integers, got [${shape.join(', ')}].`,
      );
    }
    const size = shape.reduce((a, b) => a * b, 1);
    for (const [name, bound] of [
      ['low', low],
      ['high', high],
    ] as const) {
      if (typeof bound !== 'number' && bound.length !== size) {
        throw new InvalidArgumentError(
          `Box: ${name} has ${bound.length} values but shape [${shape.join(', ')}] needs ${size}.`,
        );
      }
    }
    return [...shape];
  }
  if (typeof low !== 'number' && typeof high !== 'number' && low.length !== high.length) {
    throw new InvalidArgumentError(
      `Box: low and high have different lengths (${low.length} and ${high.length}).`,
    );
  }
  if (typeof low !== 'number') return [low.length];
  if (typeof high !== 'number') return [high.length];
  return [1];
}

function boundAt(bound: BoxBound, index: number, name: string): number {
  const value = typeof bound === 'number' ? bound : bound[index]!;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new InvalidArgumentError(`Box: ${name} must be numbers, not NaN (coordinate ${index}).`);
  }
  return value;
}

function castBound(
  value: number,
  kind: 'f' | 'i' | 'u',
  min: number,
  max: number,
  name: 'low' | 'high',
): number {
  if (kind === 'f') {
    if (Number.isFinite(value) && (value < min || value > max)) {
      throw new InvalidArgumentError(`Box: ${name} ${value} is out of the dtype's range [${min}, ${max}].`);
    }
    return value;
  }
  if (value === -Infinity || value === Infinity) {
    if (kind === 'u' && value === -Infinity)
      throw new InvalidArgumentError('Box: unsigned dtypes do not support -Infinity.');
    return value < 0 ? min : max;
  }
  if (value < min || value > max) {
    throw new InvalidArgumentError(`Box: ${name} ${value} is out of the dtype's range [${min}, ${max}].`);
  }
  return value;
}

function encodeBound(value: number): number | string {
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return value;
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
