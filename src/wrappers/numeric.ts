/**
 * Internal numeric helpers the wrappers share: NumPy's type promotion over the typed-array dtypes, and rounding
 * functions that reproduce float32 or float64 arithmetic.
 */
import { InvalidArgumentError } from '../core/errors.js';
import { DTYPES, dtypeOf, type BoxDtype, type NumericArray } from '../spaces/dtype.js';

/** The floating dtypes arithmetic results live in. */
export type FloatDtype = 'float32' | 'float64';

/** Rounds a float64 result to the precision of `dtype` (NumPy computes float32 operations in float32). */
export function rounder(dtype: FloatDtype): (x: number) => number {
  return dtype === 'float32' ? Math.fround : identity;
}

function identity(x: number): number {
  return x;
}

const INTEGER_BITS: Partial<Record<BoxDtype, number>> = {
  int8: 8,
  int16: 16,
  int32: 32,
  uint8: 8,
  uint16: 16,
  uint32: 32,
};

/**
 * NumPy's `result_type` of two array dtypes, as far as typed arrays go. Mixed signed/unsigned integers that NumPy
 * widens to int64 map to float64 here (no typed array holds int64 numbers exactly as `number`s).
 *
 * @example
 * ```ts
 * promoteDtypes('float32', 'uint8'); // 'float32'
 * promoteDtypes('float32', 'int32'); // 'float64'
 * ```
 */
export function promoteDtypes(a: BoxDtype, b: BoxDtype): BoxDtype {
  if (a === b) return a;
  const kindA = DTYPES[a].kind;
  const kindB = DTYPES[b].kind;
  if (kindA === 'f' || kindB === 'f') {
    if (a === 'float64' || b === 'float64') return 'float64';
    const integer = kindA === 'f' ? b : a;
    return INTEGER_BITS[integer]! <= 16 ? 'float32' : 'float64';
  }
  const bitsA = INTEGER_BITS[a]!;
  const bitsB = INTEGER_BITS[b]!;
  if (kindA === kindB) return bitsA >= bitsB ? a : b;
  const [signedBits, unsignedBits] = kindA === 'i' ? [bitsA, bitsB] : [bitsB, bitsA];
  const needed = Math.max(signedBits, unsignedBits * 2);
  if (needed <= 16) return 'int16';
  if (needed <= 32) return 'int32';
  return 'float64';
}

/** The dtype of arithmetic between arrays of these dtypes, where one of them is a float: float32 only if all allow it. */
export function floatResultDtype(...dtypes: BoxDtype[]): FloatDtype {
  let result: BoxDtype = dtypes[0] ?? 'float64';
  for (const dtype of dtypes.slice(1)) result = promoteDtypes(result, dtype);
  return result === 'float32' ? 'float32' : 'float64';
}

/**
 * The dtype NumPy would give `value` as an array: a typed array's own dtype; float64 for plain numbers and arrays
 * of numbers (NumPy makes integers int64, which widens to float64 in every operation with a float array).
 */
export function valueDtype(value: unknown): BoxDtype {
  return dtypeOf(value) ?? 'float64';
}

/** `value` as a readable list of numbers; throws a clear error for anything else. */
export function numericValues(value: unknown, what: string): ArrayLike<number> {
  if (typeof value === 'number') return [value];
  if (dtypeOf(value) !== undefined) return value as NumericArray;
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return value;
  throw new InvalidArgumentError(`${what} must be a number or an array of numbers, got ${typeof value}.`);
}
