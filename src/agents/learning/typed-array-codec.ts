import { z } from 'zod';
import { CheckpointError } from './checkpoint-error.js';

/** A float array in a checkpoint: its element type and its little-endian bytes in base64. */
export interface EncodedFloatArray {
  dtype: 'float32' | 'float64';
  length: number;
  base64: string;
}

/** The zod schema of {@link EncodedFloatArray}. */
export const encodedFloatArraySchema = z.strictObject({
  dtype: z.enum(['float32', 'float64']),
  length: z.number().int().nonnegative(),
  base64: z.string(),
});

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Encodes a `Float32Array`/`Float64Array` exactly (every bit, NaN payloads included) as base64 of its
 * little-endian bytes.
 *
 * @example
 * ```ts
 * const encoded = encodeFloatArray(new Float64Array([0.1, 2]));
 * decodeFloat64Array(encoded); // Float64Array [0.1, 2]
 * ```
 */
export function encodeFloatArray(values: Float32Array | Float64Array): EncodedFloatArray {
  const dtype = values instanceof Float32Array ? 'float32' : 'float64';
  const bytes = toLittleEndianBytes(values);
  return { dtype, length: values.length, base64: Buffer.from(bytes).toString('base64') };
}

/**
 * Decodes an {@link EncodedFloatArray} of dtype `float64`.
 *
 * @example
 * ```ts
 * decodeFloat64Array(encodeFloatArray(new Float64Array([1, 2]))); // Float64Array [1, 2]
 * ```
 */
export function decodeFloat64Array(encoded: EncodedFloatArray, what = 'array'): Float64Array {
  return decode(encoded, 'float64', what) as Float64Array;
}

/**
 * Decodes an {@link EncodedFloatArray} of dtype `float32`.
 *
 * @example
 * ```ts
 * decodeFloat32Array(encodeFloatArray(new Float32Array([1, 2]))); // Float32Array [1, 2]
 * ```
 */
export function decodeFloat32Array(encoded: EncodedFloatArray, what = 'array'): Float32Array {
  return decode(encoded, 'float32', what) as Float32Array;
}

function decode(
  encoded: EncodedFloatArray,
  dtype: 'float32' | 'float64',
  what: string,
): Float32Array | Float64Array {
  if (encoded.dtype !== dtype) {
    throw new CheckpointError(`Checkpoint ${what}: expected dtype ${dtype}, found ${encoded.dtype}.`);
  }
  const width = dtype === 'float32' ? 4 : 8;
  const bytes = Buffer.from(encoded.base64, 'base64');
  if (bytes.length !== encoded.length * width) {
    throw new CheckpointError(
      `Checkpoint ${what}: ${bytes.length} bytes of data for ${encoded.length} ${dtype} values (${encoded.length * width} expected); the file is damaged.`,
    );
  }
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  if (!littleEndian) swapBytes(copy, width);
  return dtype === 'float32' ? new Float32Array(copy.buffer) : new Float64Array(copy.buffer);
}

function toLittleEndianBytes(values: Float32Array | Float64Array): Uint8Array {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  if (littleEndian) return bytes;
  const copy = Uint8Array.from(bytes);
  swapBytes(copy, values.BYTES_PER_ELEMENT);
  return copy;
}

function swapBytes(bytes: Uint8Array, width: number): void {
  for (let start = 0; start < bytes.length; start += width) bytes.subarray(start, start + width).reverse();
}
