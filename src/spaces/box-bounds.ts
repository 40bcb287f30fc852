/** Bound handling of `Box`: shape inference, dtype casting (Gymnasium's rules) and the JSON encoding. */
import { InvalidArgumentError } from '../core/errors.js';
import { checkShape, shapeSize } from './array-shape.js';

/** A bound of a `Box`: one number for every coordinate, or one per coordinate (row-major). */
export type BoxBound = number | ArrayLike<number>;

/** The shape given, or the one the bounds imply (`[1]` for two numbers, as Gymnasium). */
export function inferShape(
  low: BoxBound,
  high: BoxBound,
  shape: readonly number[] | undefined,
): readonly number[] {
  if (shape !== undefined) {
    checkShape(shape, 'Box');
    const size = shapeSize(shape);
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

/** The bound of coordinate `index` (throws for NaN). */
export function boundAt(bound: BoxBound, index: number, name: string): number {
  const value = typeof bound === 'number' ? bound : bound[index]!;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new InvalidArgumentError(`Box: ${name} must be numbers, not NaN (coordinate ${index}).`);
  }
  return value;
}

/**
 * A bound cast to the dtype as Gymnasium casts it: infinities become the limits of integer dtypes (unsigned dtypes
 * refuse `-Infinity`), finite values must lie in the dtype's range.
 */
export function castBound(
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

/** A number for JSON, infinities as `'inf'`/`'-inf'`. */
export function encodeBound(value: number): number | string {
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return value;
}

/** Bounds for `toJSON`: unbounded coordinates as `'inf'`/`'-inf'` (integer dtypes store them as the dtype's limits). */
export function encodeBounds(
  values: ArrayLike<number>,
  bounded: Uint8Array,
  infinity: 'inf' | '-inf',
): number | string | (number | string)[] {
  const encoded = Array.from(values, (value, i) => (bounded[i] === 1 ? encodeBound(value) : infinity));
  return encoded.length > 0 && encoded.every((v) => v === encoded[0]) ? encoded[0]! : encoded;
}

/** Whether all values are equal. */
export function isUniform(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}
