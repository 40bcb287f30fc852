import type { Dtype } from '../core/space.js';

/** Element types a `Box` supports (every typed-array type but the 64-bit integers). */
export type BoxDtype = Exclude<Dtype, 'int64'>;

/** The typed array that holds elements of a dtype. */
export type TypedArrayOf<D extends BoxDtype> = D extends 'float32'
  ? Float32Array
  : D extends 'float64'
    ? Float64Array
    : D extends 'int8'
      ? Int8Array
      : D extends 'int16'
        ? Int16Array
        : D extends 'int32'
          ? Int32Array
          : D extends 'uint8'
            ? Uint8Array
            : D extends 'uint16'
              ? Uint16Array
              : Uint32Array;

/** Any numeric typed array a space may hold. */
export type NumericArray =
  Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

interface DtypeInfo {
  readonly construct: new (length: number) => NumericArray;
  readonly kind: 'f' | 'i' | 'u';
  readonly min: number;
  readonly max: number;
}

const FLOAT32_MAX = 3.4028234663852886e38;

/** Constructor, kind and range of each dtype. */
export const DTYPES: Readonly<Record<BoxDtype, DtypeInfo>> = {
  float32: { construct: Float32Array, kind: 'f', min: -FLOAT32_MAX, max: FLOAT32_MAX },
  float64: { construct: Float64Array, kind: 'f', min: -Number.MAX_VALUE, max: Number.MAX_VALUE },
  int8: { construct: Int8Array, kind: 'i', min: -128, max: 127 },
  int16: { construct: Int16Array, kind: 'i', min: -32768, max: 32767 },
  int32: { construct: Int32Array, kind: 'i', min: -2147483648, max: 2147483647 },
  uint8: { construct: Uint8Array, kind: 'u', min: 0, max: 255 },
  uint16: { construct: Uint16Array, kind: 'u', min: 0, max: 65535 },
  uint32: { construct: Uint32Array, kind: 'u', min: 0, max: 4294967295 },
};

/** Whether `value` is a dtype a `Box` supports. */
export function isBoxDtype(value: unknown): value is BoxDtype {
  return typeof value === 'string' && Object.hasOwn(DTYPES, value);
}

/** The dtype of a typed array, or undefined for anything else. */
export function dtypeOf(value: unknown): BoxDtype | undefined {
  if (value instanceof Float32Array) return 'float32';
  if (value instanceof Float64Array) return 'float64';
  if (value instanceof Int8Array) return 'int8';
  if (value instanceof Int16Array) return 'int16';
  if (value instanceof Int32Array) return 'int32';
  if (value instanceof Uint8Array) return 'uint8';
  if (value instanceof Uint16Array) return 'uint16';
  if (value instanceof Uint32Array) return 'uint32';
  return undefined;
}

/** A new zero-filled typed array of `dtype`. */
export function allocate<D extends BoxDtype>(dtype: D, length: number): TypedArrayOf<D> {
  return new DTYPES[dtype].construct(length) as TypedArrayOf<D>;
}
