import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckpointError } from './checkpoint-error.js';
import {
  decodeFloat32Array,
  decodeFloat64Array,
  encodeFloatArray,
  type EncodedFloatArray,
} from './typed-array-codec.js';

describe('float array codec', () => {
  it('round-trips every float64 bit pattern', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (values) => {
        const array = Float64Array.from(values);
        const decoded = decodeFloat64Array(
          JSON.parse(JSON.stringify(encodeFloatArray(array))) as EncodedFloatArray,
        );
        expect(new Uint8Array(decoded.buffer)).toEqual(new Uint8Array(array.buffer));
      }),
    );
  });

  it('round-trips float32 arrays and subarray views', () => {
    fc.assert(
      fc.property(fc.array(fc.float()), fc.nat(3), (values, skip) => {
        const array = Float32Array.from([0, 0, 0, ...values]).subarray(Math.min(skip, 3));
        expect(Array.from(decodeFloat32Array(encodeFloatArray(array)))).toEqual(Array.from(array));
      }),
    );
  });

  it('reports a wrong dtype or a truncated payload', () => {
    const encoded = encodeFloatArray(new Float64Array([1, 2, 3]));
    expect(() => decodeFloat32Array(encoded, 'state.x')).toThrow(CheckpointError);
    expect(() => decodeFloat64Array({ ...encoded, length: 4 }, 'state.x')).toThrow(
      /state.x: 24 bytes of data for 4/,
    );
  });
});
